import express from 'express'
import type { Payload } from 'payload'

import type { Organisation, Story } from '../../payload-types'
import { ORGANISATION_KINDS } from '../../constants/organisationKinds'
import { cachedGet, json } from '../cache'
import { PublicApiError, type Locale } from '../messages'
import { locale, oneOf, readQuery, slug } from '../query'
import { organisationView } from '../serialize/organisation'

const storyRef = (story: Story) => ({ slug: story.slug ?? '', title: story.title, publishedAt: story.publishedAt ?? null })

/** Published stories an organisation takes part in, in any role, newest first. */
const storiesOf = async (payload: Payload, ids: (number | string)[], storyLocale: Locale) => {
  if (!ids.length) return new Map<string, Story[]>()
  const { docs } = await payload.find({
    collection: 'stories',
    where: {
      or: [
        { housingOrganisation: { in: ids } },
        { department: { in: ids } },
        { companies: { in: ids } },
        { partners: { in: ids } },
      ],
    },
    sort: '-publishedAt',
    depth: 0,
    limit: 1000,
    pagination: false,
    locale: storyLocale,
    fallbackLocale: 'da',
    overrideAccess: false,
    select: { slug: true, title: true, publishedAt: true, housingOrganisation: true, department: true, companies: true, partners: true },
  })
  const byOrganisation = new Map<string, Story[]>()
  for (const story of docs as Story[]) {
    const members = [story.housingOrganisation, story.department, ...(story.companies ?? []), ...(story.partners ?? [])]
    for (const member of members) {
      if (member === null || member === undefined) continue
      const key = String(typeof member === 'object' ? member.id : member)
      byOrganisation.set(key, [...(byOrganisation.get(key) ?? []), story])
    }
  }
  return byOrganisation
}

export const findOrganisations = async (payload: Payload, { kind, storyLocale }: { kind?: string; storyLocale: Locale }) => {
  const { docs } = await payload.find({
    collection: 'organisations',
    where: kind ? { kind: { equals: kind } } : {},
    sort: 'name',
    depth: 1,
    limit: 1000,
    pagination: false,
    overrideAccess: false,
  })
  const stories = await storiesOf(payload, docs.map((org) => org.id), storyLocale)
  return {
    items: (docs as Organisation[]).map((org) => ({ ...organisationView(org), stories: (stories.get(String(org.id)) ?? []).map(storyRef) })),
  }
}

export const findOrganisation = async (payload: Payload, orgSlug: string, storyLocale: Locale) => {
  const { docs } = await payload.find({ collection: 'organisations', where: { slug: { equals: orgSlug } }, depth: 1, limit: 1, overrideAccess: false })
  const org = docs[0] as Organisation | undefined
  if (!org) return null
  const stories = await storiesOf(payload, [org.id], storyLocale)
  return { ...organisationView(org), stories: (stories.get(String(org.id)) ?? []).map(storyRef) }
}

export const organisationsRouter = (payload: Payload) => {
  const router = express.Router()
  router.get(
    '/',
    cachedGet(async (req) => {
      const query = readQuery(req, { kind: oneOf(ORGANISATION_KINDS.map((k) => k.key)), locale })
      return json(await findOrganisations(payload, { kind: query.kind, storyLocale: query.locale ?? 'da' }), query.locale ?? 'da')
    }),
  )
  router.get(
    '/:slug',
    cachedGet(async (req) => {
      const query = readQuery(req, { locale })
      const found = await findOrganisation(payload, slug(String(req.params.slug), 'slug'), query.locale ?? 'da')
      if (!found) throw new PublicApiError(404, 'not_found', { da: 'Organisationen findes ikke', en: 'No such organisation' })
      return json(found, query.locale ?? 'da')
    }),
  )
  return router
}
