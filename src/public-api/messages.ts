import type { Request, Response } from 'express'

import { RETRY_AFTER_SECONDS } from '../db/busy'
import type { Bilingual } from '../lib/bilingual'

export type Locale = 'da' | 'en'

/** Danish unless the client prefers English (`Accept-Language: en`) or asks with `?locale=en`. */
export const requestLocale = (req: Request): Locale => {
  if (req.query.locale === 'en' || req.query.locale === 'da') return req.query.locale
  return req.acceptsLanguages('da', 'en') === 'en' ? 'en' : 'da'
}

/**
 * A public API error (SPEC §7): `{ "error": { "code", "message" } }`, plus per-field messages
 * for a validation error. Thrown anywhere under /api/public and rendered by `sendPublicError`.
 */
export class PublicApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly fields?: Partial<Record<string, Bilingual>>,
  ) {
    super(text.en)
    this.name = 'PublicApiError'
  }
}

export const sendPublicError = (req: Request, res: Response, error: PublicApiError) => {
  const locale = requestLocale(req)
  const fields = error.fields
    ? Object.fromEntries(Object.entries(error.fields).map(([name, text]) => [name, text![locale]]))
    : undefined
  // A 503 (the database stayed busy) says when to come back.
  if (error.status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS))
  res
    .status(error.status)
    .set('Cache-Control', 'no-store')
    .set('Content-Language', locale)
    .json({ error: { code: error.code, message: error.text[locale], ...(fields ? { fields } : {}) } })
}

/** 422 with a message per field (SPEC §7). */
export const validationFailed = (fields: Partial<Record<string, Bilingual>>) =>
  new PublicApiError(422, 'validation_failed', { da: 'Nogle felter skal rettes', en: 'Some fields need correcting' }, fields)
