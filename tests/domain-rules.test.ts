/**
 * The domain rules of SPEC §2, §4, §6 and §10 against a real Payload on a fresh SQLite file,
 * through the Local API (access overridden, as the Local API does by default) and, for logins,
 * over HTTP on the running express server.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, test } from '@jest/globals'
import type { Payload } from 'payload'

import { ensureFirstAdmin } from '../src/bootstrap/firstAdmin'
import { fromCopenhagenTime, TIME_ZONE } from '../src/lib/copenhagenTime'
import { useServer } from './helpers/server'

const server = useServer()
const payload = (): Payload => server.current.payload

type FieldError = { path: string; message: string }

/** The error a promise rejects with; fails the test when it resolves. */
const refusal = async (promise: Promise<unknown>): Promise<Error & { data?: { errors?: FieldError[] } }> => {
  try {
    await promise
  } catch (error) {
    return error as Error & { data?: { errors?: FieldError[] } }
  }
  throw new Error('expected the operation to be refused, but it succeeded')
}

/** A refusal that is Payload's ValidationError, with its per-field errors. */
const validationErrors = async (promise: Promise<unknown>): Promise<FieldError[]> => {
  const error = await refusal(promise)
  expect(error.name).toBe('ValidationError')
  expect(Array.isArray(error.data?.errors)).toBe(true)
  return error.data!.errors!
}

const errorAt = (errors: FieldError[], fieldPath: string): string => {
  const found = errors.find((error) => error.path === fieldPath)
  if (!found) throw new Error(`no error at "${fieldPath}" in ${JSON.stringify(errors)}`)
  return found.message
}

let counter = 0
/** A CVR number not used before in this file. */
const freshCvr = () => String(40_000_000 + ++counter)

const organisation = (data: Record<string, unknown>) =>
  payload().create({ collection: 'organisations', data: data as never })

describe('slugs', () => {
  test('a story slug is made from its title, Danish letters transliterated', async () => {
    const story = await payload().create({
      collection: 'stories',
      draft: true,
      data: { title: 'Grøn omstilling på Østerbro', _status: 'draft' } as never,
    })
    expect(story.slug).toBe('groen-omstilling-paa-oesterbro')
  })

  test('a second document with the same title is numbered -2, a third -3', async () => {
    const create = () =>
      payload().create({
        collection: 'stories',
        draft: true,
        data: { title: 'Åbne værksteder i Ærø', _status: 'draft' } as never,
      })
    const first = await create()
    const second = await create()
    const third = await create()
    expect([first.slug, second.slug, third.slug]).toEqual([
      'aabne-vaerksteder-i-aeroe',
      'aabne-vaerksteder-i-aeroe-2',
      'aabne-vaerksteder-i-aeroe-3',
    ])
  })

  test('numbering applies to calls and organisations too', async () => {
    const call = (title: string) =>
      payload().create({
        collection: 'calls',
        data: {
          title,
          opensAt: '2030-01-01T00:00:00.000Z',
          deadline: '2030-02-01T00:00:00.000Z',
          contactName: 'Neighborhood Lab',
          contactEmail: 'lab@example.dk',
        } as never,
      })
    expect((await call('Indkaldelse efterår')).slug).toBe('indkaldelse-efteraar')
    expect((await call('Indkaldelse efterår')).slug).toBe('indkaldelse-efteraar-2')
  })

  test('an organisation takes its slug from its name', async () => {
    const org = await organisation({ kind: 'housing-organisation', name: 'Boligselskabet Sjælland' })
    expect(org.slug).toBe('boligselskabet-sjaelland')
  })

  test('an organisation slug typed by an editor that is already taken is refused, naming the slug', async () => {
    await organisation({ kind: 'housing-organisation', name: 'Fællesbo Nord', slug: 'faellesbo-nord' })
    const errors = await validationErrors(
      organisation({ kind: 'housing-organisation', name: 'Et andet navn', slug: 'faellesbo-nord' }),
    )
    expect(errorAt(errors, 'slug')).toContain('faellesbo-nord')
  })

  test('a typed slug that normalises to a taken one is refused too', async () => {
    await organisation({ kind: 'network', name: 'AlmenNet', slug: 'almennet' })
    const errors = await validationErrors(organisation({ kind: 'network', name: 'AlmenNet 2', slug: 'AlmenNet' }))
    expect(errorAt(errors, 'slug')).toContain('almennet')
  })

  test('a story slug typed by an editor that is already taken is refused on publish, naming the slug', async () => {
    const people = await storyParties()
    await payload().create({ collection: 'stories', data: { ...publishable(people), title: 'Første', slug: 'samme-slug' } as never })
    const errors = await validationErrors(
      payload().create({ collection: 'stories', data: { ...publishable(people), title: 'Anden', slug: 'samme-slug' } as never }),
    )
    expect(errorAt(errors, 'slug')).toContain('samme-slug')
  })

  test('a typed slug is normalised: "Hej Med Dig" becomes "hej-med-dig"', async () => {
    const org = await organisation({ kind: 'network', name: 'Netværket', slug: 'Hej Med Dig' })
    expect(org.slug).toBe('hej-med-dig')
    const story = await payload().create({
      collection: 'stories',
      draft: true,
      data: { title: 'Noget helt andet', slug: '  Én Ærlig Sag!  ', _status: 'draft' } as never,
    })
    expect(story.slug).toBe('en-aerlig-sag')
  })

  test('a typed slug is kept, not replaced by one from the title', async () => {
    const org = await organisation({ kind: 'network', name: 'Neighborhood Lab', slug: 'nlab' })
    expect(org.slug).toBe('nlab')
  })

  test('editing the title keeps the existing slug (URLs stay stable)', async () => {
    const org = await organisation({ kind: 'housing-organisation', name: 'Gammelt Navn Bolig' })
    const renamed = await payload().update({ collection: 'organisations', id: org.id, data: { name: 'Nyt Navn Bolig' } })
    expect(renamed.slug).toBe('gammelt-navn-bolig')
  })

  test('saving a document again does not renumber its own slug', async () => {
    const org = await organisation({ kind: 'housing-organisation', name: 'Lejerbo Vest' })
    const again = await payload().update({ collection: 'organisations', id: org.id, data: { description: 'Opdateret' } })
    expect(again.slug).toBe('lejerbo-vest')
  })
})

