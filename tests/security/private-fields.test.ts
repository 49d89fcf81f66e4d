/**
 * Private fields of SPEC §2 (issue #10, item 7) through every door of Payload's own API, as
 * anonymous, a member of another organisation, a member of the organisation concerned, an
 * editor and an administrator: REST by id and in lists, relations populated with `depth` and
 * `populate`, `select`, `where` and `sort` on private paths (which must not act as an oracle),
 * `/count`, and GraphQL. Staff see every secret (so each check can fail); nobody else sees any.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'

import { beforeAll, describe, expect, test } from '@jest/globals'
import type { Payload } from 'payload'

import { createPeople, PASSWORD } from '../helpers/fixtures'
import { client, login, useServer, type Client } from '../helpers/server'

const server = useServer()
const payload = (): Payload => server.current.payload

type Role = 'anonymous' | 'otherMember' | 'member' | 'editor' | 'admin'
const ROLES: Role[] = ['anonymous', 'otherMember', 'member', 'editor', 'admin']
const isStaff = (role: Role) => role === 'editor' || role === 'admin'

/** Each secret sits in exactly one private field; none of them is ever in a public field. */
const SECRET = {
  callEmail: 'hemmelig-indkaldelse@neighborhoodlab.dk',
  orgEmail: 'kontakt@testbolig.dk', // createPeople's housing organisation (the member's)
  consentPerson: 'Hemmelig Beboer Hansen',
  editorNotes: 'HEMMELIG-NOTE: tjek samtykket igen',
  mailMessageId: '<hemmelig-kvittering@test.dk>',
  stage: 'visit-planned',
}
/** The stored names of private files (the original video, a signed consent form), without extension. */
const FILE = { clip: 'hemmelig-original', consentDocument: 'hemmelig-erklaering' }
const WRONG = {
  callEmail: 'ingen@nowhere.dk',
  orgEmail: 'ingen@nowhere.dk',
  consentPerson: 'Ingen Person',
  editorNotes: 'findes ikke',
  stage: 'ready',
}

type Id = number | string
let as: Record<Role, Client>
let ids: {
  call: Id
  housing: Id
  clip: Id
  consentDocument: Id
  story: Id
  submission: Id
}

beforeAll(async () => {
  const p = payload()
  const people = await createPeople(p)
  await p.create({
    collection: 'users',
    data: { email: 'other-member@test.dk', password: PASSWORD, role: 'member', organisation: people.otherHousing.id },
  })
  const url = server.current.url
  as = {
    anonymous: client(url),
    otherMember: await login(url, 'other-member@test.dk', PASSWORD),
    member: await login(url, people.member.email, PASSWORD),
    editor: await login(url, people.editor.email, PASSWORD),
    admin: await login(url, people.admin.email, PASSWORD),
  }

  const call = await p.create({
    collection: 'calls',
    data: {
      title: 'Indkaldelse med privat kontakt',
      opensAt: '2024-04-01T08:00:00.000Z',
      deadline: '2024-05-24T21:59:59.000Z',
      contactName: 'Neighborhood Lab',
      contactEmail: SECRET.callEmail,
    } as never,
  })

  const root = process.env.B2C_TEST_ROOT as string
  const mp4 = path.join(root, `${FILE.clip}.mp4`)
  execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '1', '-pix_fmt', 'yuv420p', mp4])
  const png = path.join(root, `${FILE.consentDocument}.png`)
  execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=c=red:size=40x30', '-frames:v', '1', png])
  const consentDocument = await p.create({ collection: 'consent-documents', data: { person: SECRET.consentPerson }, filePath: png })
  const clip = await p.create({ collection: 'clips', data: { title: 'Offentligt klip' } as never, filePath: mp4 })
  await p.update({
    collection: 'clips',
    id: clip.id,
    data: {
      processing: { status: 'ready', progress: 100 },
      consent: {
        confirmed: true,
        records: [{ person: SECRET.consentPerson, role: 'resident', givenAt: '2024-05-01T00:00:00.000Z', scope: ['web'], document: consentDocument.id }],
      },
    } as never,
  })

  // Linked to the member's organisation by an editor: the member reads it, never its notes.
  const submission = await p.create({
    collection: 'submissions',
    data: {
      call: call.id,
      organisationName: 'Testbolig',
      organisationKind: 'housing-organisation',
      organisation: people.housing.id,
      contactName: 'Kontakt Person',
      contactEmail: 'kontakt.person@example.dk',
      partnerCompanyName: 'Testfirma ApS',
      themes: ['community'],
      title: 'Indsendelse fra Testbolig',
      description: 'Beskrivelse af samarbejdet.',
      privacyAccepted: true,
      editorNotes: SECRET.editorNotes,
      mailsSent: { receipt: { sentAt: '2024-05-02T10:00:00.000Z', messageId: SECRET.mailMessageId } },
    } as never,
  })

  const story = await p.create({
    collection: 'stories',
    data: {
      title: 'Udgivet historie',
      summary: 'Et kort resumé.',
      housingOrganisation: people.housing.id,
      companies: [people.company.id],
      themes: ['community'],
      municipality: '101',
      period: { start: '2024-01-01T00:00:00.000Z' },
      clips: [clip.id],
      stage: SECRET.stage as 'visit-planned',
      sourceCall: call.id,
      sourceSubmission: submission.id,
      _status: 'published',
    },
  })

  const storedClip = await p.findByID({ collection: 'clips', id: clip.id, depth: 0 })
  expect([storedClip.filename, consentDocument.filename]).toEqual([`${FILE.clip}.mp4`, `${FILE.consentDocument}.png`])
  ids = {
    call: call.id,
    housing: people.housing.id,
    clip: clip.id,
    consentDocument: consentDocument.id,
    story: story.id,
    submission: submission.id,
  }
})

