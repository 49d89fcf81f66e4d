/**
 * Issue #10, item 9 (continued): a `where` whose operator or value the database cannot use
 * (near/within/all on a text, an object or a list where one value belongs, text for a numeric
 * id, an invalid date) was a 500 with a stack trace, from anonymous and staff alike, on every
 * collection, on `/count`, in bulk updates and deletes and in GraphQL. It is now a 400 in
 * Payload's error shape naming the condition, GraphQL answers it as an error with status 400,
 * and the log holds one info line for it. Queries that are right keep working, the admin's
 * list search (`id like …`) included. The server runs as its own process: its real log is read.
 */
import fs from 'node:fs'

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'

import { client, login, type Client } from '../helpers/http'
import { createDoc } from '../helpers/staffDocs'
import { startApiProcess } from '../helpers/apiProcess'
import { makeTestPhoto } from '../helpers/photos'
import { stopAppProcess, type AppProcess } from '../helpers/process'
import { expectQuietLog, serverLog } from '../helpers/serverLog'

const env = {
  ...process.env,
  SEED_DEMO: 'false',
  ADMIN_EMAIL: 'admin@query-values.dk',
  ADMIN_PASSWORD: 'correct-horse-battery-staple',
}
let app: AppProcess
let admin: Client
let editor: Client
let anonymous: Client
const { withLog } = serverLog(() => app)

/**
 * MongoDB (TEST_DATABASE_URI) has text ids, `all`, and queries inside rich text and on a
 * relationship to several collections: what is a mistake only on SQLite is asked only there.
 */
const onSqlite = !process.env.TEST_DATABASE_URI
const sqliteOnly = <T>(...cases: T[]): T[] => (onSqlite ? cases : [])

type Doc = Record<string, unknown> & { id: number }
const ids = { housing: 0, department: 0, company: 0, media: 0, a: 0, b: 0 }

const created = (collection: string, data: Record<string, unknown>, as: Client = admin) => createDoc<Doc>(as, collection, data, { draft: false })

const story = (data: Record<string, unknown>) => ({
  summary: 'Et lokalt værksted har lært unge at reparere cykler.',
  housingOrganisation: ids.housing,
  companies: [ids.company],
  municipality: '101',
  _status: 'published',
  ...data,
})

beforeAll(async () => {
  app = await startApiProcess(env)
  admin = await login(app.url, env.ADMIN_EMAIL, env.ADMIN_PASSWORD)
  anonymous = client(app.url)
  await created('users', { email: 'redaktoer@query-values.dk', password: env.ADMIN_PASSWORD, role: 'editor', name: 'Redaktør' })
  editor = await login(app.url, 'redaktoer@query-values.dk', env.ADMIN_PASSWORD)
  ids.housing = (await created('organisations', { kind: 'housing-organisation', name: 'Testbolig' })).id
  ids.department = (await created('organisations', { kind: 'housing-department', name: 'Afdeling 7', parent: ids.housing })).id
  ids.company = (await created('organisations', { kind: 'company', name: 'Testfirma ApS', cvr: '12345678' })).id
  const form = new FormData()
  form.append('_payload', JSON.stringify({ alt: 'Et billede' }))
  form.append('file', new Blob([fs.readFileSync(await makeTestPhoto('billede.jpg', { width: 400, height: 300 }))]), 'billede.jpg')
  const upload = await admin.request('/api/media', { method: 'POST', body: form })
  if (upload.status !== 201) throw new Error(`media upload failed: ${upload.status} ${await upload.text()}`)
  ids.media = ((await upload.json()) as { doc: Doc }).doc.id
  ids.a = (await created('stories', story({
    title: 'Cykelværkstedet',
    department: ids.department,
    themes: ['skills-and-jobs', 'health'],
    period: { start: '2024-03-01T00:00:00.000Z' },
  }))).id
  ids.b = (await created('stories', story({
    title: 'Fællesspisning',
    themes: ['community'],
    period: { start: '2023-05-01T00:00:00.000Z' },
  }))).id
}, 180_000)

afterAll(async () => {
  if (app) await stopAppProcess(app.child)
})

const WHO: [string, () => Client][] = [
  ['an anonymous client', () => anonymous],
  ['an editor', () => editor],
]

type ErrorBody = { errors: { message: string; name?: string; data?: { path: string; operator: string; reason: string }[] }[] }

