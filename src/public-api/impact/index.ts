import express from 'express'
import type { Payload } from 'payload'

import { impactFigures, publicAgreementSummaries } from '../../impact/figures'
import { cachedGet, json } from '../cache'
import type { Locale } from '../messages'
import { locale, readQuery } from '../query'

/**
 * SPEC §9 `GET /api/public/impact`: the impact figures, and under `agreements.items` the public
 * summaries they are partly made of. The site's /effekt page shows the same answer.
 */
export const publicImpact = async (payload: Payload, impactLocale: Locale) => {
  const figures = await impactFigures(payload, impactLocale)
  return { ...figures, agreements: { ...figures.agreements, items: await publicAgreementSummaries(payload, impactLocale) } }
}

export type PublicImpact = Awaited<ReturnType<typeof publicImpact>>

export const impactRouter = (payload: Payload) => {
  const router = express.Router()
  router.get(
    '/',
    cachedGet(async (req) => {
      const query = readQuery(req, { locale })
      return json(await publicImpact(payload, query.locale ?? 'da'), query.locale ?? 'da')
    }),
  )
  return router
}
