/**
 * Issue #11, item 1: resumable uploads with tus at /api/public/uploads (members) and
 * /api/uploads (staff), against the real server. Checks before a byte is stored (declared size,
 * the call, the metadata, who asks), the content check on the first bytes, the protocol itself
 * (offsets, termination), the private folder, expiry with an injected clock, and the claim that
 * hands a finished upload to its user once.
 */
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'

import { beforeAll, describe, expect, test } from '@jest/globals'

import { createPeople, PASSWORD } from '../helpers/fixtures'
import { makeTestVideo } from '../helpers/media'
import { expectMediaStoreConsistent } from '../helpers/mediaInvariant'
import { makeTestPhoto } from '../helpers/photos'
import { login, useServer, type Client } from '../helpers/server'
import { createCall } from '../helpers/submissions'
import { createUpload, deleteUpload, headUpload, MEMBER_UPLOADS, patchUpload, sendAll, STAFF_UPLOADS, TUS, uploadFile } from '../helpers/tusUpload'
import { claimUpload, readUpload, UploadNotFinished, UploadNotFound } from '../../src/uploads/records'
import { expireUploads } from '../../src/uploads/expiry'
import { sweepOrphanFiles } from '../../src/jobs/orphanSweep'
import { uploadsDir } from '../../src/uploads/paths'

process.env.PUBLIC_URL = 'https://historier.example.dk'
process.env.UPLOAD_RATE_LIMIT = '1000'

const server = useServer({ runJobs: false })
let openCall: string
let video: Buffer
let editor: Client
let member: Client
const MB = 1024 * 1024
const quietLogger = { logger: { info: () => undefined } } as never

beforeAll(async () => {
  const { payload } = server.current
  openCall = (await createCall(payload, { videoMaxMegabytes: 50 })).slug!
  video = await fsp.readFile(await makeTestVideo('tus.mp4'))
  await createPeople(payload)
  editor = await login(server.current.url, 'editor@test.dk', PASSWORD)
  member = await login(server.current.url, 'member@test.dk', PASSWORD)
})

const url = () => server.current.url
const videoMeta = (overrides: Record<string, string> = {}) => ({ filename: 'klip.mp4', filetype: 'video/mp4', call: openCall, field: 'video', ...overrides })
const memberFiles = () => fs.readdirSync(uploadsDir('member'))
const errorShape = (code: string) => ({ error: expect.objectContaining({ code, message: expect.any(String) }) })

