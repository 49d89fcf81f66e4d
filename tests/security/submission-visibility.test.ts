/**
 * Issue #10, item 8: a sender chose who read their submission. An anonymous sender who typed an
 * organisation's name ("KAB") put their text into the list of every member user of that
 * organisation. Now a member sees only what an editor has linked to their organisation, or
 * what a member of it sent while logged in; the typed name is only a suggestion for editors.
 * Checked through every way a member reads: the REST list, by id, the count the admin list
 * shows, and GraphQL.
 */
// First: PUBLIC_URL decides which origins' session cookies count (CSRF), read as the config loads.
import { OWN_ORIGIN } from './httpsSite'

import { beforeAll, describe, expect, test } from '@jest/globals'

import { createPeople, PASSWORD } from '../helpers/fixtures'
import { client, login, useServer, type Client } from '../helpers/server'
import { createCall, postSubmission, validSubmission } from '../helpers/submissions'

process.env.SUBMISSION_RATE_LIMIT = '1000'
const server = useServer({ runJobs: false })

type Id = number | string
let people: Awaited<ReturnType<typeof createPeople>>
let callSlug: string
let member: Client
let otherMember: Client
let editor: Client
let memberToken: string

beforeAll(async () => {
  const payload = server.current.payload
  people = await createPeople(payload)
  await payload.create({
    collection: 'users',
    data: { email: 'other-member@test.dk', password: PASSWORD, role: 'member', organisation: people.otherHousing.id },
  })
  callSlug = (await createCall(payload)).slug!
  const url = server.current.url
  member = await login(url, 'member@test.dk', PASSWORD)
  memberToken = member.token!
  otherMember = await login(url, 'other-member@test.dk', PASSWORD)
  editor = await login(url, 'editor@test.dk', PASSWORD)
})

let titles = 0
const uniqueTitle = (what: string) => `${what} ${++titles}-${Date.now().toString(36)}`

