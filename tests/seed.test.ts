import { expect, test } from '@jest/globals'

import { addDays, copenhagenToday, daysBetween, dayOf, firstReviewDay } from '../src/agreements/dates'
import { THEME_KEYS } from '../src/constants/themes'
import { seed } from '../src/seed'
import { agreementSeeds } from '../src/seed/data/agreements'
import { useServer } from './helpers/server'

const server = useServer()

const counts = async () => {
  const { payload } = server.current
  const collections = ['organisations', 'calls', 'stories', 'clips', 'agreements', 'agreement-reviews'] as const
  const totals = await Promise.all(collections.map((collection) => payload.count({ collection })))
  return Object.fromEntries(collections.map((collection, i) => [collection, totals[i].totalDocs]))
}

test('the demo content is created once; a second run creates and overwrites nothing', async () => {
  const { payload } = server.current
  const first = await seed(payload)
  expect(first.created).toEqual({ organisations: 10, calls: 2, stories: 5, agreements: 2, 'agreement-reviews': 1 })
  const afterFirst = await counts()

  // An editor's change to a demo story must survive a second run.
  const story = (await payload.find({ collection: 'stories', limit: 1, where: { slug: { equals: 'motion-og-mentorer-i-kildeparken' } } })).docs[0]
  await payload.update({ collection: 'stories', id: story.id, data: { title: 'Redigeret af en redaktør' } })

  const second = await seed(payload)
  expect(second.created).toEqual({})
  expect(second.skipped).toEqual({ organisations: 10, calls: 2, stories: 5, agreements: 2 })
  expect(await counts()).toEqual(afterFirst)
  const again = await payload.findByID({ collection: 'stories', id: story.id })
  expect(again.title).toBe('Redigeret af en redaktør')
})

test('the demo catalogue matches the brief', async () => {
  const { payload } = server.current
  const organisations = (await payload.find({ collection: 'organisations', limit: 100 })).docs
  const byKind = (kind: string) => organisations.filter((o) => o.kind === kind).map((o) => o.name)
  expect(byKind('network').sort()).toEqual(['AlmenNet', 'Neighborhood Lab'])
  expect(byKind('housing-organisation')).toHaveLength(2)
  expect(byKind('housing-department')).toHaveLength(2)
  expect(byKind('company')).toHaveLength(4)
  expect(organisations.filter((o) => o.bCorp)).toHaveLength(1)

  const calls = (await payload.find({ collection: 'calls', sort: 'deadline' })).docs
  expect(calls.map((c) => c.status)).toEqual(['closed', 'open'])
  expect(calls[0].deadline).toBe('2024-05-24T21:59:59.000Z') // 23:59:59 Danish summer time
  expect(calls[0].contactName).toBe('Neighborhood Lab')

  // Anonymous visitors see all five published stories, covering every theme.
  const res = await fetch(`${server.current.url}/api/stories?limit=50&depth=0`)
  const stories = ((await res.json()) as { docs: { themes: string[]; initiatives: { kind: string }[] }[] }).docs
  expect(stories).toHaveLength(5)
  expect(new Set(stories.flatMap((s) => s.themes))).toEqual(new Set(THEME_KEYS))
  expect(new Set(stories.flatMap((s) => s.initiatives.map((i) => i.kind))).size).toBeGreaterThanOrEqual(5)

  const english = await fetch(`${server.current.url}/api/stories?limit=1&depth=0&locale=en&sort=-publishedAt`)
  expect(((await english.json()) as { docs: { title: string }[] }).docs[0].title).toBe(
    'A sewing workshop builds community across generations',
  )
})

test('one demo story shows a demo clip that went through the pipeline and is public', async () => {
  const res = await fetch(`${server.current.url}/api/public/stories/cykelvaerksted-i-kaelderen-giver-unge-job`)
  expect(res.status).toBe(200)
  const story = (await res.json()) as { clips: { title: string; hlsUrl: string; renditions: { label: string; url: string }[]; captions: unknown[] }[] }
  expect(story.clips).toHaveLength(1)
  const [clip] = story.clips
  expect(clip.title).toBe('Demoklip: værkstedet om onsdagen')
  expect(clip.renditions.map((rendition) => rendition.label)).toEqual(['720p', '480p'])
  expect(clip.captions).toHaveLength(1)
  const hls = await fetch(clip.hlsUrl.replace(/^https?:\/\/[^/]+/, server.current.url))
  expect(hls.status).toBe(200)
})

