import type { NextFunction, Request, Response } from 'express'
import type { Payload } from 'payload'

import { isDatabaseBusy, RETRY_AFTER_SECONDS } from '../db/busy'

/** Last resort: a plain JSON error, never a stack trace, for whatever the routes did not catch. */
export const errorHandler =
  (payload: Payload) => (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error)
    if (isDatabaseBusy(error)) {
      payload.logger.warn(`database busy: ${(error as Error).message}`)
      res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).json({
        error: { code: 'busy', message: 'Databasen er optaget; prøv igen om lidt / The database is busy; try again shortly' },
      })
      return
    }
    const status = (error as { status?: number })?.status
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ error: { code: 'bad_request', message: (error as Error).message } })
      return
    }
    payload.logger.error({ err: error }, 'unhandled error in express')
    res.status(500).json({ error: { code: 'internal_error', message: 'Der skete en fejl / Something went wrong' } })
  }
