import { pbkdf2, randomBytes } from 'node:crypto'

/**
 * How Payload 3.90 hashes a password (node_modules/payload/dist/auth/strategies/local/
 * generatePasswordSaltHash.js: "pbkdf2-sha256-v1", 600 000 iterations, 32-byte key, salt of 32
 * random bytes in hex). tests/security/accounts.test.ts recomputes a stored hash with these,
 * so an upgrade that changes them fails there rather than reopening the timing difference.
 */
export const PAYLOAD_PASSWORD_HASH = { iterations: 600_000, keyLength: 32, digest: 'sha256' } as const

const saltNobodyHas = randomBytes(32).toString('hex')

/**
 * The work Payload does to check a password against an account, done for an e-mail with no
 * account: otherwise "no such user" answers in a few milliseconds and "wrong password" in a
 * few hundred, and the difference tells which e-mails have an account.
 */
export const checkPasswordAgainstNobody = (password: string): Promise<void> =>
  new Promise((resolve) => {
    const { iterations, keyLength, digest } = PAYLOAD_PASSWORD_HASH
    pbkdf2(password, saltNobodyHas, iterations, keyLength, digest, () => resolve())
  })