describe('creating a member upload', () => {
  test('201 with a relative Location (X-Forwarded-Host is not believed), nothing stored yet but the info', async () => {
    const created = await createUpload(url(), MEMBER_UPLOADS, { length: video.length, metadata: videoMeta(), headers: { 'x-forwarded-host': 'angreb.example.com', 'x-forwarded-proto': 'http' } })
    expect(created.res.status).toBe(201)
    expect(created.res.headers.get('location')).toBe(`${MEMBER_UPLOADS}/${created.id}`)
    expect(created.res.headers.get('tus-resumable')).toBe('1.0.0')
    const record = await readUpload(created.id!)
    expect(record).toMatchObject({ id: created.id, size: video.length, offset: 0, finished: false, owner: 'member', metadata: videoMeta() })
    expect(record!.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000)
  })

  test('HEAD tells the offset; a PATCH at the wrong offset is 409 and changes nothing', async () => {
    const { url: upload } = await createUpload(url(), MEMBER_UPLOADS, { length: video.length, metadata: videoMeta() })
    const first = await patchUpload(upload!, 0, video.subarray(0, 5000))
    expect(first.status).toBe(204)
    expect(first.headers.get('upload-offset')).toBe('5000')
    expect((await headUpload(upload!)).offset).toBe(5000)

    const wrong = await patchUpload(upload!, 4000, video.subarray(4000, 6000))
    expect(wrong.status).toBe(409)
    expect(wrong.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await wrong.json()).toEqual(errorShape('offset_conflict'))
    expect((await headUpload(upload!)).offset).toBe(5000)
  })

  test('a PATCH past the declared length is refused and stores none of it', async () => {
    const { url: upload } = await createUpload(url(), MEMBER_UPLOADS, { length: video.length, metadata: videoMeta() })
    const tooMuch = Buffer.concat([video, Buffer.alloc(100)])
    const res = await patchUpload(upload!, 0, tooMuch)
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual(errorShape('payload_too_large'))
    expect((await headUpload(upload!)).offset).toBe(0)
  })

  test('finished, claimed once: the bytes move, a second claim is UploadNotFound', async () => {
    const { id } = await uploadFile(url(), MEMBER_UPLOADS, video, { metadata: videoMeta(), chunkSize: 4096 })
    expect(await readUpload(id)).toMatchObject({ finished: true, offset: video.length })
    const into = await fsp.mkdtemp(path.join(process.env.MEDIA_DIR!, '.claim-test-'))
    const claimed = await claimUpload(id, into)
    expect(await fsp.readFile(claimed)).toEqual(video)
    expect(await readUpload(id)).toBeUndefined()
    await expect(claimUpload(id, into)).rejects.toBeInstanceOf(UploadNotFound)
    expect(memberFiles().filter((name) => name.startsWith(id))).toEqual([])
    await fsp.rm(into, { recursive: true })
  })

  test('an unfinished upload cannot be claimed and is left as it was', async () => {
    const { url: upload, id } = await createUpload(url(), MEMBER_UPLOADS, { length: video.length, metadata: videoMeta() })
    await patchUpload(upload!, 0, video.subarray(0, 5000))
    await expect(claimUpload(id!, process.env.MEDIA_DIR!)).rejects.toBeInstanceOf(UploadNotFinished)
    await sendAll(upload!, video)
    expect(await readUpload(id!)).toMatchObject({ finished: true })
  })

  test('termination: DELETE removes bytes and info, HEAD is then 404', async () => {
    const { url: upload, id } = await createUpload(url(), MEMBER_UPLOADS, { length: video.length, metadata: videoMeta() })
    await patchUpload(upload!, 0, video.subarray(0, 5000))
    expect((await deleteUpload(upload!)).status).toBe(204)
    expect(memberFiles().filter((name) => name.startsWith(id!))).toEqual([])
    expect((await headUpload(upload!)).res.status).toBe(404)
  })

  test('a photo upload takes an image', async () => {
    const photo = await fsp.readFile(await makeTestPhoto('tus.jpg', { width: 200, height: 150 }))
    const { id } = await uploadFile(url(), MEMBER_UPLOADS, photo, { metadata: { filename: 'foto.jpg', filetype: 'image/jpeg', call: openCall, field: 'photos' } })
    expect(await readUpload(id)).toMatchObject({ finished: true, metadata: { field: 'photos' } })
  })
})

describe('refused before a byte is stored', () => {
  const refusedWithNothingStored = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await res.json()).toEqual(errorShape(code))
    expect(res.headers.get('location')).toBeNull()
  }

  test('a declared length past the call\'s video limit: 413, nothing on disk', async () => {
    const before = memberFiles()
    const { res } = await createUpload(url(), MEMBER_UPLOADS, { length: 50 * MB + 1, metadata: videoMeta() })
    await refusedWithNothingStored(res, 413, 'payload_too_large')
    expect(memberFiles()).toEqual(before)
  })

  test('a photo past 20 MB: 413', async () => {
    const { res } = await createUpload(url(), MEMBER_UPLOADS, { length: 20 * MB + 1, metadata: { filename: 'stor.jpg', call: openCall, field: 'photos' } })
    await refusedWithNothingStored(res, 413, 'payload_too_large')
  })

  test('a closed call: 409 naming its deadline; a call not yet open: 409', async () => {
    const { payload } = server.current
    const closed = await createCall(payload, { opensAt: new Date(Date.now() - 7 * 86_400_000), deadline: new Date(Date.now() - 86_400_000) })
    const before = memberFiles()
    const { res } = await createUpload(url(), MEMBER_UPLOADS, { length: 1000, metadata: videoMeta({ call: closed.slug! }) })
    expect(res.status).toBe(409)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('call_closed')
    expect(body.error.message).toContain('lukkede')
    expect(memberFiles()).toEqual(before)

    const upcoming = await createCall(payload, { opensAt: new Date(Date.now() + 86_400_000), deadline: new Date(Date.now() + 7 * 86_400_000) })
    const early = await createUpload(url(), MEMBER_UPLOADS, { length: 1000, metadata: videoMeta({ call: upcoming.slug! }) })
    expect(early.res.status).toBe(409)
  })

  test.each<[string, () => Record<string, string>, number, string]>([
    ['an unknown call', () => videoMeta({ call: 'findes-ikke' }), 422, 'validation_failed'],
    ['no call', () => ({ filename: 'klip.mp4', field: 'video' }), 422, 'validation_failed'],
    ['a field that is neither video nor photos', () => videoMeta({ field: 'consent' }), 422, 'validation_failed'],
  ])('%s: refused with the error shape, nothing stored', async (_what, metadata, status, code) => {
    const { res } = await createUpload(url(), MEMBER_UPLOADS, { length: 1000, metadata: metadata() })
    await refusedWithNothingStored(res, status, code)
  })

  test('a member must declare the length (no Upload-Defer-Length): 400', async () => {
    const { res } = await createUpload(url(), MEMBER_UPLOADS, { metadata: videoMeta() })
    await refusedWithNothingStored(res, 400, 'length_required')
  })

  test('a foreign origin: 403; a listed or own origin is not refused', async () => {
    const { res } = await createUpload(url(), MEMBER_UPLOADS, { length: 1000, metadata: videoMeta(), headers: { origin: 'https://angreb.example.com' } })
    await refusedWithNothingStored(res, 403, 'forbidden_origin')
    const own = await createUpload(url(), MEMBER_UPLOADS, { length: 1000, metadata: videoMeta(), headers: { origin: 'https://historier.example.dk' } })
    expect(own.res.status).toBe(201)
  })

  test('a PATCH from a foreign origin to an existing upload: 403, no bytes stored', async () => {
    const { url: upload } = await createUpload(url(), MEMBER_UPLOADS, { length: video.length, metadata: videoMeta() })
    const res = await patchUpload(upload!, 0, video, { origin: 'https://angreb.example.com' })
    expect(res.status).toBe(403)
    expect((await headUpload(upload!)).offset).toBe(0)
  })
})

