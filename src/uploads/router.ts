import type { IncomingMessage } from 'node:http'

import { Router, type NextFunction, type Request, type Response } from 'express'
import type { Payload } from 'payload'
import { Server } from '@tus/server'

import { isStaffUser } from '../access'
import { ledgerRateLimit } from '../auth/ledgerStore'
import { readEnv } from '../config/env'
import { ownOrListedOriginsOnly } from '../public-api/cors'
import { PublicApiError, requestLocale, sendPublicError } from '../public-api/messages'
import { objectStore } from '../storage/objectStore'
import { BucketUploadStore } from './bucketStore'
import { CheckedFileStore, ContentRefused } from './checkedFileStore'
import { checkMemberCreation, checkStaffCreation } from './creationRules'
import { uploadLocker } from './locker'
import { sendTusResponse, tusPatchRequest } from './patchRequest'
import { uploadsDir, type UploadOwner } from './paths'

const WINDOW_MINUTES = 15
const MEMBER_PATH = '/api/public/uploads'
const STAFF_PATH = '/api/uploads'

const CODES: Record<number, string> = {
  400: 'bad_request',
  403: 'forbidden',
  404: 'not_found',
  409: 'offset_conflict',
  410: 'gone',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  423: 'locked',
  460: 'checksum_mismatch',
}

/** The express request behind the srvx request @tus/server hands its hooks. */
const expressRequest = (req: unknown): Request | undefined =>
  ((req as { runtime?: { node?: { req?: IncomingMessage } } }).runtime?.node?.req as Request | undefined) ?? undefined

/**
 * Where an owner's uploads live: its folder under MEDIA_DIR on one machine; with S3_BUCKET, the
 * bucket (every web process sees the same uploads) and a locker that holds across processes.
 */
const storage = (payload: Payload, owner: UploadOwner) => {
  const store = objectStore()
  if (!store) return { datastore: new CheckedFileStore(owner, uploadsDir(owner)) }
  return { datastore: new BucketUploadStore(owner, store), locker: uploadLocker(payload) }
}

/**
 * One tus server per owner, on its own folder (or prefix of the bucket). Its Location is relative (`/api/…/uploads/<id>`),
 * so it is right behind any proxy that keeps our paths, and no X-Forwarded-* header is read.
 * Every error leaves in our shape `{ error: { code, message } }`; tus's own protocol errors
 * keep tus's English text as the message.
 */
const tusServer = (payload: Payload, owner: UploadOwner, corsOrigins: string[] | '*') =>
  new Server({
    path: owner === 'member' ? MEMBER_PATH : STAFF_PATH,
    ...storage(payload, owner),
    relativeLocation: true,
    respectForwardedHeaders: false,
    // Members: the creation rules check the declared size first; this caps what tus accepts.
    maxSize: () => readEnv().uploadMaxBytes,
    // Same-origin pages need no CORS; the listed partner sites may read the answers.
    allowedOrigins: (origin) => corsOrigins !== '*' && corsOrigins.includes(origin),
    onResponseError: (req, error) => {
      const expressReq = expressRequest(req)
      const locale = expressReq ? requestLocale(expressReq) : 'da'
      if (error instanceof ContentRefused) {
        return { status_code: 415, body: JSON.stringify({ error: { code: 'unsupported_media_type', message: error.text[locale] } }) }
      }
      const known = error as { status_code?: number; body?: string }
      if (typeof known.status_code === 'number' && known.status_code < 500) {
        const message = (known.body ?? '').trim() || 'Upload refused'
        return { status_code: known.status_code, body: JSON.stringify({ error: { code: CODES[known.status_code] ?? 'bad_request', message } }) }
      }
      payload.logger.error({ err: error }, `tus ${owner} upload failed`)
      const message = locale === 'en' ? 'Something went wrong' : 'Der skete en fejl'
      return { status_code: 500, body: JSON.stringify({ error: { code: 'internal_error', message } }) }
    },
  })

/**
 * tus answers its errors as `text/plain`; ours (onResponseError) are the JSON error shape, so
 * an error status gets the JSON type, whatever form the headers take on their way to writeHead.
 */
const JSON_TYPE = 'application/json; charset=utf-8'
const withJsonType = (headers: unknown): unknown => {
  if (Array.isArray(headers)) {
    if (headers.every((entry) => Array.isArray(entry))) {
      return [...(headers as [string, string][]).filter(([name]) => name.toLowerCase() !== 'content-type'), ['Content-Type', JSON_TYPE]]
    }
    const pairs: string[] = []
    for (let i = 0; i + 1 < headers.length; i += 2) if (String(headers[i]).toLowerCase() !== 'content-type') pairs.push(headers[i], headers[i + 1])
    return [...pairs, 'Content-Type', JSON_TYPE]
  }
  if (headers && typeof headers === 'object') {
    const copy = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type'))
    return { ...copy, 'Content-Type': JSON_TYPE }
  }
  return headers
}
const jsonErrorType = (_req: Request, res: Response, next: NextFunction) => {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status >= 400 && rest.length > 0) rest[rest.length - 1] = withJsonType(rest[rest.length - 1])
    return writeHead(status, ...rest)
  }) as typeof res.writeHead
  next()
}

