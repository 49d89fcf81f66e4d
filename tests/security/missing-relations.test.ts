/**
 * Issue #10, item 9: a relationship or upload id that does not exist (`logo: 999999`) failed
 * SQLite's foreign key: a 500 with the statement in the log. It is the client's mistake: a
 * 400 ValidationError on the field, naming the id, with nothing stored and a quiet log; over
 * REST and GraphQL, for drafts (which skip field validation) too, in nested fields, has-many
 * and polymorphic relationships. The server runs as its own process, so its real log is read.
 */
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'

import { client, login, type Client } from '../helpers/http'
import { createDoc, countDocs } from '../helpers/staffDocs'
import { startApiProcess } from '../helpers/apiProcess'
import { makeTestVideo } from '../helpers/media'
import { makeTestPhoto } from '../helpers/photos'
import { stopAppProcess, type AppProcess } from '../helpers/process'
import { expectQuietLog, serverLog } from '../helpers/serverLog'

const PASSWORD = 'correct-horse-battery-staple'
const env = { ...process.env, SEED_DEMO: 'false', ADMIN_EMAIL: 'admin@missing-relations.dk', ADMIN_PASSWORD: PASSWORD }
const MISSING = 999999
const ALSO_MISSING = 999998

let app: AppProcess
let admin: Client
let editor: Client
const ids = {} as Record<'admin' | 'housing' | 'company' | 'call' | 'image' | 'clip' | 'story' | 'submission' | 'organisation', number>
let video: string

const { withLog } = serverLog(() => app)

type Doc = Record<string, unknown> & { id: number }
type FieldError = { path: string; message: string }
type ErrorBody = { errors: { name: string; message: string; data: { collection: string; errors: FieldError[] } }[] }

const created = (collection: string, data: Record<string, unknown>, as: Client = admin) => createDoc<Doc>(as, collection, data)

const count = (collection: string) => countDocs(admin, collection)

const read = async (collection: string, id: number) =>
  (await (await admin.request(`/api/${collection}/${id}?depth=0&draft=true`)).json()) as Doc

const clipForm = (data: Record<string, unknown>) => {
  const form = new FormData()
  form.append('_payload', JSON.stringify(data))
  form.append('file', new Blob([fs.readFileSync(video)]), 'klip.mp4')
  return form
}

const originals = () => {
  const dir = path.join(process.env.MEDIA_DIR!, 'originals')
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []
}

/** Payload's ValidationError, 400, with one error per field named, each naming its missing ids. */
const expectRefused = async (res: Response, collection: string, fields: Record<string, number[]>) => {
  expect(res.status).toBe(400)
  const body = (await res.json()) as ErrorBody
  expect(body.errors).toHaveLength(1)
  const [error] = body.errors
  expect(error.name).toBe('ValidationError')
  expect(error.data.collection).toBe(collection)
  expect(error.data.errors.map(({ path }) => path).sort()).toEqual(Object.keys(fields).sort())
  for (const { path: field, message } of error.data.errors) {
    for (const id of fields[field]) {
      expect(message).toContain(String(id))
      expect(error.message).toContain(String(id))
    }
  }
  return error
}

const submissionData = (overrides: Record<string, unknown> = {}) => ({
  call: ids.call,
  organisationName: 'Boligselskabet Østerbo',
  organisationKind: 'housing-organisation',
  contactName: 'Søren Ærø',
  contactEmail: 'soeren@oesterbo.dk',
  partnerCompanyName: 'Cykelværkstedet ApS',
  themes: ['skills-and-jobs'],
  title: 'Unge reparerer cykler',
  description: 'Hver onsdag.',
  privacyAccepted: true,
  ...overrides,
})

const storyData = (overrides: Record<string, unknown> = {}) => ({
  title: 'Værkstedet i gården',
  summary: 'Unge reparerer cykler.',
  housingOrganisation: ids.housing,
  companies: [ids.company],
  themes: ['skills-and-jobs'],
  municipality: '101',
  period: { start: '2023-09-01T00:00:00.000Z' },
  ...overrides,
})

