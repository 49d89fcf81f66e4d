import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { receiveSubmission } from '../../submissions/receive'

/** `POST /api/public/submissions` (SPEC §7): 201 with the receipt, or the error shape. */
export const postSubmission =
  (payload: Payload): RequestHandler =>
  async (req, res, next) => {
    try {
      const outcome = await receiveSubmission(payload, req, res)
      res.status(201).set('Cache-Control', 'no-store').json(outcome.receipt)
    } catch (error) {
      // PublicApiErrors become the error shape in the router's error handler.
      next(error)
    }
  }
