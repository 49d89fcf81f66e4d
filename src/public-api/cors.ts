import type { Request, RequestHandler } from 'express'

import { readEnv } from '../config/env'
import { PublicApiError } from './messages'

/**
 * CORS for the public API and feeds (SPEC §7): reads from the origins in PUBLIC_CORS_ORIGINS
 * (`*`, the default, allows every origin); the submission endpoint only from listed origins,
 * never from everywhere, so no third-party page can post in a visitor's name. CORS only decides
 * who may read an answer; `ownOrListedOriginsOnly` is what refuses the post itself.
 */
export const publicCors =
  (origins: string[] | '*'): RequestHandler =>
  (req, res, next) => {
    const origin = req.headers.origin
    const reading = req.method === 'GET' || req.method === 'HEAD' || (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== 'POST')
    const listed = origins !== '*' && origin !== undefined && origins.includes(origin)
    if (reading && origins === '*') res.set('Access-Control-Allow-Origin', '*')
    else if (listed) res.set({ 'Access-Control-Allow-Origin': origin, Vary: 'Origin' })
    if (req.method === 'OPTIONS') {
      res.set({
        'Access-Control-Allow-Methods': reading ? 'GET, HEAD, OPTIONS' : 'POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, If-None-Match, Accept-Language',
        'Access-Control-Max-Age': '600',
      })
      return res.status(204).end()
    }
    res.set('Access-Control-Expose-Headers', 'ETag, Content-Language')
    next()
  }

/**
 * Who may write (the submission endpoint and the /indsend form, issue #10, item 5): our own
 * site (PUBLIC_URL, ADMIN_ORIGINS, or the very host the request was sent to) and the origins
 * listed in PUBLIC_CORS_ORIGINS; `*` lists none for writing. A browser always names the page's
 * origin on a POST, so a foreign page cannot post in a visitor's name (and spend their IP's
 * budget). A request without `Origin` is a server-side client and is let through, unless the
 * browser's `Sec-Fetch-Site` says it came from another site or another origin of this one.
 */
export const ownOrListedOriginsOnly =
  (origins: string[] | '*'): RequestHandler =>
  (req, _res, next) => {
    const origin = req.headers.origin
    const allowed =
      origin === undefined
        ? !['cross-site', 'same-site'].includes(String(req.headers['sec-fetch-site']))
        : ownOrigins(req).includes(origin) || (origins !== '*' && origins.includes(origin))
    if (allowed) return next()
    // The body is read and thrown away, so the client gets the answer instead of a reset.
    req.resume()
    next(
      new PublicApiError(403, 'forbidden_origin', {
        da: 'Indsendelser modtages kun fra vores egen side og de sider, vi har godkendt',
        en: 'Submissions are only accepted from our own site and the sites we have approved',
      }),
    )
  }

const ownOrigins = (req: Request): string[] => {
  const env = readEnv()
  return [new URL(env.publicUrl).origin, ...env.trustedOrigins, `${req.protocol}://${req.get('host')}`]
}