describe('the content decides on the first bytes', () => {
  test('text declared as a video: 415 and the upload is gone, bytes and info', async () => {
    const text = Buffer.from('Dette er ikke en video, bare tekst.\n'.repeat(300))
    const { url: upload, id } = await createUpload(url(), MEMBER_UPLOADS, { length: text.length, metadata: videoMeta({ filename: 'tekst.mp4' }) })
    const res = await patchUpload(upload!, 0, text)
    expect(res.status).toBe(415)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await res.json()).toEqual({ error: { code: 'unsupported_media_type', message: expect.stringContaining('tekst.mp4') } })
    expect(memberFiles().filter((name) => name.startsWith(id!))).toEqual([])
    expect(await readUpload(id!)).toBeUndefined()
  })

  test('a video sent as a photo: 415; a first chunk shorter than the head is judged with the next one', async () => {
    const { url: upload, id } = await createUpload(url(), MEMBER_UPLOADS, { length: video.length, metadata: { filename: 'foto.jpg', call: openCall, field: 'photos' } })
    expect((await patchUpload(upload!, 0, video.subarray(0, 100))).status).toBe(204)
    const res = await patchUpload(upload!, 100, video.subarray(100))
    expect(res.status).toBe(415)
    expect(memberFiles().filter((name) => name.startsWith(id!))).toEqual([])
  })

  test('text in the creation request itself (creation-with-upload): 415, nothing left', async () => {
    const text = Buffer.from('plain text '.repeat(1000))
    const before = memberFiles()
    const { res } = await createUpload(url(), MEMBER_UPLOADS, { length: text.length, metadata: videoMeta(), body: text })
    expect(res.status).toBe(415)
    expect(memberFiles()).toEqual(before)
  })
})

