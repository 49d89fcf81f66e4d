import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook, PayloadRequest } from 'payload'

import { inLanguageOf } from '../../../auth/messages'
import { passwordProblem } from '../../../auth/passwordPolicy'
import { validationError } from '../../../lib/validationError'

/** Payload's ValidationError on `password` (400), which the admin shows under the field. */
const refuseWeak = (req: PayloadRequest, password: string, email: string | undefined) => {
  const problem = passwordProblem(password, email)
  if (problem) throw validationError('users', 'password', [inLanguageOf(req, problem)], req)
}

/**
 * Creating a user (the admin, the first-user screen, ADMIN_PASSWORD) and changing a password.
 * Payload's password field is built in and takes no `validate`, so the policy reads
 * data.password here, before Payload hashes it.
 */
export const passwordPolicyOnSave: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  const password = (data as { password?: unknown } | undefined)?.password
  if (typeof password === 'string' && password !== '') {
    refuseWeak(req, password, (data as { email?: string }).email ?? (originalDoc as { email?: string } | undefined)?.email)
  }
  return data
}

/**
 * Choosing a new password with the link from the reset mail: Payload's reset-password hashes
 * the password before any hook that sees it, so it is checked as the operation starts.
 */
export const passwordPolicyOnReset: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'resetPassword') return args
  const { password, token } = ((args as { data?: { password?: unknown; token?: unknown } }).data ?? {})
  if (typeof password !== 'string' || password === '') return args
  const account =
    typeof token === 'string' && token !== ''
      ? await req.payload.db.findOne<{ id: number | string; email?: string }>({
          collection: 'users',
          where: { resetPasswordToken: { equals: token } },
          req,
        })
      : null
  refuseWeak(req, password, account?.email)
  return args
}
