import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express'
import type { Payload } from 'payload'

import { callSituation } from '../../public-api/calls/currentCall'
import { ownOrListedOriginsOnly } from '../../public-api/cors'
import { PublicApiError } from '../../public-api/messages'
import { receiveSubmission } from '../../submissions/receive'
import { layout } from '../layout'
import { renderForm, renderNoCall, renderThanks, type FormValues } from './form'

const SHOWN_AT: Record<string, string> = { videoUpload: 'video', photoUploads: 'photos' }

/** Deferred, so they run in this order: tus, the resumable uploads on it, the form's enhancement. */
const SCRIPTS = ['/assets/tus.min.js', '/assets/submit-uploads.js', '/assets/submit.js']

const page = (res: Response, status: number, title: string, body: Parameters<typeof layout>[0]['body']) =>
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .type('html')
    .send(layout({ title, body, scripts: SCRIPTS }))

/**
 * /indsend (SPEC §8): the submission form of the current call, server-rendered and complete
 * without JavaScript. The form posts here; errors come back as the same page with what was
 * typed still in it and a summary linking to each field. With JavaScript the same POST is sent
 * with an upload progress bar (/assets/submit.js) and its answer replaces the page; the video
 * and photos then go first through tus (/assets/submit-uploads.js) and the POST names their
 * upload ids instead of carrying the files.
 */
export const submitPage = (payload: Payload, { writeLimit, corsOrigins }: { writeLimit: RequestHandler; corsOrigins: string[] | '*' }) => {
  const router = express.Router()

  router.get('/', async (_req, res, next) => {
    try {
      const situation = await callSituation(payload)
      if (!situation.open) return page(res, 200, 'Ingen åben indkaldelse', renderNoCall(situation))
      page(res, 200, 'Indsend en historie', renderForm(situation.open, { values: {}, errors: {} }))
    } catch (error) {
      next(error)
    }
  })

  router.get('/tak', (req, res) => {
    const receipt = typeof req.query.kvittering === 'string' ? req.query.kvittering.slice(0, 40) : undefined
    page(res, 200, 'Tak for jeres historie', renderThanks(receipt))
  })

  // The form writes like the API does, so only from the same origins (issue #10, item 5).
  router.post('/', ownOrListedOriginsOnly(corsOrigins), writeLimit, async (req, res, next) => {
    let values: FormValues = {}
    try {
      const outcome = await receiveSubmission(payload, req, res, (fields) => (values = fields))
      res.redirect(303, `/indsend/tak?kvittering=${encodeURIComponent(outcome.receipt.id)}`)
    } catch (error) {
      next(error instanceof PublicApiError ? Object.assign(error, { values }) : error)
    }
  })

  // A refused submission comes back as the form, never as a bare error.
  router.use(async (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!(error instanceof PublicApiError)) return next(error)
    try {
      const situation = await callSituation(payload)
      if (error.status === 409 || !situation.open) {
        return page(res, error.status === 409 ? 409 : error.status, 'Indkaldelsen er lukket', renderNoCall(situation, error.text.da))
      }
      const values = (error as PublicApiError & { values?: FormValues }).values ?? {}
      if (error.status === 422 && error.fields) {
        // An upload id's error is shown at the file field it stands for (the page has no field of its own for the id).
        const errors = Object.fromEntries(Object.entries(error.fields).map(([name, text]) => [SHOWN_AT[name] ?? name, text!.da]))
        return page(res, 422, 'Fejl: Indsend en historie', renderForm(situation.open, { values, errors }))
      }
      page(res, error.status, 'Fejl: Indsend en historie', renderForm(situation.open, { values, errors: {} }, error.text.da))
    } catch (renderError) {
      next(renderError)
    }
  })
  return router
}
