import type { CollectionSlug, Payload } from 'payload'

import { TIME_ZONE } from '../lib/copenhagenTime'
import { paragraphs } from '../lib/lexical'
import { seedAgreement } from './agreements'
import { agreementSeeds } from './data/agreements'
import { callSeeds } from './data/calls'
import { ORGANISATIONS } from './data/organisations'
import { STORIES } from './data/stories'
import { DEMO_STORY_WITH_CLIP, ensureDemoClip } from './demoClip'

export type SeedReport = { created: Record<string, number>; skipped: Record<string, number> }

/**
 * Danish demo content (SPEC §1, issue #2). Idempotent: every document is looked up by its slug
 * and left untouched when it exists, so running it again (or after editors changed the demo)
 * creates nothing twice and overwrites nothing.
 */
export const seed = async (payload: Payload, now = new Date()): Promise<SeedReport> => {
  const report: SeedReport = { created: {}, skipped: {} }
  const idsBySlug = new Map<string, number | string>()

  const upsert = async <T extends { id: number | string }>(
    collection: CollectionSlug,
    slug: string,
    create: () => Promise<T>,
  ): Promise<number | string> => {
    const { docs } = await payload.find({ collection, where: { slug: { equals: slug } }, limit: 1, depth: 0, draft: true })
    const id = docs[0]?.id ?? (await create()).id
    const tally = docs[0] ? report.skipped : report.created
    tally[collection] = (tally[collection] ?? 0) + 1
    idsBySlug.set(slug, id)
    return id
  }
  const idOf = (slug: string) => {
    const id = idsBySlug.get(slug)
    if (id === undefined) throw new Error(`seed: unknown document "${slug}"`)
    return id
  }

  // Parents first: departments refer to their housing organisation.
  const ordered = [...ORGANISATIONS].sort((a, b) => Number(Boolean(a.parentSlug)) - Number(Boolean(b.parentSlug)))
  for (const { parentSlug, ...organisation } of ordered) {
    await upsert('organisations', organisation.slug, () =>
      payload.create({
        collection: 'organisations',
        locale: 'da',
        data: { ...organisation, parent: parentSlug ? (idOf(parentSlug) as number) : undefined },
      }),
    )
  }

  for (const call of callSeeds(now)) {
    await upsert('calls', call.slug, async () => {
      const created = await payload.create({
        collection: 'calls',
        locale: 'da',
        data: {
          ...call,
          title: call.title.da,
          description: call.description.da,
          opensAt_tz: TIME_ZONE,
          deadline_tz: TIME_ZONE,
        },
      })
      return payload.update({
        collection: 'calls',
        id: created.id,
        locale: 'en',
        data: { title: call.title.en, description: call.description.en },
      })
    })
  }
  const firstCall = idsBySlug.get('succeshistorier-2024')
  // Only needed when that story is still to be created (the seed never changes what exists).
  const demoStoryMissing = (await payload.count({ collection: 'stories', where: { slug: { equals: DEMO_STORY_WITH_CLIP } } })).totalDocs === 0
  const demoClip = demoStoryMissing ? await ensureDemoClip(payload) : undefined

  for (const story of STORIES) {
    await upsert('stories', story.slug, async () => {
      const created = await payload.create({
        collection: 'stories',
        locale: 'da',
        data: {
          _status: 'published',
          slug: story.slug,
          title: story.title.da,
          summary: story.summary.da,
          body: paragraphs(...story.body) as never,
          housingOrganisation: idOf(story.housingOrganisation),
          department: story.department ? idOf(story.department) : undefined,
          companies: story.companies.map(idOf),
          partners: (story.partners ?? []).map(idOf),
          themes: story.themes,
          initiatives: story.initiatives,
          outcomes: story.outcomes,
          municipality: story.municipality,
          period: story.period,
          publishedAt: story.publishedAt,
          featured: story.featured ?? false,
          stage: 'ready',
          sourceCall: firstCall,
          clips: story.slug === DEMO_STORY_WITH_CLIP && demoClip !== undefined ? [demoClip] : [],
        } as never,
      })
      return payload.update({
        collection: 'stories',
        id: created.id,
        locale: 'en',
        data: { _status: 'published', title: story.title.en, summary: story.summary.en },
      })
    })
  }

  // Last: agreements name the organisations and link the stories above.
  for (const agreement of agreementSeeds(now)) {
    await upsert('agreements', agreement.slug, async () => {
      const created = await seedAgreement(payload, agreement, idOf)
      if (created.reviewHeld) report.created['agreement-reviews'] = (report.created['agreement-reviews'] ?? 0) + 1
      return created
    })
  }
  return report
}

/** True when the catalogue has no content yet: the first start of a new installation. */
export const isCatalogueEmpty = async (payload: Payload): Promise<boolean> => {
  const [organisations, stories] = await Promise.all([
    payload.count({ collection: 'organisations' }),
    payload.count({ collection: 'stories' }),
  ])
  return organisations.totalDocs === 0 && stories.totalDocs === 0
}
