import express from 'express'
import type { Payload } from 'payload'

import { MUNICIPALITY_CODES } from '../constants/municipalities'
import { THEME_KEYS } from '../constants/themes'
import { html, type SafeHtml } from '../lib/html'
import { isSlug } from '../lib/slugify'
import { cachedGet } from '../public-api/cache'
import { findOrganisation } from '../public-api/organisations'
import { publicImpact } from '../public-api/impact'
import { findStories, findStory } from '../public-api/stories'
import { layout } from './layout'
import { storyShareTags } from './shareTags'
import { renderCatalogue } from './pages/catalogue'
import { renderImpact } from './pages/impact'
import { renderOrganisation } from './pages/organisation'
import { renderStory } from './pages/story'

const PAGE_SIZE = 12

const oneValue = (value: unknown) => (typeof value === 'string' ? value : undefined)

class PageNotFound extends Error {}

/**
 * The Danish reference site (SPEC §8), built on the public API's own data layer (never a
 * private field): the catalogue at `/`, stories at `/historier/<slug>`, organisations at
 * `/organisationer/<slug>`, the impact figures at `/effekt`. Server-rendered and cached like the
 * API; works without JavaScript.
 */
export const referenceSite = (payload: Payload) => {
  const router = express.Router()
  const page = (title: string, body: Parameters<typeof layout>[0]['body'], scripts: string[] = [], head?: SafeHtml) => ({
    body: layout({ title, body, scripts, head }),
    type: 'text/html; charset=utf-8',
    locale: 'da',
  })

  router.get(
    '/',
    cachedGet(async (req) => {
      // A filter the site does not know is ignored, not an error: these URLs are typed by people.
      const theme = THEME_KEYS.find((key) => key === oneValue(req.query.tema))
      const municipality = [...MUNICIPALITY_CODES].find((code) => code === oneValue(req.query.kommune))
      const requested = Number(oneValue(req.query.side))
      const pageNumber = Number.isInteger(requested) && requested > 0 && requested < 10_000 ? requested : 1
      const listing = await findStories(payload, { theme, municipality, page: pageNumber, limit: PAGE_SIZE })
      return page('Succeshistorier', renderCatalogue(listing, { theme, municipality, page: pageNumber }))
    }),
  )

  router.get(
    '/historier/:slug',
    cachedGet(async (req) => {
      const slug = String(req.params.slug)
      const story = isSlug(slug) ? await findStory(payload, slug) : null
      if (!story) throw new PageNotFound()
      const scripts = story.clips.length ? ['/assets/hls.min.js', '/assets/player.js'] : []
      return page(story.title, renderStory(story), scripts, storyShareTags(story))
    }),
  )

  router.get(
    '/organisationer/:slug',
    cachedGet(async (req) => {
      const slug = String(req.params.slug)
      const org = isSlug(slug) ? await findOrganisation(payload, slug, 'da') : null
      if (!org) throw new PageNotFound()
      return page(org.name, renderOrganisation(org))
    }),
  )

  router.get(
    '/effekt',
    cachedGet(async () => page('Effekt', renderImpact(await publicImpact(payload, 'da')))),
  )

  router.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!(error instanceof PageNotFound)) return next(error)
    res
      .status(404)
      .type('html')
      .send(layout({ title: 'Siden findes ikke', body: notFoundBody() }))
  })
  return router
}

const notFoundBody = () =>
  html`<h1>Siden findes ikke</h1><p>Måske er historien ikke udgivet, eller adressen er skrevet forkert. <a href="/">Se alle historier</a>.</p>`
