import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import { passwordProblem } from '../auth/passwordPolicy'
import type { AppEnv } from '../config/env'

export type FirstAdminResult =
  | { created: false }
  | { created: true; email: string; generatedPassword?: string }

/**
 * When no user exists, create the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD. Without
 * them, a password is generated and printed once, so a new user can log in straight away.
 */
export const ensureFirstAdmin = async (
  payload: Payload,
  env: Pick<AppEnv, 'adminEmail' | 'adminPassword'>,
): Promise<FirstAdminResult> => {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return { created: false }
  const email = env.adminEmail ?? 'admin@example.dk'
  // Said at start, naming the setting, rather than as a validation error from deep in Payload.
  const problem = env.adminPassword ? passwordProblem(env.adminPassword, email) : null
  if (problem) throw new Error(`ADMIN_PASSWORD is refused: ${problem.en}`)
  const generatedPassword = env.adminPassword ? undefined : generatePassword(email)
  try {
    await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { email, password: env.adminPassword ?? generatedPassword!, name: 'Administrator', role: 'admin' },
    })
  } catch (error) {
    // Several processes starting together on a new database (a fleet's first deploy) all count
    // no users; the e-mail is unique, so one creates the administrator and the others land here.
    const { totalDocs: now } = await payload.count({ collection: 'users', overrideAccess: true })
    if (now > 0) return { created: false }
    throw error
  }
  if (generatedPassword) {
    // Printed once on purpose: it is the only way in until the admin changes it. In the log's
    // one language (English, like every log line), never two joined.
    payload.logger.info(`\n\n  First administrator created\n  e-mail:   ${email}\n  password: ${generatedPassword}\n\n`)
  } else {
    payload.logger.info(`First administrator created: ${email}`)
  }
  return { created: true, email, generatedPassword }
}

/** 16 random characters; drawn again in the unlikely case the password policy refuses them. */
const generatePassword = (email: string): string => {
  for (;;) {
    const candidate = randomBytes(12).toString('base64url')
    if (!passwordProblem(candidate, email)) return candidate
  }
}
