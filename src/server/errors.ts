import type { NextFunction, Request, Response } from 'express'
import { APIError, type Payload } from 'payload'

import { isDatabaseBusy, RETRY_AFTER_SECONDS } from '../db/busy'

/**
 * A request body Payload cannot read (a multipart part header with a line break or NUL in a
 * file name, a form cut off, `_payload` that is not JSON): the client's mistake, answered 400
 * in Payload's own error shape. Its 4xx status keeps it an info line in the log.
 */
export class MalformedRequestError extends APIError {
  constructor(reason: { da: string; en: string }) {
    super(`${reason.da} / ${reason.en}`, 400, null, true)
    this.name = 'MalformedRequestError'
  }
}

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