/** Payload's REST error shape, from our check: the condition's path and operator, and why. */
const expectRefused = (body: unknown, path: string, operator: string) => {
  expect(body).toEqual({ errors: [expect.objectContaining({ message: expect.any(String) })] })
  const [error] = (body as ErrorBody).errors
  expect(error.name).toBe('QueryValueError')
  expect(error.message).toContain(`${path} ${operator}`)
  expect(error.data).toEqual(expect.arrayContaining([expect.objectContaining({ path, operator, reason: expect.any(String) })]))
}

const titlesOf = async (res: Response) => {
  expect(res.status).toBe(200)
  return ((await res.json()) as { docs: { title: string }[] }).docs.map((doc) => doc.title).sort()
}

// --- the mistakes, on a sample of collections -----------------------------------------------

type Fields = { text: string; date: string; relation: string; list: string; contains: string }
const COLLECTIONS: [string, Fields][] = [
  ['stories', { text: 'title', date: 'period.start', relation: 'clips', list: 'themes', contains: 'companies' }],
  ['clips', { text: 'title', date: 'recordedAt', relation: 'poster', list: 'title', contains: 'poster' }],
  ['organisations', { text: 'name', date: 'createdAt', relation: 'parent', list: 'name', contains: 'logo' }],
  ['calls', { text: 'title', date: 'deadline', relation: 'id', list: 'title', contains: 'id' }],
  ['media', { text: 'alt', date: 'createdAt', relation: 'id', list: 'alt', contains: 'id' }],
]

/** Each case of the issue: [query, path, operator]. */
const mistakes = (f: Fields): [string, string, string][] => [
  [`where[${f.text}][near]=1,2`, f.text, 'near'],
  [`where[${f.text}][within]=x`, f.text, 'within'],
  ['where[id][in][0][a]=1', 'id', 'in'],
  [`where[${f.text}][equals][x]=1`, f.text, 'equals'],
  [`where[${f.date}][greater_than]=abc`, f.date, 'greater_than'],
  ...sqliteOnly<[string, string, string]>(
    [`where[${f.list}][all]=x`, f.list, 'all'],
    [`where[${f.relation}][equals]=abc`, f.relation, 'equals'],
  ),
  // On a plain number (calls' and media's id) `contains` compares text and is not a mistake.
  ...(f.contains === 'id' ? [] : sqliteOnly<[string, string, string]>([`where[${f.contains}][contains]=x`, f.contains, 'contains'])),
]

describe.each(COLLECTIONS)('/api/%s', (collection, fields) => {
  describe.each(WHO)('from %s', (_who, as) => {
    test.each(mistakes(fields))('?%s is a 400 naming the condition, for the list and /count; nothing logged as an error', async (query, path, operator) => {
      for (const url of [`/api/${collection}?${query}`, `/api/${collection}/count?${query}`]) {
        const { result: res, log } = await withLog(() => as().request(url))
        expect({ url, status: res.status }).toEqual({ url, status: 400 })
        expectRefused(await res.json(), path, operator)
        expectQuietLog(log)
      }
    })
  })
})

