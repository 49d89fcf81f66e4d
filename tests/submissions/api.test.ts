import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { fromCopenhagenTime } from '../../src/lib/copenhagenTime'
import type { Call, Submission } from '../../src/payload-types'
import { runVideoQueue } from '../helpers/clips'
import { makeTestVideo } from '../helpers/media'
import { useServer } from '../helpers/server'
import { countStored, createCall, filesUnder, postSubmission, submissionForm, validSubmission } from '../helpers/submissions'

process.env.SUBMISSION_RATE_LIMIT = '1000'
const server = useServer()
const root = process.env.B2C_TEST_ROOT!
let call: Call

const photo = async (name: string, format: 'jpeg' | 'png' = 'jpeg') => {
  const file = path.join(root, name)
  await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a7' } })[format]().toFile(file)
  return file
}
const stored = (id: string) =>
  server.current.payload.findByID({ collection: 'submissions', id, depth: 0, overrideAccess: true }) as Promise<Submission>

beforeAll(async () => {
  call = await createCall(server.current.payload)
})

describe('POST /api/public/submissions', () => {
  it('stores a JSON submission and answers 201 with a receipt', async () => {
    const res = await postSubmission(server.current.url, validSubmission(call.slug!))
    expect(res.status).toBe(201)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const receipt = (await res.json()) as { id: string; receivedAt: string; call: string }
    expect(receipt.call).toBe(call.slug)
    expect(Math.abs(Date.parse(receipt.receivedAt) - Date.now())).toBeLessThan(10_000)
    const doc = await stored(receipt.id)
    expect(doc).toMatchObject({
      organisationName: 'Boligselskabet Østerbo',
      contactPhone: '+4512345678',
      partnerCompanyCvr: '87654321',
      themes: ['skills-and-jobs', 'sustainability'],
      status: 'new',
      municipality: '101',
      privacyAccepted: true,
      mayContact: true,
    })
    expect(doc.call).toBe(call.id)
    expect(doc.receivedAt).toBe(receipt.receivedAt)
  })

  it('takes photos and a phone video as multipart; the video goes through the pipeline and the photos stay private', async () => {
    const video = await makeTestVideo('submitted.mp4', 2)
    const form = submissionForm(validSubmission(call.slug!), { photos: [await photo('a.jpg'), await photo('b.png', 'png')], video })
    const res = await postSubmission(server.current.url, form)
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    const doc = await stored(id)
    expect(doc.photos).toHaveLength(2)
    expect(doc.video).toBeTruthy()

    await runVideoQueue(server.current.payload)
    const clip = await server.current.payload.findByID({ collection: 'clips', id: doc.video as number, overrideAccess: true })
    expect(clip.processing?.status).toBe('ready')
    expect(clip.renditions?.length).toBeGreaterThan(0)

    // Photos from a submission are private: not listed, not readable, their files not served.
    const media = await server.current.payload.findByID({ collection: 'media', id: (doc.photos as number[])[0], overrideAccess: true })
    expect(media.private).toBe(true)
    // Payload answers 404, as for a document that does not exist: it does not even confirm it.
    expect((await fetch(`${server.current.url}/api/media/${media.id}`)).status).toBe(404)
    const list = (await (await fetch(`${server.current.url}/api/media?limit=100`)).json()) as { docs: { id: number }[] }
    expect(list.docs.map((entry) => entry.id)).not.toContain(media.id)
    expect((await fetch(`${server.current.url}${media.url}`)).status).toBeGreaterThanOrEqual(400)
  })

  it('trusts the content, not the name: a JPEG named .png is kept as JPEG, text named .jpg is refused with 415', async () => {
    const jpeg = await photo('real-jpeg.jpg')
    const misnamed = path.join(root, 'actually-jpeg.png')
    fs.copyFileSync(jpeg, misnamed)
    const ok = await postSubmission(server.current.url, submissionForm(validSubmission(call.slug!), { photos: [misnamed] }))
    expect(ok.status).toBe(201)
    const doc = await stored(((await ok.json()) as { id: string }).id)
    const media = await server.current.payload.findByID({ collection: 'media', id: (doc.photos as number[])[0], overrideAccess: true })
    expect(media.mimeType).toBe('image/jpeg')
    expect(media.filename).toMatch(/\.jpg$/)

    const before = await countStored(server.current.payload)
    const text = path.join(root, 'notes.jpg')
    fs.writeFileSync(text, 'Dette er ikke et billede.\n'.repeat(50))
    const refused = await postSubmission(server.current.url, submissionForm(validSubmission(call.slug!), { photos: [text] }))
    expect(refused.status).toBe(415)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('notes.jpg')
    const png = await photo('picture.png', 'png')
    const asVideo = await postSubmission(server.current.url, submissionForm(validSubmission(call.slug!), { video: png }))
    expect(asVideo.status).toBe(415)
    expect(await countStored(server.current.payload)).toEqual(before)
  })

  it('leaves nothing behind when a file fails half-way: an unreadable photo after a good one, a damaged video', async () => {
    const before = await countStored(server.current.payload)
    const imagesBefore = filesUnder(path.join(process.env.MEDIA_DIR!, 'images')).length
    const broken = path.join(root, 'broken.jpg')
    // A JPEG's first bytes and nothing after: it looks like a photo but cannot be decoded.
    fs.writeFileSync(broken, fs.readFileSync(await photo('whole.jpg')).subarray(0, 200))
    const res = await postSubmission(server.current.url, submissionForm(validSubmission(call.slug!), { photos: [await photo('fine.jpg'), broken] }))
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { fields: Record<string, string> } }
    expect(body.error.fields.photos).toContain('broken.jpg')

    const truncated = path.join(root, 'truncated.mp4')
    const full = fs.readFileSync(await makeTestVideo('full.mp4', 2))
    fs.writeFileSync(truncated, full.subarray(0, Math.floor(full.length / 3)))
    const damaged = await postSubmission(
      server.current.url,
      submissionForm(validSubmission(call.slug!), { photos: [await photo('fine2.jpg')], video: truncated }),
    )
    expect(damaged.status).toBe(422)
    expect(((await damaged.json()) as { error: { fields: Record<string, string> } }).error.fields.video).toContain('truncated.mp4')

    expect(await countStored(server.current.payload)).toEqual(before)
    expect(filesUnder(path.join(process.env.MEDIA_DIR!, 'images'))).toHaveLength(imagesBefore)
  })

  it.each([
    ['organisationName', { organisationName: '' }, 'Skal udfyldes'],
    ['organisationKind', { organisationKind: 'kommune' }, 'Vælg en af de mulige typer'],
    ['contactName', { contactName: '   ' }, 'Skal udfyldes'],
    ['contactEmail', { contactEmail: 'soeren-at-oesterbo.dk' }, 'gyldig e-mailadresse'],
    ['contactPhone', { contactPhone: '1234' }, 'dansk telefonnummer'],
    ['contactPhone', { contactPhone: '+46 12 34 56 78' }, 'dansk telefonnummer'],
    ['partnerCompanyName', { partnerCompanyName: undefined }, 'Skal udfyldes'],
    ['partnerCompanyCvr', { partnerCompanyCvr: '1234567' }, '8 cifre'],
    ['themes', { themes: [] }, 'mindst ét tema'],
    ['themes', { themes: ['safety', 'weather'] }, 'fem temaer'],
    ['title', { title: 'x'.repeat(151) }, 'Højst 150 tegn'],
    ['description', { description: '' }, 'Skal udfyldes'],
    ['municipality', { municipality: '999' }, 'kommune fra listen'],
    ['periodStart', { periodStart: '2024-02-30' }, 'ÅÅÅÅ-MM-DD'],
    ['periodEnd', { periodEnd: '2023-12-31' }, 'før startdatoen'],
    ['privacyAccepted', { privacyAccepted: false }, 'privatlivspolitikken'],
    ['call', { call: 'findes-ikke' }, 'Ukendt indkaldelse'],
  ])('422 for %s (%j) with a Danish message on that field', async (field, change, message) => {
    const before = await countStored(server.current.payload)
    const res = await postSubmission(server.current.url, validSubmission(call.slug!, change))
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; message: string; fields: Record<string, string> } }
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.message).toBe('Nogle felter skal rettes')
    expect(body.error.fields[field]).toContain(message)
    expect(await countStored(server.current.payload)).toEqual(before)
  })

  it('lists every wrong field at once, in English with Accept-Language: en', async () => {
    const res = await postSubmission(server.current.url, { call: call.slug }, { 'accept-language': 'en-GB,en;q=0.9' })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { message: string; fields: Record<string, string> } }
    expect(body.error.message).toBe('Some fields need correcting')
    expect(Object.keys(body.error.fields).sort()).toEqual(
      ['contactEmail', 'contactName', 'description', 'organisationKind', 'organisationName', 'partnerCompanyName', 'privacyAccepted', 'themes', 'title'].sort(),
    )
    expect(body.error.fields.contactEmail).toBe('Required')
  })

  it('refuses a closed call with 409 naming the deadline in Danish time, and one not yet open', async () => {
    const closed = await createCall(server.current.payload, {
      opensAt: new Date('2024-03-01T08:00:00Z'),
      deadline: new Date('2024-05-24T21:59:00Z'),
      title: 'Første indkaldelse',
    })
    const res = await postSubmission(server.current.url, validSubmission(closed.slug!))
    expect(res.status).toBe(409)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('call_closed')
    expect(body.error.message).toContain('24. maj 2024 kl. 23.59')
    const english = await postSubmission(server.current.url, validSubmission(closed.slug!), { 'accept-language': 'en' })
    expect(((await english.json()) as { error: { message: string } }).error.message).toContain('24 May 2024 at 23:59')

    const upcoming = await createCall(server.current.payload, { opensAt: new Date(Date.now() + 3600_000), deadline: new Date(Date.now() + 7200_000) })
    const early = await postSubmission(server.current.url, validSubmission(upcoming.slug!))
    expect(early.status).toBe(409)
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('call_not_open')
  })

  it('shows a deadline on a daylight-saving day in the local time it was entered in', async () => {
    // 26 October 2025: clocks went back at 03:00, so 23:59:59 that evening is UTC+1.
    const autumn = await createCall(server.current.payload, {
      opensAt: fromCopenhagenTime('2025-09-01T00:00'),
      deadline: fromCopenhagenTime('2025-10-26T23:59:59'),
    })
    expect(new Date(autumn.deadline).toISOString()).toBe('2025-10-26T22:59:59.000Z')
    const res = await postSubmission(server.current.url, validSubmission(autumn.slug!))
    expect(res.status).toBe(409)
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('26. oktober 2025 kl. 23.59')
  })

  it('compares the deadline to the second on the server clock: the last second is in, the next is out', async () => {
    // The deadline is the current second (it stays open through it) or the one just gone.
    const now = Date.now()
    const thisSecond = await createCall(server.current.payload, { deadline: new Date(Math.floor(now / 1000) * 1000 + 1000 + 999) })
    const lastSecond = await createCall(server.current.payload, { deadline: new Date(Math.floor(now / 1000) * 1000 - 1000) })
    const [inTime, late] = await Promise.all([
      postSubmission(server.current.url, validSubmission(thisSecond.slug!)),
      postSubmission(server.current.url, validSubmission(lastSecond.slug!)),
    ])
    expect(inTime.status).toBe(201)
    expect(late.status).toBe(409)
  })

  it('keeps text as text: script tags, query operators, other keys, emoji and æøå', async () => {
    const hostile = validSubmission(call.slug!, {
      title: '<script>alert("x")</script> Æblerne 🍎',
      description: 'A\u030Angstrøm er skrevet med kombinerende ring; ø og æ; 👩🏽‍🔧 reparerer.',
      organisationName: "Robert'); DROP TABLE submissions;--",
      status: 'accepted',
      editorNotes: 'sat udefra',
      'where[status][equals]': 'new',
      id: 1,
    })
    const res = await postSubmission(server.current.url, hostile)
    expect(res.status).toBe(201)
    const doc = await stored(((await res.json()) as { id: string }).id)
    expect(doc.title).toBe('<script>alert("x")</script> Æblerne 🍎')
    expect(doc.description).toBe('Ångstrøm er skrevet med kombinerende ring; ø og æ; 👩🏽‍🔧 reparerer.'.normalize('NFC'))
    expect(doc.description!.startsWith('\u00C5')).toBe(true)
    expect(doc.organisationName).toBe("Robert'); DROP TABLE submissions;--")
    expect(doc.status).toBe('new')
    expect(doc.editorNotes ?? null).toBeNull()

    // Payload query operators where text belongs are refused, never passed to the database.
    const operator = await postSubmission(server.current.url, validSubmission(call.slug!, { contactEmail: { $ne: null }, call: { equals: call.slug } }))
    expect(operator.status).toBe(422)
    const fields = ((await operator.json()) as { error: { fields: Record<string, string> } }).error.fields
    expect(fields.contactEmail).toBe('Skal være tekst')
    expect(fields.call).toBe('Skal være tekst')
    const multipart = submissionForm(validSubmission(call.slug!))
    multipart.append('where[or][0][status][equals]', 'accepted')
    multipart.append('status', 'accepted')
    const viaForm = await postSubmission(server.current.url, multipart)
    expect(viaForm.status).toBe(201)
    expect((await stored(((await viaForm.json()) as { id: string }).id)).status).toBe('new')
  })

  it('refuses 1 MB strings (JSON and multipart) and invalid UTF-8 with 422, and bodies past the limit with 413', async () => {
    const megabyte = 'æ'.repeat(1024 * 1024)
    const json = await postSubmission(server.current.url, validSubmission(call.slug!, { description: megabyte }))
    expect(json.status).toBe(422)
    expect(((await json.json()) as { error: { fields: Record<string, string> } }).error.fields.description).toBe('Højst 5000 tegn')
    const form = await postSubmission(server.current.url, submissionForm(validSubmission(call.slug!, { description: megabyte })))
    expect(form.status).toBe(422)
    expect(((await form.json()) as { error: { fields: Record<string, string> } }).error.fields.description).toBe('Højst 5000 tegn')

    // Bytes that are not UTF-8 (Latin-1 "Ørsted") in a multipart field.
    const boundary = 'b2cboundary'
    const parts = Object.entries(validSubmission(call.slug!, { title: undefined, themes: 'safety' }))
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
    const latin1 = Buffer.concat([
      ...parts,
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n`),
      Buffer.from([0xd8, 0x72, 0x73, 0x74, 0x65, 0x64]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const invalidUtf8 = await fetch(`${server.current.url}/api/public/submissions`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: latin1,
    })
    expect(invalidUtf8.status).toBe(422)
    expect(((await invalidUtf8.json()) as { error: { fields: Record<string, string> } }).error.fields.title).toContain('UTF-8')

    const tooBig = await fetch(`${server.current.url}/api/public/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validSubmission(call.slug!, { description: 'x'.repeat(5 * 1024 * 1024) })),
    })
    expect(tooBig.status).toBe(413)
    expect(((await tooBig.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
  })

  it("answers 413 past the call's video limit and the photo limit, and keeps nothing", async () => {
    const small = await createCall(server.current.payload, { videoMaxMegabytes: 1 })
    const before = await countStored(server.current.payload)
    const big = path.join(root, 'big.mp4')
    fs.writeFileSync(big, Buffer.concat([fs.readFileSync(await makeTestVideo('head.mp4', 1)), Buffer.alloc(2 * 1024 * 1024)]))
    const res = await postSubmission(server.current.url, submissionForm(validSubmission(small.slug!), { video: big }))
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('højst 1 MB')

    const hugePhoto = path.join(root, 'huge.jpg')
    fs.writeFileSync(hugePhoto, Buffer.concat([fs.readFileSync(await photo('head.jpg')), Buffer.alloc(21 * 1024 * 1024)]))
    const photoRes = await postSubmission(server.current.url, submissionForm(validSubmission(call.slug!), { photos: [hugePhoto] }))
    expect(photoRes.status).toBe(413)
    expect(await countStored(server.current.payload)).toEqual(before)

    const noVideoCall = await createCall(server.current.payload, { allowVideo: false })
    const refused = await postSubmission(server.current.url, submissionForm(validSubmission(noVideoCall.slug!), { video: await makeTestVideo('v.mp4', 1) }))
    expect(refused.status).toBe(422)
    expect(((await refused.json()) as { error: { fields: Record<string, string> } }).error.fields.video).toContain('tager ikke imod video')
  })

  it('refuses six photos (422), other body types (415) and malformed JSON (400)', async () => {
    const photos = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => photo(`p${n}.jpg`)))
    const six = await postSubmission(server.current.url, submissionForm(validSubmission(call.slug!), { photos }))
    expect(six.status).toBe(422)
    expect(((await six.json()) as { error: { fields: Record<string, string> } }).error.fields.photos).toBe('Højst 5 billeder')
    const plain = await fetch(`${server.current.url}/api/public/submissions`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hej' })
    expect(plain.status).toBe(415)
    const malformed = await fetch(`${server.current.url}/api/public/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"call":' })
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('bad_request')
  })

  it('drops a bot that fills the honeypot: a receipt, and nothing stored', async () => {
    const before = await countStored(server.current.payload)
    const res = await postSubmission(server.current.url, { ...validSubmission(call.slug!), website: 'http://spam.example' })
    expect(res.status).toBe(201)
    expect(((await res.json()) as { id: string }).id).toBeTruthy()
    expect(await countStored(server.current.payload)).toEqual(before)
  })

  it('stores exactly 50 of 50 concurrent submissions', async () => {
    const concurrent = await createCall(server.current.payload)
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => postSubmission(server.current.url, validSubmission(concurrent.slug!, { title: `Samtidig ${i}` }))),
    )
    expect(responses.map((res) => res.status)).toEqual(Array(50).fill(201))
    const ids = await Promise.all(responses.map(async (res) => ((await res.json()) as { id: string }).id))
    expect(new Set(ids).size).toBe(50)
    const { docs } = await server.current.payload.find({
      collection: 'submissions',
      where: { call: { equals: concurrent.id } },
      limit: 100,
      overrideAccess: true,
    })
    expect(docs.map((doc) => doc.title).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `Samtidig ${i}`).sort())
  })

  it('keeps the collection itself closed to the public: POST /api/submissions needs staff', async () => {
    const res = await fetch(`${server.current.url}/api/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...validSubmission(call.slug!), call: call.id }),
    })
    expect(res.status).toBe(403)
  })
})
