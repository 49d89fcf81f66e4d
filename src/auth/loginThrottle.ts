import { APIError, type Payload, type PayloadRequest } from 'payload'

import { admitAttempt, forgetAttempts, forgiveOne, type Budget } from './attemptLedger'
import { inLanguageOf } from './messages'

export const WINDOW_MINUTES = 15
/** Wrong passwords for one account from one address before that pair waits (the owner elsewhere is not locked out). */
export const FAILURES_PER_ACCOUNT_AND_ADDRESS = 5
/** Wrong passwords from one address across all accounts (credential stuffing) before it waits. */
export const FAILURES_PER_ADDRESS = 20
/** Password-reset requests from one address: each may send a mail to someone. */
export const RESET_REQUESTS_PER_ADDRESS = 5

const WINDOW_MS = WINDOW_MINUTES * 60_000
const perAccountAndAddress: Budget = { name: 'login-account-address', limit: FAILURES_PER_ACCOUNT_AND_ADDRESS, windowMs: WINDOW_MS }
const perAddress: Budget = { name: 'login-address', limit: FAILURES_PER_ADDRESS, windowMs: WINDOW_MS }
const resetsPerAddress: Budget = { name: 'reset-address', limit: RESET_REQUESTS_PER_ADDRESS, windowMs: WINDOW_MS }

/** An e-mail as Payload looks it up; capped so a megabyte "e-mail" is not kept as a key. */
export const normaliseEmail = (email: unknown): string =>
  typeof email === 'string' ? email.toLowerCase().trim().slice(0, 320) : ''

const pairKey = (email: string, address: string) => `${address}\n${email}`

/**
 * A login attempt is counted before the password is checked, so a burst of parallel guesses
 * is counted too; a login that succeeds takes its count back (see loginSucceeded). Answers the
 * seconds to wait, or 0. Whether the account exists plays no part.
 */
export const admitLogin = async (payload: Payload, email: string, address: string): Promise<number> =>
  (
    await admitAttempt(payload, [
      [perAccountAndAddress, pairKey(email, address)],
      [perAddress, address],
    ])
  ).waitSeconds

/** In the login's transaction (`req`): the forgiveness commits with the login. */
export const loginSucceeded = async (req: PayloadRequest, email: string, address: string): Promise<void> => {
  await forgetAttempts(req.payload, perAccountAndAddress, pairKey(email, address), req)
  await forgiveOne(req.payload, perAddress, address, req)
}

export const admitResetRequest = async (payload: Payload, address: string): Promise<number> =>
  (await admitAttempt(payload, [[resetsPerAddress, address]])).waitSeconds

/** Payload's error shape (`{ errors: [{ message }] }`) with 429; Retry-After goes out through req.responseHeaders. */
export class TooManyAttempts extends APIError {
  constructor(req: PayloadRequest, retryAfterSeconds: number, what: 'login' | 'reset') {
    // The same words whoever asks and whenever: the exact wait is in Retry-After.
    super(
      inLanguageOf(
        req,
        what === 'login'
          ? {
              da: `For mange forsøg på at logge ind. Prøv igen om højst ${WINDOW_MINUTES} minutter.`,
              en: `Too many login attempts. Try again in at most ${WINDOW_MINUTES} minutes.`,
            }
          : {
              da: `For mange anmodninger om ny adgangskode. Prøv igen om højst ${WINDOW_MINUTES} minutter.`,
              en: `Too many password-reset requests. Try again in at most ${WINDOW_MINUTES} minutes.`,
            },
      ),
      429,
    )
    const headers = new Headers(req.responseHeaders)
    headers.set('Retry-After', String(retryAfterSeconds))
    req.responseHeaders = headers
  }
}