/** Posts through the public endpoint; returns the stored submission's id. */
const submit = async (overrides: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Id> => {
  const res = await postSubmission(server.current.url, validSubmission(callSlug, overrides), headers)
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

const stored = (id: Id) => server.current.payload.findByID({ collection: 'submissions', id, depth: 0, overrideAccess: true })

const json = async (c: Client, pathname: string, init?: Parameters<Client['request']>[1]) => {
  const res = await c.request(pathname, init)
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined, text }
}

/** What a member can learn about one submission, through every read. */
const whatMemberSees = async (c: Client, id: Id, title: string) => {
  const list = await json(c, '/api/submissions?depth=0&limit=1000')
  const one = await json(c, `/api/submissions/${id}?depth=0`)
  const count = await json(c, `/api/submissions/count?where[title][equals]=${encodeURIComponent(title)}`)
  const gql = await json(c, '/api/graphql', {
    method: 'POST',
    json: { query: `{ Submissions(limit: 1000) { docs { id title } } countSubmissions { totalDocs } }` },
  })
  const gqlOne = await json(c, '/api/graphql', { method: 'POST', json: { query: `{ Submission(id: ${id}) { id title } }` } })
  expect(list.status).toBe(200)
  expect(gql.status).toBe(200)
  return {
    inList: (list.body.docs as { id: Id }[]).some((doc) => String(doc.id) === String(id)),
    byId: one.status === 200 && one.body?.title === title,
    counted: count.body?.totalDocs === 1,
    inGraphql: ((gql.body.data?.Submissions?.docs ?? []) as { id: Id }[]).some((doc) => String(doc.id) === String(id)),
    graphqlById: gqlOne.body.data?.Submission?.title === title,
    // The title must not leak in any answer either (an error message, a populated relation).
    titleAnywhere: [list, one, count, gql, gqlOne].some((res) => res.text.includes(title)),
  }
}

const SEES_NOTHING = { inList: false, byId: false, counted: false, inGraphql: false, graphqlById: false, titleAnywhere: false }
const SEES_ALL = { inList: true, byId: true, counted: true, inGraphql: true, graphqlById: true, titleAnywhere: true }

describe('a typed organisation name gives nobody access (issue #10, item 8)', () => {
  test('an anonymous submission naming the member’s organisation stays hidden from its members until an editor links it', async () => {
    const title = uniqueTitle('Navnet er skrevet af en fremmed')
    // Exactly the member's organisation's name, and in another case.
    const id = await submit({ title, organisationName: 'Testbolig' })
    const other = await submit({ title: `${title} (små bogstaver)`, organisationName: 'testbolig' })

    expect(await whatMemberSees(member, id, title)).toEqual(SEES_NOTHING)
    expect(await whatMemberSees(member, other, `${title} (små bogstaver)`)).toEqual(SEES_NOTHING)
    expect((await stored(id)).organisation ?? null).toBeNull()
    expect((await stored(other)).organisation ?? null).toBeNull()

    // The editor is offered the organisation with that name, and links it.
    const asEditor = await json(editor, `/api/submissions/${id}?depth=0`)
    expect(String(asEditor.body.suggestedOrganisation)).toBe(String(people.housing.id))
    const linked = await json(editor, `/api/submissions/${id}`, { method: 'PATCH', json: { organisation: people.housing.id } })
    expect(linked.status).toBe(200)

    expect(await whatMemberSees(member, id, title)).toEqual(SEES_ALL)
    expect(await whatMemberSees(otherMember, id, title)).toEqual(SEES_NOTHING)
  })

  test('members never see the suggestion, even on a submission linked to them', async () => {
    const title = uniqueTitle('Forslaget er redaktionens')
    const id = await submit({ title, organisationName: 'Anden Bolig' })
    await json(editor, `/api/submissions/${id}`, { method: 'PATCH', json: { organisation: people.housing.id } })
    const mine = await json(member, `/api/submissions/${id}?depth=1`)
    expect(mine.status).toBe(200)
    expect(mine.body).not.toHaveProperty('suggestedOrganisation')
    const asEditor = await json(editor, `/api/submissions/${id}?depth=0`)
    expect(String(asEditor.body.suggestedOrganisation)).toBe(String(people.otherHousing.id))
  })

  test('a member who sends while logged in gets their own organisation, whatever name they type', async () => {
    const title = uniqueTitle('Sendt af et medlem')
    // An API client with the member's token, naming another organisation.
    const id = await submit({ title, organisationName: 'Anden Bolig' }, { authorization: `JWT ${memberToken}` })
    expect(String((await stored(id)).organisation)).toBe(String(people.housing.id))
    expect(await whatMemberSees(member, id, title)).toEqual(SEES_ALL)
    expect(await whatMemberSees(otherMember, id, title)).toEqual(SEES_NOTHING)
  })

  test('the member’s session cookie links only from our own origin, never from a foreign page', async () => {
    const cookie = `payload-token=${memberToken}`

    const ownTitle = uniqueTitle('Fra vores egen formular')
    const fromOwn = await submit({ title: ownTitle }, { cookie, origin: OWN_ORIGIN })
    expect(String((await stored(fromOwn)).organisation)).toBe(String(people.housing.id))

    // A foreign page posting with the member's cookie: refused (403), or stored unlinked.
    const foreignPages: Record<string, string>[] = [{ origin: 'https://angreb.example.dk' }, { 'sec-fetch-site': 'cross-site' }]
    for (const foreign of foreignPages) {
      const foreignTitle = uniqueTitle('Fra en fremmed side')
      const res = await postSubmission(server.current.url, validSubmission(callSlug, { title: foreignTitle }), { cookie, ...foreign })
      expect([201, 403]).toContain(res.status)
      const found = await server.current.payload.find({
        collection: 'submissions',
        where: { title: { equals: foreignTitle } },
        depth: 0,
        overrideAccess: true,
      })
      for (const doc of found.docs) expect(doc.organisation ?? null).toBeNull()
      if (found.docs[0]) expect(await whatMemberSees(member, found.docs[0].id, foreignTitle)).toEqual(SEES_NOTHING)
    }
  })

  test('staff sending through the public endpoint link nothing (they link in the admin)', async () => {
    const title = uniqueTitle('Sendt af en redaktør')
    const id = await submit({ title, organisationName: 'Testbolig' }, { authorization: `JWT ${editor.token}` })
    expect((await stored(id)).organisation ?? null).toBeNull()
    expect(await whatMemberSees(member, id, title)).toEqual(SEES_NOTHING)
  })

  test('an anonymous client cannot sneak the link in with an `organisation` field', async () => {
    const title = uniqueTitle('Med et organisation-felt')
    const id = await submit({ title, organisation: people.housing.id, organisationName: 'Testbolig' })
    expect((await stored(id)).organisation ?? null).toBeNull()
    expect(await whatMemberSees(member, id, title)).toEqual(SEES_NOTHING)
  })
})
