import express from 'express'
import type { Payload, Where } from 'payload'

import type { Story } from '../../payload-types'
import { MUNICIPALITY_CODES } from '../../constants/municipalities'
import { THEME_KEYS } from '../../constants/themes'
import { cachedGet, json } from '../cache'
import { PublicApiError } from '../messages'
import { integer, locale, oneOf, readQuery, searchText, slug } from '../query'
import { storyCard, storyDetail } from '../serialize/story'

export const MAX_LIMIT = 50
const municipality = oneOf([...MUNICIPALITY_CODES])
const LIST_QUERY = {
  theme: oneOf(THEME_KEYS),
  municipality,
  organisation: slug,
  q: searchText,
  page: integer(1, 10_000),
  limit: integer(1, MAX_LIMIT),
  locale,
}

/** What a card or a story page needs populated: organisations with logos, clips with posters. */
const POPULATE_DEPTH = 2

/** Published stories as the public sees them (access enforced: drafts and private clips never come back). */
export const findStories = async (
  payload: Payload,
  { theme, municipality, organisation, q, page = 1, limit = 12, locale = 'da' }: ReturnType<typeof readQuery<typeof LIST_QUERY>>,
) => {
  const and: Where[] = []
  if (theme) and.push({ themes: { in: [theme] } })
  if (municipality) and.push({ municipality: { equals: municipality } })
  if (q) and.push({ or: [{ title: { like: q } }, { summary: { like: q } }] })
  if (organisation) {
    const { docs } = await payload.find({ collection: 'organisations', where: { slug: { equals: organisation } }, limit: 1, depth: 0, overrideAccess: false })
    const id = docs[0]?.id ?? -1
    and.push({
      or: [
        { housingOrganisation: { equals: id } },
        { department: { equals: id } },
        { companies: { in: [id] } },
        { partners: { in: [id] } },
      ],
    })
  }
  const result = await payload.find({
    collection: 'stories',
    where: and.length ? { and } : {},
    sort: '-publishedAt',
    page,
    limit,
    locale,
    fallbackLocale: 'da',
    depth: POPULATE_DEPTH,
    overrideAccess: false,
  })
  return {
    items: (result.docs as Story[]).map((story) => storyCard(story, locale)),
    page: result.page ?? page,
    limit,
    totalItems: result.totalDocs,
    totalPages: result.totalPages,
  }
}

export const findStory = async (payload: Payload, storySlug: string, storyLocale: 'da' | 'en' = 'da') => {
  const { docs } = await payload.find({
    collection: 'stories',
    where: { slug: { equals: storySlug } },
    limit: 1,
    locale: storyLocale,
    fallbackLocale: 'da',
    depth: POPULATE_DEPTH,
    overrideAccess: false,
  })
  return docs[0] ? storyDetail(docs[0] as Story, storyLocale) : null
}

export const storiesRouter = (payload: Payload) => {
  const router = express.Router()
  router.get(
    '/',
    cachedGet(async (req) => {
      const query = readQuery(req, LIST_QUERY)
      return json(await findStories(payload, query), query.locale ?? 'da')
    }),
  )
  router.get(
    '/:slug',
    cachedGet(async (req) => {
      const { locale: storyLocale = 'da' } = readQuery(req, { locale })
      const storySlug = slug(String(req.params.slug), 'slug')
      const story = await findStory(payload, storySlug, storyLocale)
      if (!story) throw new PublicApiError(404, 'not_found', { da: 'Historien findes ikke', en: 'No such story' })
      return json(story, storyLocale)
    }),
  )
  return router
}
