import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express'
import type { Payload } from 'payload'

import { callSituation } from './calls/currentCall'
import { currentCallView } from './calls/current'
import { cachedGet, json } from './cache'
import { ownOrListedOriginsOnly, publicCors } from './cors'
import { impactRouter } from './impact'
import { PublicApiError, sendPublicError } from './messages'
import { openApiDocument } from './openapi'
import { organisationsRouter } from './organisations'
import { locale, readQuery } from './query'
import { storiesRouter } from './stories'
import { postSubmission } from './submissions/route'
import { themesWithCounts } from './themes'

/**
 * The public API of SPEC §7 under /api/public: no authentication, read through Payload's Local
 * API with access enforced (what an anonymous visitor may read, nothing more), cached in memory
 * with ETags, and the error shape everywhere. Nothing falls through to Payload's own /api.
 */
export const publicApi = (payload: Payload, { writeLimit, corsOrigins }: { writeLimit: RequestHandler; corsOrigins: string[] | '*' }) => {
  const router = express.Router()
  router.use(publicCors(corsOrigins))
  router.use('/stories', storiesRouter(payload))
  router.use('/organisations', organisationsRouter(payload))
  router.use('/impact', impactRouter(payload))
  router.get(
    '/themes',
    cachedGet(async (req) => {
      const query = readQuery(req, { locale })
      return json(await themesWithCounts(payload, query.locale ?? 'da'), query.locale ?? 'da')
    }),
  )
  router.get(
    '/calls/current',
    cachedGet(async (req) => {
      const query = readQuery(req, { locale })
      const callLocale = query.locale ?? 'da'
      const { open, upcoming } = await callSituation(payload, callLocale)
      const call = open ?? upcoming
      if (!call) throw new PublicApiError(404, 'not_found', { da: 'Der er ingen åben eller kommende indkaldelse', en: 'There is no open or upcoming call' })
      return json(currentCallView(call, callLocale), callLocale)
    }),
  )
  router.get(
    '/openapi.json',
    cachedGet(async (req) => {
      readQuery(req, {})
      return { body: JSON.stringify(openApiDocument()), type: 'application/json; charset=utf-8', locale: 'en' }
    }),
  )
  // Checked before the rate limit: a refused foreign post spends nobody's budget.
  router.post('/submissions', ownOrListedOriginsOnly(corsOrigins), writeLimit, postSubmission(payload))
  router.use((req, res) => {
    req.resume()
    sendPublicError(req, res, new PublicApiError(404, 'not_found', { da: 'Ikke fundet', en: 'Not found' }))
  })
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (error instanceof PublicApiError) return sendPublicError(req, res, error)
    payload.logger.error({ err: error }, `public API: ${req.method} ${req.originalUrl}`)
    if (res.headersSent) return next(error)
    sendPublicError(req, res, new PublicApiError(500, 'internal_error', { da: 'Der skete en fejl', en: 'Something went wrong' }))
  })
  return router
}
