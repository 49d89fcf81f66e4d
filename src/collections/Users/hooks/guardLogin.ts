import type { CollectionAfterLoginHook, CollectionBeforeOperationHook } from 'payload'

import { clientAddress } from '../../../auth/clientAddress'
import { checkPasswordAgainstNobody } from '../../../auth/equalPasswordCheck'
import { admitLogin, loginSucceeded, normaliseEmail, TooManyAttempts } from '../../../auth/loginThrottle'

type LoginAttempt = { email: string; address: string }
const ATTEMPT = 'loginAttempt'

/**
 * Before Payload's login (REST, GraphQL and the admin's form alike): the throttle per account
 * and address, then, for an e-mail without an account, the same password-hashing work a real
 * account costs, so "unknown" and "wrong password" take as long and answer the same 401.
 * Payload's own per-account lock is off (maxLoginAttempts: 0): it let anyone lock the
 * administrator out with five wrong passwords, and told real accounts from unknown ones.
 */
export const guardLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const data = ((args as { data?: { email?: unknown; password?: unknown } }).data ?? {})
  const email = normaliseEmail(data.email)
  // Outside an HTTP request (our own Local API calls) every caller shares one budget.
  const address = clientAddress() ?? 'local'

  const wait = await admitLogin(req.payload, email, address)
  if (wait > 0) throw new TooManyAttempts(req, wait, 'login')
  req.context[ATTEMPT] = { email, address } satisfies LoginAttempt

  // Payload refuses an empty e-mail or password (400) before looking anyone up: nothing to equal.
  const password = typeof data.password === 'string' ? data.password : ''
  if (!email || password.trim() === '') return args
  const account = await req.payload.db.findOne({ collection: 'users', where: { email: { equals: email } }, req })
  if (!account) await checkPasswordAgainstNobody(password)
  return args
}

/** A successful login takes back its own count, and clears the failures of that account from that address. */
export const forgiveSuccessfulLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  const attempt = req.context[ATTEMPT] as LoginAttempt | undefined
  if (attempt) await loginSucceeded(req, attempt.email, attempt.address)
  return user
}
