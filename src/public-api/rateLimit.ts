import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { ledgerRateLimit } from '../auth/ledgerStore'
import { PublicApiError } from './messages'

const WINDOW_MINUTES = 15

/**
 * One budget per IP address for everything that writes (the API endpoint and the form page
 * share it), so a script cannot flood the editors' inbox. Counted in the database: every web
 * process spends the same budget, and a restart forgives no one.
 */
export const submissionRateLimit = (payload: Payload, perWindow: number): RequestHandler =>
  ledgerRateLimit(payload, { name: 'submission-address', limit: perWindow, windowMs: WINDOW_MINUTES * 60_000 }, {
    // Each router answers in its own form: JSON for the API, the page for the form.
    handler: (req, _res, next) => {
      // The body is not wanted: drain it so the client reads the answer instead of a reset.
      req.resume()
      next(
        new PublicApiError(429, 'rate_limited', {
          da: `For mange indsendelser fra din adresse. Prøv igen om ${WINDOW_MINUTES} minutter.`,
          en: `Too many submissions from your address. Try again in ${WINDOW_MINUTES} minutes.`,
        }),
      )
    },
  })