type Answer = { status: number; body: any; text: string }
const get = async (c: Client, pathname: string): Promise<Answer> => {
  const res = await c.request(pathname)
  const text = await res.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  return { status: res.status, body, text }
}
const graphql = async (c: Client, query: string): Promise<Answer> => {
  const res = await c.request('/api/graphql', { method: 'POST', json: { query } })
  const text = await res.text()
  return { status: res.status, body: JSON.parse(text), text }
}

/** The secrets an answer carries, of those asked about. */
const secretsIn = (text: string, secrets: string[]) => secrets.filter((secret) => text.includes(secret))

// ---------------------------------------------------------------------------------------------
// REST reads: by id, lists, populated relations, select and populate

type ReadCase = {
  name: string
  path: () => string
  /** the secrets staff find in the answer (nobody else may find any of them) */
  secrets: string[]
  /** who gets the document at all (others: 403/404 or an empty list, checked as "no secret") */
  readers?: Role[]
}

const READS: ReadCase[] = [
  { name: 'a call by id', path: () => `/api/calls/${ids.call}`, secrets: [SECRET.callEmail] },
  { name: 'the list of calls', path: () => '/api/calls?limit=100', secrets: [SECRET.callEmail] },
  { name: 'a call, select=contactEmail', path: () => `/api/calls/${ids.call}?select[contactEmail]=true`, secrets: [SECRET.callEmail] },
  { name: 'an organisation, select=contactEmail', path: () => `/api/organisations/${ids.housing}?select[contactEmail]=true`, secrets: [SECRET.orgEmail] },
  {
    name: 'a story at depth 3 (organisations, call, clips, consent documents, submission populated)',
    path: () => `/api/stories/${ids.story}?depth=3`,
    secrets: [SECRET.callEmail, SECRET.orgEmail, SECRET.consentPerson, SECRET.editorNotes, SECRET.mailMessageId, SECRET.stage, FILE.consentDocument, FILE.clip],
  },
  {
    name: 'the list of stories at depth 3',
    path: () => '/api/stories?depth=3&limit=100',
    secrets: [SECRET.callEmail, SECRET.orgEmail, SECRET.consentPerson, SECRET.editorNotes, SECRET.stage, FILE.clip],
  },
  {
    name: 'a story with select and populate asking for the private fields',
    path: () =>
      `/api/stories/${ids.story}?depth=2&select[housingOrganisation]=true&select[sourceCall]=true&select[clips]=true&select[stage]=true` +
      '&populate[organisations][contactEmail]=true&populate[calls][contactEmail]=true&populate[clips][consent]=true',
    secrets: [SECRET.callEmail, SECRET.orgEmail, SECRET.consentPerson, SECRET.stage],
  },
  {
    name: 'a clip at depth 2, select=consent',
    path: () => `/api/clips/${ids.clip}?depth=2&select[consent]=true&select[filename]=true`,
    secrets: [SECRET.consentPerson, FILE.consentDocument, FILE.clip],
  },
  {
    name: 'a submission at depth 2 (call and organisation populated)',
    path: () => `/api/submissions/${ids.submission}?depth=2`,
    secrets: [SECRET.callEmail, SECRET.orgEmail, SECRET.editorNotes, SECRET.mailMessageId],
    readers: ['member', 'editor', 'admin'],
  },
  {
    name: 'a submission, select=editorNotes and mailsSent',
    path: () => `/api/submissions/${ids.submission}?select[title]=true&select[editorNotes]=true&select[mailsSent]=true`,
    secrets: [SECRET.editorNotes, SECRET.mailMessageId],
    readers: ['member', 'editor', 'admin'],
  },
  {
    name: 'the list of submissions at depth 2',
    path: () => '/api/submissions?depth=2&limit=100',
    secrets: [SECRET.callEmail, SECRET.orgEmail, SECRET.editorNotes, SECRET.mailMessageId],
    readers: ['member', 'editor', 'admin'],
  },
  {
    name: 'the logged-in user with its organisation populated',
    path: () => '/api/users/me?depth=2',
    secrets: [],
  },
  {
    name: 'a consent document',
    path: () => `/api/consent-documents/${ids.consentDocument}`,
    secrets: [SECRET.consentPerson],
  },
]

