/**
 * Scheduled publishing (SPEC §2 stories) runs as a job on the `default` queue, and the publish
 * gate (SPEC §4) applies to it exactly as to a click on "Publish".
 */
import { beforeAll, expect, test } from '@jest/globals'

import { createPeople } from './helpers/fixtures'
import { makeTestVideo } from './helpers/media'
import { useServer } from './helpers/server'

const server = useServer()
let people: Awaited<ReturnType<typeof createPeople>>
beforeAll(async () => {
  people = await createPeople(server.current.payload)
})

const draftStory = async (title: string, clips: (number | string)[] = []) =>
  server.current.payload.create({
    collection: 'stories',
    draft: true,
    data: {
      _status: 'draft',
      title,
      summary: 'Planlagt udgivelse',
      housingOrganisation: people.housing.id,
      companies: [people.company.id],
      themes: ['community'],
      municipality: '101',
      period: { start: '2025-01-01' },
      clips,
    } as never,
  })

const schedule = async (id: number | string, waitUntil: Date) => {
  const { payload } = server.current
  return payload.jobs.queue({
    task: 'schedulePublish',
    queue: 'default',
    waitUntil,
    input: { type: 'publish', doc: { relationTo: 'stories', value: String(id) } } as never,
  })
}

const publicStatus = async (id: number | string) =>
  (await fetch(`${server.current.url}/api/stories/${id}?depth=0`)).status

test('a story scheduled for publishing goes public when the default queue runs after its time', async () => {
  const { payload } = server.current
  const story = await draftStory('Planlagt historie')
  await schedule(story.id, new Date(Date.now() + 1500))

  await payload.jobs.run({ queue: 'default' })
  expect(await publicStatus(story.id)).toBe(404) // not yet: its time has not come

  await new Promise((resolve) => setTimeout(resolve, 1600))
  await payload.jobs.run({ queue: 'default' })
  expect(await publicStatus(story.id)).toBe(200)
  const published = await payload.findByID({ collection: 'stories', id: story.id })
  expect(published._status).toBe('published')
  expect(published.publishedAt).toEqual(expect.any(String))
})

test('a scheduled publish is refused by the publish gate while a clip lacks consent', async () => {
  const { payload } = server.current
  const uploaded = await payload.create({
    collection: 'clips',
    data: { title: 'Klip uden samtykke' } as never,
    filePath: await makeTestVideo('scheduled.mp4'),
  })
  // Processed, so that consent is the only thing holding the story back.
  const clip = await payload.update({ collection: 'clips', id: uploaded.id, data: { processing: { status: 'ready' } } as never })
  const story = await draftStory('Planlagt med klip', [clip.id])
  const job = await schedule(story.id, new Date(Date.now() - 1000))

  await payload.jobs.run({ queue: 'default' })

  expect(await publicStatus(story.id)).toBe(404)
  const after = await payload.findByID({ collection: 'payload-jobs', id: job.id })
  expect(after.hasError).toBe(true)
  const messages = (after.log ?? []).map((entry) => (entry.error as { message?: string } | undefined)?.message).join(' ')
  expect(messages).toMatch(/Klippet "Klip uden samtykke" mangler bekræftet samtykke/)
})