describe('organisations', () => {
  test('a housing department without a parent is refused', async () => {
    const errors = await validationErrors(organisation({ kind: 'housing-department', name: 'Afdeling 7' }))
    expect(errorAt(errors, 'parent')).toMatch(/boligorganisation|housing organisation/i)
  })

  test('a housing department whose parent is a company is refused, naming the parent', async () => {
    const company = await organisation({ kind: 'company', name: 'Murerfirmaet Hansen ApS', cvr: freshCvr() })
    const errors = await validationErrors(
      organisation({ kind: 'housing-department', name: 'Afdeling 8', parent: company.id }),
    )
    expect(errorAt(errors, 'parent')).toContain('Murerfirmaet Hansen ApS')
  })

  test('a housing department whose parent does not exist is refused', async () => {
    const errors = await validationErrors(organisation({ kind: 'housing-department', name: 'Afdeling 9', parent: 999_999 }))
    expect(errorAt(errors, 'parent')).toBeTruthy()
  })

  test('a housing organisation with departments cannot become another kind', async () => {
    const parent = await organisation({ kind: 'housing-organisation', name: 'Boligforeningen Kant' })
    await organisation({ kind: 'housing-department', name: 'Kant afd. 1', parent: parent.id })
    const errors = await validationErrors(
      payload().update({ collection: 'organisations', id: parent.id, data: { kind: 'network' } as never }),
    )
    expect(errorAt(errors, 'kind')).toMatch(/1 afdeling/)
    const lonely = await organisation({ kind: 'housing-organisation', name: 'Boligforeningen Ene' })
    const changed = await payload().update({ collection: 'organisations', id: lonely.id, data: { kind: 'network' } as never })
    expect(changed.kind).toBe('network')
  })

  test('a housing department under a housing organisation is accepted', async () => {
    const parent = await organisation({ kind: 'housing-organisation', name: 'Boligforeningen 3B' })
    const department = await organisation({ kind: 'housing-department', name: 'Tingbjerg', parent: parent.id })
    expect(department.kind).toBe('housing-department')
    const parentId = typeof department.parent === 'object' ? department.parent?.id : department.parent
    expect(parentId).toBe(parent.id)
  })

  test('a company without a CVR number is refused', async () => {
    const errors = await validationErrors(organisation({ kind: 'company', name: 'Uden CVR ApS' }))
    expect(errorAt(errors, 'cvr')).toMatch(/CVR/)
  })

  test.each(['1234567', '1234567a', '123456789', '12 34 56 78'])('CVR %p is refused', async (cvr) => {
    const errors = await validationErrors(organisation({ kind: 'company', name: `Firma ${cvr}`, cvr }))
    expect(errorAt(errors, 'cvr')).toMatch(/8/)
  })

  test('a duplicate CVR number is refused with a message', async () => {
    const cvr = freshCvr()
    await organisation({ kind: 'company', name: 'Original ApS', cvr })
    const errors = await validationErrors(organisation({ kind: 'company', name: 'Kopi ApS', cvr }))
    const message = errorAt(errors, 'cvr')
    expect(message).toContain(cvr)
    expect(message).toContain('Original ApS')
  })

  test('a company keeps its own CVR when saved again', async () => {
    const company = await organisation({ kind: 'company', name: 'Stabil ApS', cvr: freshCvr() })
    const updated = await payload().update({ collection: 'organisations', id: company.id, data: { name: 'Stabil A/S' } })
    expect(updated.cvr).toBe(company.cvr)
  })

  test('organisations without a CVR are not duplicates of each other', async () => {
    const a = await organisation({ kind: 'housing-organisation', name: 'Uden CVR Et' })
    const b = await organisation({ kind: 'network', name: 'Uden CVR To' })
    expect(a.cvr ?? null).toBeNull()
    expect(b.cvr ?? null).toBeNull()
  })
})