const READ_CASES = READS.flatMap((read) => ROLES.map((role) => ({ ...read, role })))

describe('REST: private fields reach staff only, however they are asked for', () => {
  test.each(READ_CASES)('$name: $role', async ({ path: pathOf, secrets, readers, role }) => {
    const res = await get(as[role], pathOf())
    expect(res.status).toBeLessThan(500)
    if (isStaff(role)) {
      expect(res.status).toBe(200)
      expect(secretsIn(res.text, secrets)).toEqual(secrets)
    } else {
      expect(secretsIn(res.text, [...Object.values(SECRET), FILE.consentDocument, FILE.clip])).toEqual([])
      if (readers?.includes(role)) {
        // The document itself is theirs to read: it is there, only without the private parts.
        expect(res.status).toBe(200)
        expect(res.text).toContain('Indsendelse fra Testbolig')
      }
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Filters, sorting and counts on private paths: never an oracle

type Oracle = {
  name: string
  /** the same request with the right and a wrong guess */
  path: (guess: 'right' | 'wrong') => string
  /** who can read the documents at all (the oracle is only meaningful for them) */
  readers?: Role[]
}

const enc = encodeURIComponent
const guess = <K extends keyof typeof WRONG>(key: K, which: 'right' | 'wrong') => enc(which === 'right' ? SECRET[key] : WRONG[key])

const ORACLES: Oracle[] = [
  { name: 'calls where contactEmail equals', path: (g) => `/api/calls?depth=0&where[contactEmail][equals]=${guess('callEmail', g)}` },
  { name: 'calls where contactEmail like', path: (g) => `/api/calls?depth=0&where[contactEmail][like]=${g === 'right' ? 'hemmelig' : 'ingen'}` },
  { name: 'calls count where contactEmail equals', path: (g) => `/api/calls/count?where[contactEmail][equals]=${guess('callEmail', g)}` },
  { name: 'organisations where contactEmail equals', path: (g) => `/api/organisations?depth=0&where[contactEmail][equals]=${guess('orgEmail', g)}` },
  {
    name: 'organisations where contactEmail exists',
    path: (g) => `/api/organisations?depth=0&where[contactEmail][exists]=${g === 'right' ? 'true' : 'false'}&where[name][equals]=Testbolig`,
  },
  {
    name: 'stories where housingOrganisation.contactEmail equals',
    path: (g) => `/api/stories?depth=0&where[housingOrganisation.contactEmail][equals]=${guess('orgEmail', g)}`,
  },
  { name: 'stories where sourceCall.contactEmail equals', path: (g) => `/api/stories?depth=0&where[sourceCall.contactEmail][equals]=${guess('callEmail', g)}` },
  {
    name: 'stories where clips.consent.records.person equals',
    path: (g) => `/api/stories?depth=0&where[clips.consent.records.person][equals]=${guess('consentPerson', g)}`,
  },
  { name: 'stories where stage equals', path: (g) => `/api/stories?depth=0&where[stage][equals]=${guess('stage', g)}` },
  {
    name: 'stories where sourceSubmission.editorNotes like',
    path: (g) => `/api/stories?depth=0&where[sourceSubmission.editorNotes][like]=${g === 'right' ? 'HEMMELIG' : 'findes'}`,
  },
  { name: 'clips where consent.records.person equals', path: (g) => `/api/clips?depth=0&where[consent.records.person][equals]=${guess('consentPerson', g)}` },
  {
    name: 'submissions where editorNotes like',
    path: (g) => `/api/submissions?depth=0&where[editorNotes][like]=${g === 'right' ? 'HEMMELIG' : 'findes'}`,
    readers: ['member'],
  },
  {
    name: 'submissions where call.contactEmail equals',
    path: (g) => `/api/submissions?depth=0&where[call.contactEmail][equals]=${guess('callEmail', g)}`,
    readers: ['member'],
  },
  {
    name: 'submissions where organisation.contactEmail equals',
    path: (g) => `/api/submissions?depth=0&where[organisation.contactEmail][equals]=${guess('orgEmail', g)}`,
    readers: ['member'],
  },
]

/** What an answer tells the caller: its status and which documents (or how many) it holds. */
const outcome = (res: Answer) => ({
  status: res.status,
  ids: ((res.body?.docs ?? []) as { id: Id }[]).map((doc) => String(doc.id)).sort(),
  totalDocs: res.body?.totalDocs,
})

const ORACLE_CASES = ORACLES.flatMap((oracle) =>
  (['anonymous', 'otherMember', 'member'] as const).map((role) => ({ ...oracle, role })),
)

describe('REST: where, sort and count on private paths are no oracle', () => {
  test.each(ORACLE_CASES)('$name: $role learns nothing', async ({ path: pathOf, role }) => {
    const right = await get(as[role], pathOf('right'))
    const wrong = await get(as[role], pathOf('wrong'))
    expect(right.status).toBeLessThan(500)
    expect(outcome(right)).toEqual(outcome(wrong))
  })

  test.each(ORACLES.map((oracle) => ({ ...oracle })))('$name: the editor’s answers differ (the check can fail)', async ({ path: pathOf }) => {
    const right = await get(as.editor, pathOf('right'))
    const wrong = await get(as.editor, pathOf('wrong'))
    expect(right.status).toBe(200)
    expect(outcome(right)).not.toEqual(outcome(wrong))
  })

  test.each(['anonymous', 'otherMember', 'member'] as const)('%s cannot sort by a private field', async (role) => {
    for (const [collection, field] of [
      ['calls', 'contactEmail'],
      ['organisations', 'contactEmail'],
      ['stories', 'stage'],
      ['stories', 'housingOrganisation.contactEmail'],
      ['clips', 'consent.records.person'],
    ]) {
      const up = await get(as[role], `/api/${collection}?depth=0&limit=100&sort=${field}`)
      const down = await get(as[role], `/api/${collection}?depth=0&limit=100&sort=-${field}`)
      expect({ collection, field, status: up.status < 500 }).toEqual({ collection, field, status: true })
      // Refused (4xx), or answered in an order the private values did not decide.
      if (up.status === 200) expect({ field, down: down.status }).toEqual({ field, down: 200 })
      if (up.status === 200 && down.status === 200) {
        const order = (res: Answer) => (res.body.docs as { id: Id }[]).map((doc) => String(doc.id))
        const unsorted = await get(as[role], `/api/${collection}?depth=0&limit=100&sort=id`)
        expect({ field, up: order(up), down: order(down) }).toEqual({ field, up: order(unsorted), down: order(unsorted) })
      }
    }
  })
})

// ---------------------------------------------------------------------------------------------
// GraphQL

const everyPrivateField = () => `{
  Calls(limit: 100) { docs { id title contactName contactEmail } }
  Call(id: ${ids.call}) { title contactEmail }
  Organisations(limit: 100) { docs { id name contactEmail } }
  Organisation(id: ${ids.housing}) { name contactEmail }
  Stories(limit: 100) {
    docs {
      id title stage
      housingOrganisation { name contactEmail }
      sourceCall { title contactEmail }
      sourceSubmission { id title editorNotes }
      clips { id title filename url thumbnailURL consent { confirmed withdrawn records { person document { id filename person } } } }
    }
  }
  Clips(limit: 100) { docs { id title filename url consent { confirmed records { person } } } }
  Submissions(limit: 100) {
    docs {
      id title editorNotes
      mailsSent { receipt { sentAt messageId } }
      call { title contactEmail }
      organisation { name contactEmail }
    }
  }
  ConsentDocuments(limit: 100) { docs { id person filename } }
}`

describe('GraphQL: private fields reach staff only', () => {
  test.each(ROLES)('%s', async (role) => {
    const res = await graphql(as[role], everyPrivateField())
    expect(res.status).toBe(200)
    // The public parts arrive (so "no secret" is not the silence of a failed query).
    expect(res.body.data.Call.title).toBe('Indkaldelse med privat kontakt')
    expect(res.body.data.Organisation.name).toBe('Testbolig')
    expect(res.body.data.Stories.docs.map((story: { title: string }) => story.title)).toContain('Udgivet historie')
    // GraphQL spells the stage as its enum name.
    const secrets = [...Object.values(SECRET), FILE.consentDocument, FILE.clip].map((secret) =>
      secret === SECRET.stage ? 'visit_planned' : secret,
    )
    if (isStaff(role)) {
      expect(secretsIn(res.text, secrets).sort()).toEqual(secrets.sort())
      expect(res.body.data.Call.contactEmail).toBe(SECRET.callEmail)
    } else {
      expect(secretsIn(res.text, secrets)).toEqual([])
      expect(res.body.data.Call.contactEmail ?? null).toBeNull()
      expect(res.body.data.Organisation.contactEmail ?? null).toBeNull()
      const titles = (res.body.data.Submissions?.docs ?? []).map((doc: { title: string }) => doc.title)
      expect(titles).toEqual(role === 'member' ? ['Indsendelse fra Testbolig'] : [])
    }
  })

  test.each(['anonymous', 'otherMember', 'member'] as const)('%s: where on private fields is no oracle', async (role) => {
    const ask = (which: 'right' | 'wrong') =>
      graphql(
        as[role],
        `{
          byCallEmail: Calls(where: { contactEmail: { equals: "${which === 'right' ? SECRET.callEmail : WRONG.callEmail}" } }) { docs { id } }
          byOrgEmail: Organisations(where: { contactEmail: { equals: "${which === 'right' ? SECRET.orgEmail : WRONG.orgEmail}" } }) { docs { id } }
          byStage: Stories(where: { stage: { equals: ${which === 'right' ? 'visit_planned' : 'ready'} } }) { docs { id } }
          countCalls: countCalls(where: { contactEmail: { equals: "${which === 'right' ? SECRET.callEmail : WRONG.callEmail}" } }) { totalDocs }
        }`,
      )
    const strip = (res: Answer) => ({
      status: res.status,
      data: res.body.data ?? null,
      errors: (res.body.errors ?? []).map((error: { message: string; path?: string[] }) => error.path?.join('.')).sort(),
    })
    const right = await ask('right')
    const wrong = await ask('wrong')
    expect(right.status).toBeLessThan(500)
    expect(strip(right)).toEqual(strip(wrong))

    // The same question asked by an editor does tell them apart (so the check above can fail).
    const editorRight = await graphql(as.editor, `{ Calls(where: { contactEmail: { equals: "${SECRET.callEmail}" } }) { docs { id } } }`)
    expect(editorRight.body.data.Calls.docs.map((doc: { id: Id }) => String(doc.id))).toEqual([String(ids.call)])
  })
})