beforeAll(async () => {
  app = await startApiProcess(env)
  admin = await login(app.url, env.ADMIN_EMAIL, PASSWORD)
  ids.admin = ((await (await admin.request('/api/users/me')).json()) as { user: Doc }).user.id
  await created('users', { email: 'editor@missing-relations.dk', password: PASSWORD, role: 'editor', name: 'Redaktør' })
  editor = await login(app.url, 'editor@missing-relations.dk', PASSWORD)
  ids.housing = (await created('organisations', { kind: 'housing-organisation', name: 'Testbolig' })).id
  ids.company = (await created('organisations', { kind: 'company', name: 'Testfirma ApS', cvr: '12345678' })).id
  ids.organisation = (await created('organisations', { kind: 'network', name: 'Netværket' })).id
  ids.call = (
    await created('calls', {
      title: 'Indkaldelse',
      slug: `indkaldelse-${Date.now().toString(36)}`,
      description: 'Send jeres bedste historie.',
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      contactName: 'Neighborhood Lab',
      contactEmail: 'kontakt@neighborhoodlab.dk',
    })
  ).id
  const photo = new FormData()
  photo.append('_payload', JSON.stringify({ alt: 'Et logo' }))
  photo.append('file', new Blob([fs.readFileSync(await makeTestPhoto('logo.jpg', { width: 300, height: 200 }))]), 'logo.jpg')
  const image = await admin.request('/api/media', { method: 'POST', body: photo })
  expect(image.status).toBe(201)
  ids.image = ((await image.json()) as { doc: Doc }).doc.id
  video = await makeTestVideo('klip.mp4')
  const clip = await admin.request('/api/clips', { method: 'POST', body: clipForm({ title: 'Klippet' }) })
  expect(clip.status).toBe(201)
  ids.clip = ((await clip.json()) as { doc: Doc }).doc.id
  ids.story = (await created('stories', { ...storyData(), _status: 'draft' })).id
  ids.submission = (await created('submissions', submissionData())).id
}, 180_000)

afterAll(async () => {
  if (app) await stopAppProcess(app.child)
})

describe('REST: a create naming an id that does not exist is a 400 on that field; nothing is stored', () => {
  test.each([
    ['an organisation with a logo', 'organisations', () => ({ kind: 'network', name: 'Med logo', logo: MISSING }), { logo: [MISSING] }],
    [
      'a housing department with a parent',
      'organisations',
      () => ({ kind: 'housing-department', name: 'Afdeling 7', parent: MISSING }),
      { parent: [MISSING] },
    ],
    [
      'a draft story with clips (one real, two missing), a housing organisation and a hero image',
      'stories',
      () => storyData({ clips: [ids.clip, MISSING, ALSO_MISSING], housingOrganisation: MISSING, heroImage: ALSO_MISSING, _status: 'draft' }),
      { clips: [MISSING, ALSO_MISSING], housingOrganisation: [MISSING], heroImage: [ALSO_MISSING] },
    ],
    [
      'a submission with a call, photos (one real, one missing) and a video',
      'submissions',
      () => submissionData({ call: MISSING, photos: [ids.image, MISSING], video: ALSO_MISSING }),
      { call: [MISSING], photos: [MISSING], video: [ALSO_MISSING] },
    ],
  ])('%s', async (_what, collection, data, fields) => {
    const before = await count(collection)
    const { result: res, log } = await withLog(() => admin.request(`/api/${collection}?draft=true`, { method: 'POST', json: data() }))
    const error = await expectRefused(res, collection, fields)
    // The ids that exist are not blamed.
    for (const { message } of error.data.errors) expect(message).not.toMatch(new RegExp(`\\b(${ids.clip}|${ids.image})\\b`))
    expect(await count(collection)).toBe(before)
    expectQuietLog(log)
  })

  test('a clip uploaded with a poster that does not exist: no clip and no file stored', async () => {
    const before = await count('clips')
    const files = originals()
    const { result: res, log } = await withLog(() => admin.request('/api/clips', { method: 'POST', body: clipForm({ title: 'Forkert plakat', poster: MISSING }) }))
    await expectRefused(res, 'clips', { poster: [MISSING] })
    expect(await count('clips')).toBe(before)
    expect(originals()).toEqual(files)
    expectQuietLog(log)
  })

  test('the message follows the request language, like the rest of Payload', async () => {
    const ask = (language: string) =>
      admin.request('/api/organisations', { method: 'POST', json: { kind: 'network', name: 'Sprog', logo: MISSING }, headers: { 'accept-language': language } })
    const danish = await expectRefused(await ask('da'), 'organisations', { logo: [MISSING] })
    expect(danish.data.errors[0].message).toBe(`Billede med id ${MISSING} findes ikke`)
    const english = await expectRefused(await ask('en'), 'organisations', { logo: [MISSING] })
    expect(english.data.errors[0].message).toBe(`Image with id ${MISSING} does not exist`)
  })
})

