import path from 'node:path'

import { beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import type { Story, Submission } from '../../src/payload-types'
import { createPeople, PASSWORD } from '../helpers/fixtures'
import { client, login, type Client } from '../helpers/http'
import { makeTestVideo } from '../helpers/media'
import { useServer } from '../helpers/server'
import { createCall, postSubmission, submissionForm, validSubmission } from '../helpers/submissions'

process.env.SUBMISSION_RATE_LIMIT = '1000'
const server = useServer()
let editor: Client
let member: Client
let people: Awaited<ReturnType<typeof createPeople>>
let callSlug: string

const submit = async (overrides: Record<string, unknown> = {}, files: { photos?: string[]; video?: string } = {}) => {
  const res = await postSubmission(server.current.url, submissionForm(validSubmission(callSlug, overrides), files))
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

beforeAll(async () => {
  people = await createPeople(server.current.payload)
  callSlug = (await createCall(server.current.payload)).slug!
  editor = await login(server.current.url, 'editor@test.dk', PASSWORD)
  member = await login(server.current.url, 'member@test.dk', PASSWORD)
})

describe('triage: "Opret historie"', () => {
  it('creates a prefilled draft story linked both ways, matches the company by CVR and creates the new housing organisation', async () => {
    const photo = path.join(process.env.B2C_TEST_ROOT!, 'gaarden.jpg')
    await sharp({ create: { width: 400, height: 300, channels: 3, background: '#c84' } }).jpeg().toFile(photo)
    const id = await submit(
      {
        organisationName: 'Boligselskabet Østerbo',
        partnerCompanyName: 'Et andet navn for Testfirma',
        partnerCompanyCvr: people.company.cvr,
        description: `${'Unge fra afdelingen reparerer cykler hver onsdag. '.repeat(10)}Det hele startede i 2023.`,
      },
      { photos: [photo], video: await makeTestVideo('triage.mp4', 1) },
    )
    const res = await editor.request(`/api/submissions/${id}/create-story`, { method: 'POST' })
    expect(res.status).toBe(201)
    const { id: storyId, adminUrl } = (await res.json()) as { id: number; adminUrl: string }
    expect(adminUrl).toBe(`/admin/collections/stories/${storyId}`)

    const story = (await server.current.payload.findByID({ collection: 'stories', id: storyId, draft: true, depth: 0, overrideAccess: true })) as Story
    const submission = (await server.current.payload.findByID({ collection: 'submissions', id, depth: 0, overrideAccess: true })) as Submission
    expect(story._status).toBe('draft')
    expect(story.title).toBe('Unge reparerer cykler i gården')
    expect(story.summary.length).toBeLessThanOrEqual(300)
    expect(story.summary.startsWith('Unge fra afdelingen reparerer cykler hver onsdag.')).toBe(true)
    expect(story.themes).toEqual(['skills-and-jobs', 'sustainability'])
    expect(story.municipality).toBe('101')
    expect(story.period?.start?.slice(0, 10)).toBe('2024-01-15')
    expect(story.period?.end?.slice(0, 10)).toBe('2024-06-30')
    expect(story.companies).toEqual([people.company.id])
    expect(story.clips).toEqual([submission.video])
    expect(story.heroImage).toBe((submission.photos as number[])[0])
    expect(story.sourceSubmission).toBe(submission.id)
    expect(story.sourceCall).toBe(submission.call)
    expect(JSON.stringify(story.body)).toContain('Tre unge fik lærepladser.')
    const created = await server.current.payload.findByID({ collection: 'organisations', id: story.housingOrganisation as number, overrideAccess: true })
    expect(created).toMatchObject({ name: 'Boligselskabet Østerbo', kind: 'housing-organisation', slug: 'boligselskabet-oesterbo' })

    expect(submission.story).toBe(storyId)
    expect(submission.status).toBe('accepted')
    // The clip lists the story from the story's own clips (a join): nothing to keep in step.
    const clip = await server.current.payload.findByID({ collection: 'clips', id: submission.video as number, depth: 0, overrideAccess: true })
    expect(clip.stories?.docs).toEqual([storyId])

    // Twice is refused, pointing at the story that exists.
    const again = await editor.request(`/api/submissions/${id}/create-story`, { method: 'POST' })
    expect(again.status).toBe(409)
    expect(((await again.json()) as { id: number }).id).toBe(storyId)
  })

  it('matches an existing organisation by name whatever the case, and creates no duplicate', async () => {
    const before = await server.current.payload.count({ collection: 'organisations', overrideAccess: true })
    const id = await submit({ organisationName: 'TESTBOLIG', partnerCompanyName: 'testfirma aps', partnerCompanyCvr: undefined })
    const res = await editor.request(`/api/submissions/${id}/create-story`, { method: 'POST' })
    expect(res.status).toBe(201)
    const { id: storyId } = (await res.json()) as { id: number }
    const story = await server.current.payload.findByID({ collection: 'stories', id: storyId, draft: true, depth: 0, overrideAccess: true })
    expect(story.housingOrganisation).toBe(people.housing.id)
    expect(story.companies).toEqual([people.company.id])
    expect((await server.current.payload.count({ collection: 'organisations', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
  })

  it('leaves out a new partner company without a CVR number (it cannot be created) instead of failing', async () => {
    const before = await server.current.payload.count({ collection: 'organisations', overrideAccess: true })
    const id = await submit({ organisationName: 'Testbolig', partnerCompanyName: 'Ukendt Værksted', partnerCompanyCvr: undefined })
    const res = await editor.request(`/api/submissions/${id}/create-story`, { method: 'POST' })
    expect(res.status).toBe(201)
    const { id: storyId } = (await res.json()) as { id: number }
    const story = await server.current.payload.findByID({ collection: 'stories', id: storyId, draft: true, depth: 0, overrideAccess: true })
    expect(story.companies ?? []).toEqual([])
    expect((await server.current.payload.count({ collection: 'organisations', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
  })

  it('is for staff only', async () => {
    const id = await submit()
    expect((await member.request(`/api/submissions/${id}/create-story`, { method: 'POST' })).status).toBe(403)
    expect((await client(server.current.url).request(`/api/submissions/${id}/create-story`, { method: 'POST' })).status).toBe(403)
    expect((await editor.request(`/api/submissions/999999/create-story`, { method: 'POST' })).status).toBe(404)
  })

  it('refuses to publish the story while its hero image is a private submission photo', async () => {
    const photo = path.join(process.env.B2C_TEST_ROOT!, 'privat.jpg')
    await sharp({ create: { width: 400, height: 300, channels: 3, background: '#48c' } }).jpeg().toFile(photo)
    const id = await submit({}, { photos: [photo] })
    const { id: storyId } = (await (await editor.request(`/api/submissions/${id}/create-story`, { method: 'POST' })).json()) as { id: number }
    const publish = () => editor.request(`/api/stories/${storyId}`, { method: 'PATCH', json: { _status: 'published' } })
    const refused = await publish()
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('Forsidebilledet er privat')

    const story = await server.current.payload.findByID({ collection: 'stories', id: storyId, draft: true, depth: 0, overrideAccess: true })
    expect((await editor.request(`/api/media/${story.heroImage}`, { method: 'PATCH', json: { private: false } })).status).toBe(200)
    expect((await publish()).status).toBe(200)
  })
})

describe('triage: status', () => {
  it('moves new → in-review → declined, and refuses declined → accepted', async () => {
    const id = await submit()
    const set = (status: string) => editor.request(`/api/submissions/${id}`, { method: 'PATCH', json: { status } })
    expect((await set('in-review')).status).toBe(200)
    expect((await set('declined')).status).toBe(200)
    const jump = await set('accepted')
    expect(jump.status).toBe(400)
    expect(await jump.text()).toContain('kan ikke gå fra')
    expect((await set('in-review')).status).toBe(200)
  })

  it('lets a member read its own organisation’s submissions only, and never the editor notes', async () => {
    const own = await submit({ organisationName: 'Testbolig' })
    const other = await submit({ organisationName: 'Anden Bolig' })
    // Linked by the editor: the typed name alone gives no member access (issue #10, item 8).
    await editor.request(`/api/submissions/${own}`, {
      method: 'PATCH',
      json: { organisation: people.housing.id, editorNotes: 'Ring til dem i næste uge.' },
    })
    await editor.request(`/api/submissions/${other}`, { method: 'PATCH', json: { organisation: people.otherHousing.id } })
    const mine = await member.request(`/api/submissions/${own}`)
    expect(mine.status).toBe(200)
    const body = (await mine.json()) as Submission
    expect(body.title).toBe('Unge reparerer cykler i gården')
    expect(body.editorNotes).toBeUndefined()
    expect((await member.request(`/api/submissions/${other}`)).status).toBe(404)
  })
})