describe('the staff path /api/uploads', () => {
  test('anonymous: 401; a member: 403; both with the error shape and nothing stored', async () => {
    const anonymous = await createUpload(url(), STAFF_UPLOADS, { length: video.length })
    expect(anonymous.res.status).toBe(401)
    expect(await anonymous.res.json()).toEqual(errorShape('unauthorized'))
    const asMember = await createUpload(url(), STAFF_UPLOADS, { length: video.length, headers: { authorization: `JWT ${member.token}` } })
    expect(asMember.res.status).toBe(403)
    expect(fs.readdirSync(uploadsDir('staff'), { withFileTypes: true }).filter((entry) => entry.isFile())).toEqual([])
  })

  test('an editor uploads, with a deferred length too; the record says staff', async () => {
    const auth = { authorization: `JWT ${editor.token}` }
    const { id } = await uploadFile(url(), STAFF_UPLOADS, video, { metadata: { filename: 'klip.mp4', filetype: 'video/mp4' }, headers: auth })
    expect(await readUpload(id)).toMatchObject({ owner: 'staff', finished: true })
    const deferred = await createUpload(url(), STAFF_UPLOADS, { headers: auth })
    expect(deferred.res.status).toBe(201)
    expect(deferred.res.headers.get('location')).toBe(`${STAFF_UPLOADS}/${deferred.id}`)
    // Anonymous may not touch it either.
    expect((await headUpload(deferred.url!)).res.status).toBe(401)
  })

  test('a declared length past UPLOAD_MAX_BYTES: 413', async () => {
    const { res } = await createUpload(url(), STAFF_UPLOADS, { length: 3 * 1024 ** 3, headers: { authorization: `JWT ${editor.token}` } })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual(errorShape('payload_too_large'))
  })
})

describe('privacy and expiry', () => {
  test('no route serves an upload: /media/.uploads/… and GET on the tus URL are 404', async () => {
    const { url: upload, id } = await uploadFile(url(), MEMBER_UPLOADS, video, { metadata: videoMeta() })
    for (const target of [`/media/.uploads/member/${id}`, `/media/.uploads/member/${id}.json`, `/media/.uploads/${id}`]) {
      expect((await fetch(`${url()}${target}`)).status).toBe(404)
    }
    const get = await fetch(upload, { headers: TUS })
    expect(get.status).toBe(404)
    expect(Buffer.from(await get.arrayBuffer()).includes(video.subarray(0, 64))).toBe(false)
  })

  test('finished-but-unclaimed uploads keep the file ↔ document invariant (named by their info file)', async () => {
    await uploadFile(url(), MEMBER_UPLOADS, video, { metadata: videoMeta() })
    await expectMediaStoreConsistent(server.current.payload)
  })

  test('the orphan sweep leaves MEDIA_DIR/.uploads to the expiry, even with no grace at all', async () => {
    const { id } = await uploadFile(url(), MEMBER_UPLOADS, video, { metadata: videoMeta() })
    const stray = path.join(uploadsDir('member'), 'bytes-without-info')
    await fsp.writeFile(stray, 'x')
    const old = new Date(Date.now() - 86_400_000)
    await fsp.utimes(stray, old, old)
    const { removed } = await sweepOrphanFiles(server.current.payload, { graceMinutes: 0 })
    expect(removed.filter((unit) => unit.startsWith('.uploads/'))).toEqual([])
    expect(await readUpload(id)).toMatchObject({ finished: true })
    expect(fs.existsSync(stray)).toBe(true)
    await fsp.rm(stray)
  })

  test('expiry with an injected clock: kept within UPLOAD_EXPIRY_HOURS, deleted after, finished or not', async () => {
    const finished = await uploadFile(url(), MEMBER_UPLOADS, video, { metadata: videoMeta() })
    const unfinished = await createUpload(url(), MEMBER_UPLOADS, { length: video.length, metadata: videoMeta() })
    await patchUpload(unfinished.url!, 0, video.subarray(0, 5000))
    // Bytes whose info is gone (a crash mid-claim): strays, gone after the same time.
    const stray = path.join(uploadsDir('member'), 'stray-bytes')
    await fsp.writeFile(stray, 'x')

    const hour = 3_600_000
    expect(await expireUploads(quietLogger, { expiryHours: 24, now: new Date(Date.now() + 23 * hour) })).toEqual([])
    expect(await readUpload(finished.id)).toBeDefined()

    const removed = await expireUploads(quietLogger, { expiryHours: 24, now: new Date(Date.now() + 25 * hour) })
    expect(removed).toEqual(expect.arrayContaining([`member/${finished.id}`, `member/${unfinished.id}`, 'member/stray-bytes']))
    expect(await readUpload(finished.id)).toBeUndefined()
    expect(await readUpload(unfinished.id!)).toBeUndefined()
    expect(memberFiles().filter((name) => name.startsWith(finished.id) || name.startsWith(unfinished.id!) || name === 'stray-bytes')).toEqual([])
    expect((await headUpload(unfinished.url!)).res.status).toBe(404)
    await expectMediaStoreConsistent(server.current.payload)
  })
})