describe('calls', () => {
  const HOUR = 60 * 60 * 1000
  const createCall = (title: string, opensAt: Date, deadline: Date) =>
    payload().create({
      collection: 'calls',
      data: {
        title,
        opensAt: opensAt.toISOString(),
        deadline: deadline.toISOString(),
        opensAt_tz: TIME_ZONE,
        deadline_tz: TIME_ZONE,
        contactName: 'Neighborhood Lab',
        contactEmail: 'neighborhoodlab@example.dk',
      } as never,
    })

  test('the status follows the clock: upcoming, open, closed', async () => {
    const now = Date.now()
    const upcoming = await createCall('Kommende', new Date(now + 24 * HOUR), new Date(now + 48 * HOUR))
    const open = await createCall('Åben', new Date(now - 24 * HOUR), new Date(now + 24 * HOUR))
    const closed = await createCall('Lukket', new Date(now - 48 * HOUR), new Date(now - 24 * HOUR))
    const first = await createCall(
      'Succeshistorier 2024',
      fromCopenhagenTime('2024-03-01T00:00'),
      fromCopenhagenTime('2024-05-24T23:59:59'),
    )

    const read = async (id: number | string) => (await payload().findByID({ collection: 'calls', id })).status
    expect(await read(upcoming.id)).toBe('upcoming')
    expect(await read(open.id)).toBe('open')
    expect(await read(closed.id)).toBe('closed')
    expect(await read(first.id)).toBe('closed')
    // The create result and a list read carry it too.
    expect(open.status).toBe('open')
    const { docs } = await payload().find({ collection: 'calls', where: { id: { equals: upcoming.id } } })
    expect(docs[0].status).toBe('upcoming')
  })

  test('the status changes by itself when the deadline passes (nothing stale is stored)', async () => {
    const deadline = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000)
    const call = await createCall('Snart lukket', new Date(Date.now() - HOUR), deadline)
    expect((await payload().findByID({ collection: 'calls', id: call.id })).status).toBe('open')
    await new Promise((resolve) => setTimeout(resolve, deadline.getTime() + 1100 - Date.now()))
    expect((await payload().findByID({ collection: 'calls', id: call.id })).status).toBe('closed')
  })

  test('the first call keeps its deadline as the UTC instant of 24 May 2024 23:59:59 Danish time', async () => {
    const call = await createCall('Første indkaldelse', fromCopenhagenTime('2024-03-01T00:00'), fromCopenhagenTime('2024-05-24T23:59:59'))
    const read = await payload().findByID({ collection: 'calls', id: call.id })
    expect(new Date(read.deadline).toISOString()).toBe('2024-05-24T21:59:59.000Z')
  })

  test('a deadline before the opening is refused', async () => {
    const errors = await validationErrors(
      createCall('Baglæns', new Date('2030-06-01T10:00:00Z'), new Date('2030-05-01T10:00:00Z')),
    )
    expect(errorAt(errors, 'deadline')).toMatch(/efter|after/)
  })

  test('a deadline equal to the opening is refused', async () => {
    const same = new Date('2030-06-01T10:00:00Z')
    await validationErrors(createCall('Ingen tid', same, same))
  })

  test('moving an existing deadline before its opening is refused', async () => {
    const call = await createCall('Flyttes', new Date('2030-06-01T10:00:00Z'), new Date('2030-07-01T10:00:00Z'))
    const errors = await validationErrors(
      payload().update({ collection: 'calls', id: call.id, data: { deadline: '2030-05-01T10:00:00.000Z' } }),
    )
    expect(errorAt(errors, 'deadline')).toBeTruthy()
  })
})