/**
 * A PATCH (the bytes of an upload) goes to tus as a web Request of our own, whose body comes in
 * large pieces (src/uploads/patchRequest.ts): same handling, a fraction of the per-chunk cost.
 * Everything else, and a PATCH whose headers a web Request cannot carry, goes through srvx.
 */
const handleWith = (tus: Server) => (req: Request, res: Response, next: NextFunction) => {
  if (req.method === 'PATCH') {
    let request: globalThis.Request | undefined
    try {
      request = tusPatchRequest(req, res)
    } catch {
      request = undefined
    }
    if (request) return void tus.handleWeb(request).then((answer) => sendTusResponse(res, answer)).catch(next)
  }
  tus.handle(req, res).catch(next)
}

/** Our refusals (before tus sees the request) in the public API's shape and language rule. */
const renderErrors = (error: unknown, req: Request, res: Response, next: NextFunction) => {
  if (!(error instanceof PublicApiError) || res.headersSent) return next(error)
  // The body is not wanted; drain it so the client reads the answer instead of a reset.
  req.resume()
  res.set('Tus-Resumable', '1.0.0')
  sendPublicError(req, res, error)
}

/** Upload creations per IP address, counted in the database: every web process spends the same budget. */
const creationLimit = (payload: Payload, perWindow: number) =>
  ledgerRateLimit(payload, { name: 'upload-address', limit: perWindow, windowMs: WINDOW_MINUTES * 60_000 }, {
    // Only creations spend the budget: PATCH, HEAD and DELETE of an upload are free to retry.
    skip: (req) => req.method !== 'POST',
    handler: (_req, _res, next) =>
      next(
        new PublicApiError(429, 'rate_limited', {
          da: `For mange uploads fra din adresse. Prøv igen om ${WINDOW_MINUTES} minutter.`,
          en: `Too many uploads from your address. Try again in ${WINDOW_MINUTES} minutes.`,
        }),
      ),
  })

/** tus's GET would stream an upload's bytes to whoever has its id: the folder is private, so no GET. */
const noDownloads = (req: Request, _res: Response, next: NextFunction) =>
  req.method === 'GET' ? next(new PublicApiError(404, 'not_found', { da: 'Ikke fundet', en: 'Not found' })) : next()

const creationCheck = (check: (req: Request) => Promise<void> | void) => async (req: Request, _res: Response, next: NextFunction) => {
  if (req.method !== 'POST') return next()
  try {
    await check(req)
    next()
  } catch (error) {
    next(error)
  }
}

/**
 * Members' resumable uploads (issue #11), mounted at /api/public/uploads before any body
 * parser: anonymous, writes only from our own or listed origins, creations rate-limited per IP
 * with their own budget, each creation checked against its call before a byte is stored.
 */
export const memberUploads = (payload: Payload, { corsOrigins }: { corsOrigins: string[] | '*' }): Router => {
  const env = readEnv()
  const router = Router()
  const tus = tusServer(payload, 'member', corsOrigins)
  router.use(jsonErrorType, noDownloads)
  router.use((req, res, next) => (req.method === 'OPTIONS' ? next() : ownOrListedOriginsOnly(corsOrigins)(req, res, next)))
  router.use(creationLimit(payload, env.uploadRateLimit))
  router.use(creationCheck((req) => checkMemberCreation(payload, req)))
  router.use(handleWith(tus))
  router.use(renderErrors)
  return router
}

/** Editors' and admins' resumable uploads at /api/uploads: Payload's auth decides, on every request. */
export const staffUploads = (payload: Payload): Router => {
  const router = Router()
  const tus = tusServer(payload, 'staff', [])
  router.use(jsonErrorType, noDownloads)
  router.use(async (req: Request, _res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS') return next()
    try {
      // Payload's own rule: a token, or a cookie only from our origins (CSRF).
      const { user } = await payload.auth({ headers: new Headers(req.headers as Record<string, string>) })
      if (!user) return next(new PublicApiError(401, 'unauthorized', { da: 'Log ind for at uploade', en: 'Log in to upload' }))
      if (!isStaffUser(user)) return next(new PublicApiError(403, 'forbidden', { da: 'Kun redaktører kan uploade her', en: 'Only editors can upload here' }))
      next()
    } catch (error) {
      next(error)
    }
  })
  router.use(creationCheck(checkStaffCreation))
  router.use(handleWith(tus))
  router.use(renderErrors)
  return router
}

