import type { RequestHandler } from 'express'

import { onHeaders } from './onHeaders'

const sessionCookie = (cookiePrefix: string) => new RegExp(`(?:^|;\\s*)${cookiePrefix.replace(/[^\w-]/g, '\\$&')}-token=`)

// What is one user's is not for another site's page either: no embedding from other origins.
const PRIVATE = { set: { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff', 'Cross-Origin-Resource-Policy': 'same-origin' } }

/**
 * Payload's REST, GraphQL and file answers to a request that carries a session (the
 * `<cookiePrefix>-token` cookie or an `Authorization` header), and any answer that sets a
 * cookie (a login), are that user's alone: no shared cache may keep them, nor the browser's
 * (issue #10, item 6). Anonymous answers keep Payload's own caching: public images under
 * /api/media/file/… are embedded by other sites.
 */
export const privateAnswers = (cookiePrefix: string): RequestHandler => {
  const session = sessionCookie(cookiePrefix)
  return (req, res, next) => {
    const personal = Boolean(req.headers.authorization) || session.test(req.headers.cookie ?? '')
    onHeaders(res, (answer) => (personal || answer.hasHeader('set-cookie') ? PRIVATE : {}))
    next()
  }
}

/**
 * What Next serves: the admin's pages (HTML under /admin, rendered for the logged-in user) are
 * never kept by a shared cache, whatever Next decided; its hashed assets under /_next/static
 * stay cacheable. Next also names itself in `X-Powered-By`: that header is dropped everywhere.
 */
export const nextAnswers: RequestHandler = (req, res, next) => {
  const adminPage = req.path === '/admin' || req.path.startsWith('/admin/')
  onHeaders(res, adminPage ? { set: { 'Cache-Control': 'private, no-store' }, remove: ['X-Powered-By'] } : { remove: ['X-Powered-By'] })
  next()
}