test('the demo agreements: one reviewed this year and public, one due for review within 30 days', async () => {
  const { payload } = server.current
  const today = copenhagenToday()
  const find = async (slug: string) =>
    (await payload.find({ collection: 'agreements', where: { slug: { equals: slug } }, depth: 1, locale: 'da' })).docs[0]

  // Reviewed about two months ago: the review is on record with what was achieved, the next
  // review is a year after it, and next year's targets became the agreement's.
  const reviewed = await find('cykler-og-praktik-i-tingbjerg')
  expect(reviewed.status).toBe('active')
  expect(reviewed.publicSummary).toBe(true)
  const reviews = (await payload.find({ collection: 'agreement-reviews', where: { agreement: { equals: reviewed.id } } })).docs
  expect(reviews).toHaveLength(1)
  const heldAgo = daysBetween(dayOf(reviews[0].heldOn), today)
  expect(heldAgo).toBeGreaterThanOrEqual(60)
  expect(heldAgo).toBeLessThanOrEqual(63)
  expect(reviews[0].results!.flatMap((result) => result.figures!.map((figure) => [figure.indicator, figure.target, figure.achieved]))).toEqual([
    ['residents-in-jobs', 10, 12],
    ['items-repaired', 300, 340],
  ])
  expect(daysBetween(today, dayOf(reviewed.nextReviewDate!))).toBeGreaterThan(290)
  expect(reviewed.initiatives!.flatMap((initiative) => initiative.targets!.map((target) => target.target))).toEqual([14, 350])
  expect((reviewed.stories as { slug: string }[]).map((story) => story.slug)).toEqual(['cykelvaerksted-i-kaelderen-giver-unge-job'])

  // Due in 17–20 days, never reviewed, private; its parties are demo departments and companies.
  const due = await find('faellesskab-og-genbrug-i-kildeparken')
  expect(due.status).toBe('active')
  expect(due.publicSummary).toBe(false)
  const daysLeft = daysBetween(today, dayOf(due.nextReviewDate!))
  expect(daysLeft).toBeGreaterThanOrEqual(17)
  expect(daysLeft).toBeLessThanOrEqual(20)
  expect((await payload.count({ collection: 'agreement-reviews', where: { agreement: { equals: due.id } } })).totalDocs).toBe(0)
  expect((due.departments as { kind: string }[]).map((party) => party.kind)).toEqual(['housing-department'])
  expect((due.companies as { kind: string }[]).map((party) => party.kind)).toEqual(['company'])
  expect((due.stories as { slug: string }[]).map((story) => story.slug).sort()).toEqual([
    'motion-og-mentorer-i-kildeparken',
    'syvaerksted-skaber-faellesskab-paa-tvaers',
  ])
  // The English title is there too.
  expect((await payload.findByID({ collection: 'agreements', id: due.id, locale: 'en' })).title).toBe('Community and reuse in Kildeparken')

  // The demo stories measure catalogue indicators, so the impact figures have something to sum.
  const stories = (await payload.find({ collection: 'stories', limit: 50, depth: 0 })).docs
  const keyed = stories.flatMap((story) => (story.outcomes ?? []).filter((outcome) => outcome.indicator))
  expect(new Set(keyed.map((outcome) => outcome.indicator))).toEqual(new Set(['residents-in-jobs', 'items-repaired', 'participants', 'kg-collected']))
})

test('whatever day the demo is seeded, the first review is about two months past for one and 17–20 days ahead for the other', () => {
  const misplaced: string[] = []
  // Every day of a leap year and around it: February 29th, month ends, year ends, both DST changes.
  for (let day = '2027-12-25'; day <= '2029-01-05'; day = addDays(day, 1)) {
    const [reviewed, due] = agreementSeeds(new Date(`${day}T10:00:00Z`))
    const firstOf = (agreement: typeof reviewed) => firstReviewDay(agreement.startDate, agreement.review.month, agreement.review.day)
    const past = daysBetween(firstOf(reviewed), day)
    const ahead = daysBetween(day, firstOf(due))
    if (past < 60 || past > 63 || ahead < 17 || ahead > 20 || reviewed.review.day > 28 || due.review.day > 28) {
      misplaced.push(`${day}: ${past} days past, ${ahead} days ahead`)
    }
  }
  expect(misplaced).toEqual([])
})
