import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { RequestHandler } from 'express'
import helmet from 'helmet'

import { readEnv } from '../config/env'

type Directives = Record<string, (string | ((req: IncomingMessage, res: ServerResponse) => string))[]>

/**
 * The reference site (/, /historier/…, /indsend …) ships only its own files: one stylesheet and
 * scripts from /assets, no inline script or style. Images, video and HLS playlists are absolute
 * URLs built from PUBLIC_URL, so its origin is listed beside 'self'; hls.js plays through
 * MediaSource (blob: video), may start its worker from a blob, and makes its text tracks from data:.
 */
const siteDirectives = (publicOrigin: string): Directives => ({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", publicOrigin],
  // data: — hls.js gives each subtitle rendition of the master a `<track src="data:,WEBVTT">`
  // it then fills with cues (issue #15, item 3): an empty text track, no script.
  'media-src': ["'self'", publicOrigin, 'blob:', 'data:'],
  'connect-src': ["'self'", publicOrigin],
  'worker-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
})

/** This request's nonce, drawn by `adminSecurityHeaders`. */
const NONCE = (_req: IncomingMessage, res: ServerResponse) => `'nonce-${(res as ServerResponse & { locals: { cspNonce: string } }).locals.cspNonce}'`

/**
 * Payload's admin (Next): React renders inline styles, so styles stay 'unsafe-inline'; scripts
 * need this request's nonce, which Next puts on its own tags, and whatever those load is trusted
 * ('strict-dynamic'), so an injected inline script still cannot run. Development adds
 * 'unsafe-eval' for React's dev tooling. Nothing comes from another host: the admin loads only
 * what our build serves (the captions are a plain textarea, not Monaco from a CDN).
 */
const adminDirectives = (publicOrigin: string, dev: boolean): Directives => ({
  'default-src': ["'self'"],
  'script-src': ["'self'", NONCE, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", publicOrigin, 'data:', 'blob:'],
  // data: — the admin's player is hls.js too, with the same empty `data:,WEBVTT` subtitle tracks.
  'media-src': ["'self'", publicOrigin, 'blob:', 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'frame-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
})

const originOf = (url: string) => new URL(url).origin

/** Helmet with our choices; HSTS and upgrade-insecure-requests only when PUBLIC_URL is https. */
const helmetWith = (directives: Directives, { https, referrer }: { https: boolean; referrer: 'strict-origin-when-cross-origin' | 'same-origin' }) =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: https ? { ...directives, 'upgrade-insecure-requests': [] } : directives,
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: referrer },
    xFrameOptions: { action: 'deny' },
    // Pages and the admin stay same-origin; what other sites embed gets `embeddableAnywhere`.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  })

/** One helmet per distinct setting; PUBLIC_URL is read per request (tests set it after start). */
const memo = <T>(make: (key: string) => T) => {
  const made = new Map<string, T>()
  return (key: string) => made.get(key) ?? made.set(key, make(key)).get(key)!
}

/**
 * The embed page (/embed/<slug>) is the one page other sites may frame, from any origin: the
 * site's CSP with `frame-ancestors *`, and no X-Frame-Options (which cannot say "anyone").
 */
const embedHelmet = memo((publicOrigin) =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...siteDirectives(publicOrigin), 'frame-ancestors': ['*'] } },
    strictTransportSecurity: false,
    xFrameOptions: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  }),
)

export const frameableAnywhere: RequestHandler = (req, res, next) => {
  res.removeHeader('X-Frame-Options')
  embedHelmet(originOf(readEnv().publicUrl))(req, res, next)
}

const siteHelmet = memo((publicOrigin) =>
  helmetWith(siteDirectives(publicOrigin), { https: publicOrigin.startsWith('https:'), referrer: 'strict-origin-when-cross-origin' }),
)

/**
 * Every answer express gives (issue #10, item 4): a strict CSP that forbids framing,
 * `nosniff`, a referrer policy, HSTS on https, no `X-Powered-By`. The admin's answers get
 * `adminSecurityHeaders` on top, which replaces the CSP and referrer policy.
 */
export const siteSecurityHeaders: RequestHandler = (req, res, next) => {
  siteHelmet(originOf(readEnv().publicUrl))(req, res, next)
}

const adminHelmet = memo((key) => {
  const [publicOrigin, dev] = key.split(' ')
  return helmetWith(adminDirectives(publicOrigin, dev === 'dev'), { https: publicOrigin.startsWith('https:'), referrer: 'same-origin' })
})

/**
 * For what Next serves (the admin and its assets): the admin's CSP with a fresh nonce. Next
 * reads a request's nonce from the request's own `Content-Security-Policy` header, so the one
 * a client may have sent is replaced by ours. Referrers stay within our origin: admin URLs
 * carry document ids and password-reset tokens.
 */
export const adminSecurityHeaders =
  ({ dev }: { dev: boolean }): RequestHandler =>
  (req, res, next) => {
    const nonce = randomBytes(16).toString('base64')
    res.locals.cspNonce = nonce
    req.headers['content-security-policy'] = `script-src 'nonce-${nonce}'`
    delete req.headers['content-security-policy-report-only']
    adminHelmet(`${originOf(readEnv().publicUrl)} ${dev ? 'dev' : 'prod'}`)(req, res, next)
  }

/**
 * Media files, the public API, the feeds and Payload's public image files are meant to be used
 * by other sites (video in their pages, images, fetch with CORS): they may be loaded
 * cross-origin. `nosniff` and the rest stay.
 */
export const embeddableAnywhere: RequestHandler = (_req, res, next) => {
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
  next()
}

/** Payload's upload files (`/api/<collection>/file/…`, mounted under /api): public images are embedded by other sites. */
export const embeddableFiles: RequestHandler = (req, res, next) =>
  /^\/[^/]+\/file\//.test(req.path) ? embeddableAnywhere(req, res, next) : next()