describe.each(WHO)('more mistakes from %s', (_who, as) => {
  test.each([
    ['a like with a list', 'where[title][like][0]=a', 'title', 'like'],
    ['exists with something other than true or false', 'where[title][exists]=yes', 'title', 'exists'],
    ['a nested query through a relationship with an operator its field cannot take', 'where[companies][contains][name][near]=x', 'companies.name', 'near'],
    ['an invalid date inside an or', 'where[or][0][updatedAt][equals]=abc', 'updatedAt', 'equals'],
    ...sqliteOnly(
      ['an empty item in a list of ids', 'where[id][in]=', 'id', 'in'],
      ['an id in a has-many relationship that is not a number', 'where[companies][in]=a', 'companies', 'in'],
      ['a query inside rich text content (invalid SQL on SQLite)', 'where[body.root][equals]=a', 'body.root', 'equals'],
    ),
  ])('%s is a 400 on /api/stories', async (_what, query, path, operator) => {
    const { result: res, log } = await withLog(() => as().request(`/api/stories?${query}`))
    expect(res.status).toBe(400)
    expectRefused(await res.json(), path, operator)
    expectQuietLog(log)
  })

  test('a where given as JSON is judged the same; where or data that is not JSON at all is a 400 on every route', async () => {
    const json = encodeURIComponent(JSON.stringify({ title: { like: 5 } }))
    const refused = await withLog(() => as().request(`/api/stories?where=${json}`))
    expect(refused.result.status).toBe(400)
    expectRefused(await refused.result.json(), 'title', 'like')
    expectQuietLog(refused.log)
    const asQueryBody = (body: string): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' },
      body,
    })
    const requests: [string, RequestInit?][] = [
      ['/api/stories?where=abc'],
      ['/api/stories/count?where=abc'],
      [`/api/stories/${ids.a}?where=abc`],
      ['/api/organisations?data=abc'],
      // The admin's POST form of a query, whose body Payload reads as the query string.
      ['/api/stories', asQueryBody('where=abc')],
    ]
    for (const [url, init] of requests) {
      const { result: res, log } = await withLog(() => as().request(url, init))
      expect({ url, status: res.status }).toEqual({ url, status: 400 })
      // No language asked for: Danish, as Payload's own answers.
      expect(await res.json()).toEqual({ errors: [{ message: expect.stringMatching(/^Forespørgselsparameteren "(where|data)" er ikke gyldig JSON/) }] })
      expectQuietLog(log)
    }
    expect(await titlesOf(await as().request('/api/stories', asQueryBody(`where=${encodeURIComponent(JSON.stringify({ title: { like: 'cykel' } }))}`)))).toEqual([
      'Cykelværkstedet',
    ])
  })

  test('GraphQL answers a where value of the wrong type as an error with status 400, never an internal error', async () => {
    const queries = [
      ['{ countStories(where: { companies: { in: [{ a: 1 }] } }) { totalDocs } }', 'countStories', 'companies in'],
      ['{ Clips(where: { OR: [{ poster: { equals: { a: 1 } } }] }) { totalDocs } }', 'Clips', 'poster equals'],
      ...sqliteOnly(
        ['{ Stories(where: { clips: { equals: "abc" } }) { totalDocs } }', 'Stories', 'clips equals'],
        ['{ Organisations(where: { parent: { all: [1] } }) { totalDocs } }', 'Organisations', 'parent all'],
      ),
    ]
    for (const [query, name, condition] of queries) {
      const { result: res, log } = await withLog(() => as().request('/api/graphql', { method: 'POST', json: { query } }))
      expect(res.status).toBe(200)
      const body = (await res.json()) as { data: Record<string, unknown>; errors: { message: string; extensions: { statusCode: number; name: string } }[] }
      expect(body.data).toEqual({ [name]: null })
      expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringContaining(condition), extensions: expect.objectContaining({ statusCode: 400, name: 'QueryValueError' }) })])
      expectQuietLog(log)
    }
  })
})

describe('staff only routes', () => {
  test('a bulk update or delete whose where cannot be used is a 400 and changes nothing', async () => {
    const patch = await withLog(() => editor.request('/api/stories?where[updatedAt][less_than]=abc', { method: 'PATCH', json: { featured: true } }))
    expect(patch.result.status).toBe(400)
    expectRefused(await patch.result.json(), 'updatedAt', 'less_than')
    expectQuietLog(patch.log)
    const remove = await withLog(() => editor.request('/api/stories?where[id][in][0][a]=1', { method: 'DELETE' }))
    expect(remove.result.status).toBe(400)
    expectRefused(await remove.result.json(), 'id', 'in')
    expectQuietLog(remove.log)
    const res = await editor.request(`/api/stories?where[id][in]=${ids.a},${ids.b}&depth=0`)
    const { docs } = (await res.json()) as { docs: { featured: boolean }[] }
    expect(docs.map((doc) => doc.featured)).toEqual([false, false])
  })

  test.each([
    ['versions', '/api/stories/versions?where[parent][equals][a]=1', 'parent', 'equals'],
    ["Payload's preferences", '/api/payload-preferences?where[updatedAt][greater_than]=abc', 'updatedAt', 'greater_than'],
    ...sqliteOnly(["Payload's document locks (a relationship to several collections)", '/api/payload-locked-documents?where[document][equals]=abc', 'document', 'equals']),
  ])('%s: a where value of the wrong type is a 400', async (_what, url, path, operator) => {
    const { result: res, log } = await withLog(() => editor.request(url))
    expect(res.status).toBe(400)
    expectRefused(await res.json(), path, operator)
    expectQuietLog(log)
  })

  test('who may not read a collection at all still gets 403, with or without a mistake in the where', async () => {
    for (const url of ['/api/users?where[organisation][equals]=abc', '/api/users?where[organisation][equals]=1']) {
      const { result: res, log } = await withLog(() => anonymous.request(url))
      expect(res.status).toBe(403)
      expectQuietLog(log)
    }
  })
})

