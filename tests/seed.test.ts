import { expect, test } from '@jest/globals'

import { THEME_KEYS } from '../src/constants/themes'
import { seed } from '../src/seed'
import { useServer } from './helpers/server'

const server = useServer()

const counts = async () => {
  const { payload } = server.current
  const collections = ['organisations', 'calls', 'stories', 'clips'] as const
  const totals = await Promise.all(collections.map((collection) => payload.count({ collection })))
  return Object.fromEntries(collections.map((collection, i) => [collection, totals[i].totalDocs]))
}

test('the demo content is created once; a second run creates and overwrites nothing', async () => {
  const { payload } = server.current
  const first = await seed(payload)
  expect(first.created).toEqual({ organisations: 10, calls: 2, stories: 5 })
  const afterFirst = await counts()

  // An editor's change to a demo story must survive a second run.
  const story = (await payload.find({ collection: 'stories', limit: 1, where: { slug: { equals: 'motion-og-mentorer-i-kildeparken' } } })).docs[0]
  await payload.update({ collection: 'stories', id: story.id, data: { title: 'Redigeret af en redaktør' } })

  const second = await seed(payload)
  expect(second.created).toEqual({})
  expect(second.skipped).toEqual({ organisations: 10, calls: 2, stories: 5 })
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
