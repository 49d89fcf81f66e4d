import type { NextFunction, Request, Response } from 'express'
import { APIError, type Payload } from 'payload'

import { isDatabaseBusy, RETRY_AFTER_SECONDS } from '../db/busy'
import { requestLocale } from '../public-api/messages'
import type { Language } from './payloadLanguage'
import type { Bilingual } from '../lib/bilingual'

/**
 * A request body Payload cannot read (a multipart part header with a line break or NUL in a
 * file name, a form cut off, `_payload` that is not JSON): the client's mistake, answered 400
 * in Payload's own error shape. Its 4xx status keeps it an info line in the log.
 */
export class MalformedRequestError extends APIError {
  /** In the request's language (see payloadLanguage), as Payload's own errors are. */
  constructor(reason: Bilingual, language: Language) {
    super(reason[language], 400, null, true)
    this.name = 'MalformedRequestError'
  }
}

const BUSY: Bilingual = { da: 'Databasen er optaget; prøv igen om lidt', en: 'The database is busy; try again shortly' }
const FAILED: Bilingual = { da: 'Der skete en fejl', en: 'Something went wrong' }
const NOT_FOUND: Bilingual = { da: 'Ikke fundet', en: 'Not found' }

/** The answer to a path no route serves, in the public API's shape and language rule. */
export const notFound = (req: Request, res: Response) => {
  res.status(404).json({ error: { code: 'not_found', message: NOT_FOUND[requestLocale(req)] } })
}

/** Last resort: a plain JSON error, never a stack trace, for whatever the routes did not catch. */
export const errorHandler =
  (payload: Payload) => (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error)
    // The public API's error shape, so its language rule too: Danish unless the client asks for English.
    const language = requestLocale(req)
    if (isDatabaseBusy(error)) {
      payload.logger.warn(`database busy: ${(error as Error).message}`)
      res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).json({ error: { code: 'busy', message: BUSY[language] } })
      return
    }
    const status = (error as { status?: number })?.status
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ error: { code: 'bad_request', message: (error as Error).message } })
      return
    }
    payload.logger.error({ err: error }, 'unhandled error in express')
    res.status(500).json({ error: { code: 'internal_error', message: FAILED[language] } })
  }