const testOnSqlite = onSqlite ? test : test.skip

testOnSqlite("more values than SQLite binds in one statement is a 400, also in the admin's POST form of a query; a long list within the limit works", async () => {
  const query = (count: number) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' },
    body: `where[and][0][title][like]=e&where[and][1][id][in]=${Array.from({ length: count }, (_, index) => index + 1).join(',')}`,
  })
  const { result: res, log } = await withLog(() => fetch(`${app.url}/api/stories`, query(40_000)))
  expect(res.status).toBe(400)
  expectRefused(await res.json(), 'id', 'in')
  expectQuietLog(log)
  expect(await titlesOf(await fetch(`${app.url}/api/stories`, query(5_000)))).toEqual(['Cykelværkstedet', 'Fællesspisning'])
})

// --- what is right keeps working --------------------------------------------------------------

describe.each(WHO)('valid queries from %s', (_who, as) => {
  test.each([
    ['a list of themes', () => 'where[themes][in]=health,safety', ['Cykelværkstedet']],
    ['a date after', () => 'where[period.start][greater_than]=2024-01-01', ['Cykelværkstedet']],
    ['a date before, with a time', () => 'where[period.start][less_than]=2024-01-01T00:00:00.000Z', ['Fællesspisning']],
    ['ids as a comma list', () => `where[id][in]=${ids.a},${ids.b}`, ['Cykelværkstedet', 'Fællesspisning']],
    ['ids as a list', () => `where[id][not_in][0]=${ids.a}`, ['Fællesspisning']],
    ['a number as a string', () => `where[id][equals]=${ids.b}`, ['Fællesspisning']],
    ['like inside an or', () => 'where[or][0][title][like]=cykel&where[or][1][title][like]=ingen', ['Cykelværkstedet']],
    ['a relationship equal to a numeric string', () => `where[housingOrganisation][equals]=${ids.housing}`, ['Cykelværkstedet', 'Fællesspisning']],
    ['a has-many relationship containing an id', () => `where[companies][contains]=${ids.company}`, ['Cykelværkstedet', 'Fællesspisning']],
    ['a nested query through a has-many relationship', () => 'where[companies][contains][name][equals]=Testfirma ApS', ['Cykelværkstedet', 'Fællesspisning']],
    ['exists=true', () => 'where[department][exists]=true', ['Cykelværkstedet']],
    ['exists=false', () => 'where[department][exists]=false', ['Fællesspisning']],
    ['the same where as JSON', () => `where=${encodeURIComponent(JSON.stringify({ title: { like: 'fælles' } }))}`, ['Fællesspisning']],
  ])('%s', async (_what, query, titles) => {
    expect(await titlesOf(await as().request(`/api/stories?${query()}`))).toEqual(titles)
  })

  test('/count and GraphQL with a valid where', async () => {
    const count = await as().request('/api/stories/count?where[themes][in]=health')
    expect(await count.json()).toEqual({ totalDocs: 1 })
    const res = await as().request('/api/graphql', {
      method: 'POST',
      json: { query: `{ Stories(where: { themes: { in: [community] }, companies: { equals: "${ids.company}" } }) { docs { title } } }` },
    })
    expect(await res.json()).toEqual({ data: { Stories: { docs: [{ title: 'Fællesspisning' }] } } })
  })
})

test("the admin's list search on a collection without a title field (`id like …`) still answers, with or without a match", async () => {
  const search = (text: string) => admin.request(`/api/media?where[or][0][id][like]=${encodeURIComponent(text)}&depth=0`)
  const found = (await (await search(String(ids.media))).json()) as { docs: Doc[] }
  expect(found.docs.map((doc) => doc.id)).toEqual([ids.media])
  const none = await search('billede')
  expect(none.status).toBe(200)
  expect(((await none.json()) as { docs: Doc[] }).docs).toEqual([])
})
