import { AsyncLocalStorage } from 'node:async_hooks'

import type { RequestHandler } from 'express'

const requestAddress = new AsyncLocalStorage<string>()

/**
 * Payload's hooks see a Fetch-style request without the client's address; express knows it
 * (`req.ip`, which believes X-Forwarded-For only from the proxies in TRUST_PROXY). This keeps
 * it for everything the request runs, so the login throttle keys on the same address the
 * submission rate limit does. A header would do too, but one a client could forge wherever a
 * route forgot to overwrite it.
 */
export const rememberClientAddress: RequestHandler = (req, _res, next) => {
  requestAddress.run(req.ip ?? req.socket.remoteAddress ?? 'unknown', next)
}

/** The address of the HTTP request being served, or undefined outside one (Local API, jobs). */
export const clientAddress = (): string | undefined => requestAddress.getStore()