// ---------------------------------------------------------------------------------------------
// Stories: the publish gate (SPEC §4, §6) and publishedAt
// ---------------------------------------------------------------------------------------------

type Parties = { housing: number | string; company: number | string }
let parties: Parties | undefined

/** One housing organisation and one company for every story in this file. */
const storyParties = async (): Promise<Parties> => {
  if (!parties) {
    const housing = await organisation({ kind: 'housing-organisation', name: 'Historiebolig' })
    const company = await organisation({ kind: 'company', name: 'Historiefirma ApS', cvr: freshCvr() })
    parties = { housing: housing.id, company: company.id }
  }
  return parties
}

/** Every field a story needs to be published, apart from the clips. */
const publishable = ({ housing, company }: Parties) => ({
  title: 'Cykelværksted i kælderen giver unge job',
  summary: 'Et lokalt cykelværksted har lært tolv unge at reparere cykler.',
  housingOrganisation: housing,
  companies: [company],
  themes: ['skills-and-jobs', 'sustainability'],
  municipality: '101',
  period: { start: '2023-09-01T00:00:00.000Z' },
})

let videoFile: string | undefined
/** A real 1-second video made with ffmpeg, once per file. */
const testVideo = (): string => {
  if (!videoFile) {
    videoFile = path.join(process.env.B2C_TEST_ROOT!, 'testsrc.mp4')
    execFileSync(
      process.env.FFMPEG_PATH || 'ffmpeg',
      ['-y', '-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '1', '-pix_fmt', 'yuv420p', videoFile],
      { stdio: 'pipe' },
    )
    expect(fs.statSync(videoFile).size).toBeGreaterThan(0)
  }
  return videoFile
}

const createClip = (title: string) =>
  payload().create({ collection: 'clips', data: { title } as never, filePath: testVideo() })

const publish = (id: number | string, extra: Record<string, unknown> = {}) =>
  payload().update({ collection: 'stories', id, data: { ...extra, _status: 'published' } as never })

describe('the publish gate', () => {
  test('a story without clips publishes', async () => {
    const story = await payload().create({
      collection: 'stories',
      data: { ...publishable(await storyParties()), title: 'Uden video', _status: 'published' } as never,
    })
    expect(story._status).toBe('published')
  })

  test('a story is only published when its clips are processed and consented, and not after a withdrawal', async () => {
    const clip = await createClip('Værkstedet om morgenen')
    expect(clip.processing?.status).toBe('queued')
    expect(clip.consent?.confirmed).toBe(false)
    expect(clip.consent?.withdrawn).toBe(false)

    // A draft with an unprocessed clip can always be saved.
    const draft = await payload().create({
      collection: 'stories',
      draft: true,
      data: { ...publishable(await storyParties()), title: 'Porten til værkstedet', clips: [clip.id], _status: 'draft' } as never,
    })
    expect(draft._status).toBe('draft')

    // Not processed: refused, naming the clip.
    let errors = await validationErrors(publish(draft.id))
    expect(errorAt(errors, 'clips')).toContain('Værkstedet om morgenen')
    expect(errorAt(errors, 'clips')).toMatch(/færdigbehandlet|processed/)
    expect((await payload().findByID({ collection: 'stories', id: draft.id, draft: false }))._status ?? 'draft').toBe('draft')

    // Processed, consent not confirmed: still refused, naming the clip.
    await payload().update({ collection: 'clips', id: clip.id, data: { processing: { status: 'ready', progress: 100 } } as never })
    errors = await validationErrors(publish(draft.id))
    expect(errorAt(errors, 'clips')).toContain('Værkstedet om morgenen')
    expect(errorAt(errors, 'clips')).toMatch(/samtykke|consent/)

    // Consent confirmed: publishes.
    await payload().update({
      collection: 'clips',
      id: clip.id,
      data: {
        consent: {
          confirmed: true,
          records: [{ person: 'Beboer i blå jakke', role: 'resident', givenAt: '2024-04-02T00:00:00.000Z', scope: ['web'] }],
        },
      } as never,
    })
    const published = await publish(draft.id)
    expect(published._status).toBe('published')

    // A withdrawal marks the clip withdrawn, and the story can no longer be (re)published.
    const current = await payload().findByID({ collection: 'clips', id: clip.id })
    const withdrawn = await payload().update({
      collection: 'clips',
      id: clip.id,
      data: {
        consent: {
          ...current.consent,
          records: [...(current.consent?.records ?? []), { person: 'Medarbejder', role: 'employee', givenAt: '2024-04-02T00:00:00.000Z', scope: ['web'], withdrawnAt: '2024-06-01T00:00:00.000Z' }],
        },
      } as never,
    })
    expect(withdrawn.consent?.withdrawn).toBe(true)
    expect(withdrawn.consent?.confirmed).toBe(true)
    errors = await validationErrors(publish(draft.id))
    expect(errorAt(errors, 'clips')).toContain('Værkstedet om morgenen')
    expect(errorAt(errors, 'clips')).toMatch(/trukket tilbage|withdrawn/)
  })

  test('the gate also holds when a publish sends only the status (as scheduled publishing does)', async () => {
    const clip = await createClip('Planlagt klip')
    const draft = await payload().create({
      collection: 'stories',
      draft: true,
      data: { ...publishable(await storyParties()), title: 'Planlagt udgivelse', clips: [clip.id], _status: 'draft' } as never,
    })
    const errors = await validationErrors(
      payload().update({ collection: 'stories', id: draft.id, data: { _status: 'published' } as never }),
    )
    expect(errorAt(errors, 'clips')).toContain('Planlagt klip')
  })

  test('every blocking clip is named, and a ready one is not', async () => {
    const ready = await createClip('Klar og godkendt')
    await payload().update({
      collection: 'clips',
      id: ready.id,
      data: { processing: { status: 'ready' }, consent: { confirmed: true } } as never,
    })
    const waiting = await createClip('Venter på behandling')
    const unconsented = await createClip('Mangler samtykke')
    await payload().update({ collection: 'clips', id: unconsented.id, data: { processing: { status: 'ready' } } as never })
    const errors = await validationErrors(
      payload().create({
        collection: 'stories',
        data: { ...publishable(await storyParties()), title: 'Tre klip', clips: [ready.id, waiting.id, unconsented.id], _status: 'published' } as never,
      }),
    )
    const messages = errors.filter((error) => error.path === 'clips').map((error) => error.message)
    expect(messages).toHaveLength(2)
    expect(messages.join('\n')).toContain('Venter på behandling')
    expect(messages.join('\n')).toContain('Mangler samtykke')
    expect(messages.join('\n')).not.toContain('Klar og godkendt')
  })

  test('removing the withdrawal record clears the withdrawn flag', async () => {
    const clip = await createClip('Fortrudt tilbagetrækning')
    const withdrawn = await payload().update({
      collection: 'clips',
      id: clip.id,
      data: { consent: { confirmed: true, records: [{ person: 'X', role: 'other', givenAt: '2024-01-01T00:00:00.000Z', scope: ['web'], withdrawnAt: '2024-02-01T00:00:00.000Z' }] } } as never,
    })
    expect(withdrawn.consent?.withdrawn).toBe(true)
    const restored = await payload().update({ collection: 'clips', id: clip.id, data: { consent: { confirmed: true, records: [] } } as never })
    expect(restored.consent?.withdrawn).toBe(false)
  })
})

describe('publishedAt', () => {
  test('is set when a story is first published and kept on later publishes', async () => {
    const draft = await payload().create({
      collection: 'stories',
      draft: true,
      data: { ...publishable(await storyParties()), title: 'Tryghedsvandring', _status: 'draft' } as never,
    })
    expect(draft.publishedAt ?? null).toBeNull()

    const before = Date.now()
    const first = await publish(draft.id)
    const firstAt = first.publishedAt as string
    expect(typeof firstAt).toBe('string')
    expect(new Date(firstAt).getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(new Date(firstAt).getTime()).toBeLessThanOrEqual(Date.now() + 1000)

    await new Promise((resolve) => setTimeout(resolve, 20))
    const again = await publish(draft.id, { summary: 'Ny tekst efter udgivelsen.' })
    expect(again.publishedAt).toBe(firstAt)

    // Unpublished and published again: still the first date.
    await payload().update({ collection: 'stories', id: draft.id, data: { _status: 'draft' } as never })
    const republished = await publish(draft.id)
    expect(republished.publishedAt).toBe(firstAt)
  })

  test('a publishedAt given by the editor (e.g. imported stories) is kept', async () => {
    const story = await payload().create({
      collection: 'stories',
      data: { ...publishable(await storyParties()), title: 'Importeret', publishedAt: '2023-05-01T08:00:00.000Z', _status: 'published' } as never,
    })
    expect(story.publishedAt).toBe('2023-05-01T08:00:00.000Z')
  })

  test('a draft save does not set it', async () => {
    const draft = await payload().create({
      collection: 'stories',
      draft: true,
      data: { ...publishable(await storyParties()), title: 'Bare en kladde', _status: 'draft' } as never,
    })
    const saved = await payload().update({ collection: 'stories', id: draft.id, draft: true, data: { summary: 'Ændret' } as never })
    expect(saved.publishedAt ?? null).toBeNull()
  })
})

// ---------------------------------------------------------------------------------------------
// Users and the first administrator. These delete every user, so they run last.
// ---------------------------------------------------------------------------------------------

const deleteAllUsers = async () => {
  await payload().delete({ collection: 'users', where: { id: { exists: true } } })
  expect((await payload().count({ collection: 'users' })).totalDocs).toBe(0)
}

const restLogin = (email: string, password: string) =>
  fetch(`${server.current.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })

describe('users', () => {
  test('the server created a first administrator on start', async () => {
    const { docs } = await payload().find({ collection: 'users' })
    expect(docs.length).toBeGreaterThanOrEqual(1)
    expect(docs.some((user) => user.role === 'admin')).toBe(true)
  })

  test('the very first user becomes an administrator, even when created as a member', async () => {
    await deleteAllUsers()
    const housing = await organisation({ kind: 'housing-organisation', name: 'Første Bolig' })
    const first = await payload().create({
      collection: 'users',
      data: { email: 'first@test.dk', password: 'correct-horse-battery-staple', role: 'member', organisation: housing.id },
    })
    expect(first.role).toBe('admin')

    // The next one is what it says.
    const second = await payload().create({
      collection: 'users',
      data: { email: 'second@test.dk', password: 'correct-horse-battery-staple', role: 'member', organisation: housing.id },
    })
    expect(second.role).toBe('member')
  })

  test('the first user needs no organisation, since it becomes an administrator', async () => {
    await deleteAllUsers()
    const first = await payload().create({
      collection: 'users',
      data: { email: 'alone@test.dk', password: 'correct-horse-battery-staple', role: 'member' },
    })
    expect(first.role).toBe('admin')
  })

  test('a member without an organisation is refused', async () => {
    expect((await payload().count({ collection: 'users' })).totalDocs).toBeGreaterThan(0)
    const errors = await validationErrors(
      payload().create({
        collection: 'users',
        data: { email: 'orphan@test.dk', password: 'correct-horse-battery-staple', role: 'member' },
      }),
    )
    const message = errorAt(errors, 'organisation')
    // One language per message (issue #15): Danish by default, never "da / en" joined.
    expect(message).toBe('Et medlem skal høre til en organisation')
  })

  test('a user created without a role is a member, and so needs an organisation', async () => {
    const errors = await validationErrors(
      payload().create({ collection: 'users', data: { email: 'norole@test.dk', password: 'correct-horse-battery-staple' } as never }),
    )
    expect(errorAt(errors, 'organisation')).toContain('organisation')
  })

  test('editors and administrators need no organisation', async () => {
    const editor = await payload().create({
      collection: 'users',
      data: { email: 'editor-no-org@test.dk', password: 'correct-horse-battery-staple', role: 'editor' },
    })
    expect(editor.role).toBe('editor')
  })
})

describe('the first administrator (ensureFirstAdmin)', () => {
  test('with no users, creates an administrator from ADMIN_EMAIL/ADMIN_PASSWORD who can log in over REST', async () => {
    await deleteAllUsers()
    const result = await ensureFirstAdmin(payload(), { adminEmail: 'chef@b2c.dk', adminPassword: 'Chefens-Hemmelige-Kaffe-1234' })
    expect(result).toEqual({ created: true, email: 'chef@b2c.dk', generatedPassword: undefined })

    const { docs } = await payload().find({ collection: 'users' })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ email: 'chef@b2c.dk', role: 'admin' })

    const res = await restLogin('chef@b2c.dk', 'Chefens-Hemmelige-Kaffe-1234')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { token?: string; user?: { email: string; role: string } }
    expect(typeof body.token).toBe('string')
    expect(body.user).toMatchObject({ email: 'chef@b2c.dk', role: 'admin' })

    expect((await restLogin('chef@b2c.dk', 'forkert-kode')).status).toBe(401)
  })

  test('without a password, a generated one is returned and works for login', async () => {
    await deleteAllUsers()
    const result = await ensureFirstAdmin(payload(), { adminEmail: 'ny@b2c.dk', adminPassword: undefined })
    expect(result.created).toBe(true)
    if (!result.created) return
    expect(result.email).toBe('ny@b2c.dk')
    expect(typeof result.generatedPassword).toBe('string')
    expect(result.generatedPassword!.length).toBeGreaterThanOrEqual(12)

    const res = await restLogin('ny@b2c.dk', result.generatedPassword!)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { user: { role: string } }).user.role).toBe('admin')
  })

  test('without an e-mail either, a default address is used', async () => {
    await deleteAllUsers()
    const result = await ensureFirstAdmin(payload(), {})
    expect(result.created).toBe(true)
    if (!result.created) return
    expect(result.email).toMatch(/@/)
    expect((await restLogin(result.email, result.generatedPassword!)).status).toBe(200)
  })

  test('two generated passwords differ', async () => {
    await deleteAllUsers()
    const a = await ensureFirstAdmin(payload(), { adminEmail: 'a@b2c.dk' })
    await deleteAllUsers()
    const b = await ensureFirstAdmin(payload(), { adminEmail: 'b@b2c.dk' })
    expect(a.created && b.created).toBe(true)
    if (!a.created || !b.created) return
    expect(a.generatedPassword).not.toBe(b.generatedPassword)
  })

  test('processes starting together on an empty database make one administrator, and none of them fails', async () => {
    await deleteAllUsers()
    const env = { adminEmail: 'flaade@b2c.dk', adminPassword: 'Chefens-Hemmelige-Kaffe-1234' }
    const results = await Promise.all([ensureFirstAdmin(payload(), env), ensureFirstAdmin(payload(), env), ensureFirstAdmin(payload(), env)])
    expect(results.filter((result) => result.created)).toHaveLength(1)
    expect((await payload().count({ collection: 'users' })).totalDocs).toBe(1)
  })

  test('with users present, it does nothing', async () => {
    expect((await payload().count({ collection: 'users' })).totalDocs).toBe(1)
    const result = await ensureFirstAdmin(payload(), { adminEmail: 'endnu-en@b2c.dk', adminPassword: 'Chefens-Hemmelige-Kaffe-1234' })
    expect(result).toEqual({ created: false })
    expect((await payload().count({ collection: 'users' })).totalDocs).toBe(1)
    expect((await payload().find({ collection: 'users', where: { email: { equals: 'endnu-en@b2c.dk' } } })).totalDocs).toBe(0)
    expect((await restLogin('endnu-en@b2c.dk', 'Chefens-Hemmelige-Kaffe-1234')).status).toBe(401)
  })
})
