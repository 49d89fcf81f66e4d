import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express'
import type { Payload } from 'payload'

import { PublicApiError, sendPublicError } from './messages'
import { postSubmission } from './submissions/route'

/**
 * The public API of SPEC §7 under /api/public: no authentication, the error shape everywhere,
 * and nothing reaches Payload's own /api behind it.
 */
export const publicApi = (payload: Payload, { writeLimit }: { writeLimit: RequestHandler }) => {
  const router = express.Router()
  router.post('/submissions', writeLimit, postSubmission(payload))
  router.use((req, res) => {
    req.resume()
    sendPublicError(req, res, new PublicApiError(404, 'not_found', { da: 'Ikke fundet', en: 'Not found' }))
  })
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (error instanceof PublicApiError) return sendPublicError(req, res, error)
    next(error)
  })
  return router
}
