import express from 'express'
import type { Payload, Where } from 'payload'

import { publicAgreementSummaries } from '../../impact/figures'
import type { Clip, Story } from '../../payload-types'
import { MUNICIPALITY_CODES } from '../../constants/municipalities'
import { THEME_KEYS } from '../../constants/themes'
import { cachedGet, json } from '../cache'
import { PublicApiError, type Locale } from '../messages'
import { integer, locale, oneOf, readQuery, searchText, slug } from '../query'
import { storyCard, storyDetail } from '../serialize/story'
import { literalTextSearch } from './textSearch'

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

/**
 * Posters are private media documents (served only through their clip), so an anonymous read
 * leaves them as ids: fill them in for the clips that did come back, which are public ones.
 */
const withPosters = async (payload: Payload, stories: Story[]): Promise<Story[]> => {
  const clips = stories.flatMap((story) => (story.clips ?? []).filter((clip): clip is Clip => typeof clip === 'object' && clip !== null))
  const ids = [...new Set(clips.map((clip) => clip.poster).filter((poster): poster is number => typeof poster === 'number'))]
  if (!ids.length) return stories
  const { docs } = await payload.find({ collection: 'media', where: { id: { in: ids } }, depth: 0, limit: ids.length, pagination: false, overrideAccess: true })
  const byId = new Map(docs.map((media) => [media.id, media]))
  for (const clip of clips) if (typeof clip.poster === 'number') clip.poster = byId.get(clip.poster) ?? null
  return stories
}

/**
 * Published stories as the public sees them (access enforced: drafts and private clips never
 * come back), newest first, populated for cards and pages, posters filled in.
 */
const findPublished = async (payload: Payload, where: Where, { page = 1, limit, locale }: { page?: number; limit: number; locale: Locale }) => {
  const result = await payload.find({
    collection: 'stories',
    where,
    sort: '-publishedAt',
    page,
    limit,
    locale,
    fallbackLocale: 'da',
    depth: POPULATE_DEPTH,
    overrideAccess: false,
  })
  return { ...result, docs: await withPosters(payload, result.docs as Story[]) }
}

/** SPEC §7 `GET /api/public/stories`: filtered, paged cards. */
export const findStories = async (
  payload: Payload,
  { theme, municipality, organisation, q, page = 1, limit = 12, locale = 'da' }: ReturnType<typeof readQuery<typeof LIST_QUERY>>,
) => {
  const and: Where[] = []
  if (theme) and.push({ themes: { in: [theme] } })
  if (municipality) and.push({ municipality: { equals: municipality } })
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
  if (q) {
    // Last, so the search can read its candidates under the other filters.
    const search = await literalTextSearch(payload, q, { otherConditions: [...and], locale })
    if (!search) return { items: [], page, limit, totalItems: 0, totalPages: 0 }
    and.push(search)
  }
  const result = await findPublished(payload, and.length ? { and } : {}, { page, limit, locale })
  return {
    items: result.docs.map((story) => storyCard(story, locale)),
    page: result.page ?? page,
    limit,
    totalItems: result.totalDocs,
    totalPages: result.totalPages,
  }
}

/** One whole published story by its slug, with its public agreements, or null. */
export const findStory = async (payload: Payload, storySlug: string, storyLocale: Locale = 'da') => {
  const { docs } = await findPublished(payload, { slug: { equals: storySlug } }, { limit: 1, locale: storyLocale })
  if (!docs[0]) return null
  return storyDetail(docs[0], storyLocale, await publicAgreementSummaries(payload, storyLocale, { story: docs[0].id }))
}

/** The newest published stories, whole, in one query (the feeds, which show no agreements). */
export const latestStoryDetails = async (payload: Payload, limit: number, storyLocale: Locale = 'da') =>
  (await findPublished(payload, {}, { limit, locale: storyLocale })).docs.map((story) => storyDetail(story, storyLocale))

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
