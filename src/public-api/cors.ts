import type { RequestHandler } from 'express'

/**
 * CORS for the public API and feeds (SPEC §7): reads from the origins in PUBLIC_CORS_ORIGINS
 * (`*`, the default, allows every origin); the submission endpoint only from listed origins,
 * never from everywhere, so no third-party page can post in a visitor's name.
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