describe('REST: an update naming an id that does not exist is a 400 on that field; the document is unchanged', () => {
  test.each([
    ['an organisation\'s logo', 'organisations', () => ids.organisation, { logo: MISSING }, { logo: [MISSING] }],
    ['a story\'s clips (draft)', 'stories', () => ids.story, { clips: [MISSING] }, { clips: [MISSING] }],
    ['a submission\'s linked organisation', 'submissions', () => ids.submission, { organisation: MISSING }, { organisation: [MISSING] }],
    ['a clip\'s poster', 'clips', () => ids.clip, { poster: MISSING }, { poster: [MISSING] }],
    [
      'a consent document in a clip\'s consent records (a group, an array, an upload)',
      'clips',
      () => ids.clip,
      { consent: { records: [{ person: 'Beboer', givenAt: '2024-01-01T00:00:00.000Z', scope: ['web'], document: MISSING }] } },
      { 'consent.records.0.document': [MISSING] },
    ],
  ])('%s', async (_what, collection, id, data, fields) => {
    const before = await read(collection, id())
    const { result: res, log } = await withLog(() => admin.request(`/api/${collection}/${id()}?draft=true`, { method: 'PATCH', json: data }))
    await expectRefused(res, collection, fields)
    const after = await read(collection, id())
    expect(after).toEqual(before)
    expectQuietLog(log)
  })
})

describe('ids that exist are still stored', () => {
  test('an organisation with a real logo and a department with a real parent are created (201)', async () => {
    const logo = await admin.request('/api/organisations', { method: 'POST', json: { kind: 'network', name: 'Med rigtigt logo', logo: ids.image } })
    expect(logo.status).toBe(201)
    expect(((await logo.json()) as { doc: { logo: Doc } }).doc.logo.id).toBe(ids.image)
    const department = await admin.request('/api/organisations', { method: 'POST', json: { kind: 'housing-department', name: 'Afdeling 8', parent: ids.housing } })
    expect(department.status).toBe(201)
  })

  test('a draft story with its clip and hero image is created; an update sending them back is saved', async () => {
    const story = await created('stories', storyData({ clips: [ids.clip], heroImage: ids.image, _status: 'draft' }))
    expect(story.clips).toEqual([expect.objectContaining({ id: ids.clip })])
    const res = await admin.request(`/api/stories/${story.id}?draft=true&depth=0`, {
      method: 'PATCH',
      json: { ...storyData({ clips: [ids.clip], heroImage: ids.image }), title: 'Nyt navn' },
    })
    expect(res.status).toBe(200)
    expect(await read('stories', story.id)).toMatchObject({ title: 'Nyt navn', clips: [ids.clip], heroImage: ids.image })
  })

  test('a submission with its photo and video is created', async () => {
    const submission = await created('submissions', submissionData({ photos: [ids.image], video: ids.clip }))
    expect(await read('submissions', submission.id)).toMatchObject({ photos: [ids.image], video: ids.clip })
  })

  test("a filter on the field still refuses an organisation of the wrong kind, as Payload's own validation did", async () => {
    const res = await admin.request('/api/organisations', { method: 'POST', json: { kind: 'housing-department', name: 'Afdeling 9', parent: ids.company } })
    expect(res.status).toBe(400)
    const [error] = ((await res.json()) as ErrorBody).errors
    expect(error.data.errors.map(({ path }) => path)).toEqual(['parent'])
  })
})

describe('polymorphic relationships (Payload\'s document locks)', () => {
  test('a lock on a story that does not exist is a 400 on `document`; nothing stored', async () => {
    const before = await count('payload-locked-documents')
    const { result: res, log } = await withLog(() =>
      editor.request('/api/payload-locked-documents', {
        method: 'POST',
        json: { document: { relationTo: 'stories', value: MISSING }, user: { relationTo: 'users', value: ids.admin } },
      }),
    )
    await expectRefused(res, 'payload-locked-documents', { document: [MISSING] })
    expect(await count('payload-locked-documents')).toBe(before)
    expectQuietLog(log)
  })

  test('a relationship to a document that exists but that the user may not read is stored as before', async () => {
    // An editor may not read the administrator's account…
    expect((await editor.request(`/api/users/${ids.admin}`)).status).not.toBe(200)
    // …but may still name it: existence, not access, is what is checked.
    const res = await editor.request('/api/payload-locked-documents', {
      method: 'POST',
      json: { document: { relationTo: 'stories', value: ids.story }, user: { relationTo: 'users', value: ids.admin } },
    })
    expect(res.status).toBe(201)
  })
})

describe('GraphQL: the same 400 ValidationError, nothing stored', () => {
  const graphql = async (query: string) => {
    const res = await admin.request('/api/graphql', { method: 'POST', json: { query } })
    expect(res.status).toBe(200)
    return (await res.json()) as { data: Record<string, unknown> | null; errors?: { message: string; extensions: { name: string; statusCode: number; data: { errors: FieldError[] } } }[] }
  }

  test.each([
    ['createOrganisation with a logo', 'organisations', `mutation { createOrganisation(data: { kind: network, name: "Via GraphQL", logo: ${MISSING} }) { id } }`, 'logo'],
    ['updateStory (a draft) with clips', 'stories', `mutation { updateStory(id: ID, draft: true, data: { clips: [${MISSING}] }) { id } }`, 'clips'],
    ['createSubmission with a call', 'submissions', `mutation { createSubmission(data: { call: ${MISSING}, organisationName: "X", organisationKind: housing_organisation, contactName: "X", contactEmail: "x@example.dk", partnerCompanyName: "X", themes: skills_and_jobs, title: "X", description: "X", privacyAccepted: true, status: new }) { id } }`, 'call'],
    ['updateClip with a poster', 'clips', `mutation { updateClip(id: ID, data: { poster: ${MISSING} }) { id } }`, 'poster'],
  ])('%s', async (_what, collection, template, field) => {
    const id = { stories: ids.story, clips: ids.clip }[collection as 'stories' | 'clips']
    const query = template.replace('id: ID', `id: ${id}`)
    const before = await count(collection)
    const { result: body, log } = await withLog(() => graphql(query))
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(String(MISSING)),
        extensions: expect.objectContaining({
          name: 'ValidationError',
          statusCode: 400,
          data: expect.objectContaining({ errors: [{ path: field, message: expect.stringContaining(String(MISSING)) }] }),
        }),
      }),
    ])
    expect(await count(collection)).toBe(before)
    if (id) expect(JSON.stringify(await read(collection, id))).not.toContain(String(MISSING))
    expectQuietLog(log)
  })
})

test('an anonymous client is refused by access before any id is looked up: no 400 tells it what exists', async () => {
  const res = await client(app.url).request('/api/organisations', { method: 'POST', json: { kind: 'network', name: 'Anonym', logo: MISSING } })
  expect(res.status).toBe(403)
})
