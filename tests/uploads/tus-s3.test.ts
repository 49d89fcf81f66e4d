/**
 * Issue #13, item 2: resumable uploads in the bucket work whichever web process a request
 * reaches. Two real API processes share one database and one s3rver bucket; an upload begun on
 * one is continued on both, claimed on the other, and leaves nothing under `.uploads/`. With
 * PostgreSQL (TEST_DATABASE_URI=postgres://…) the upload's lock holds across the processes.
 */
import fs from 'node:fs'
import http from 'node:http'

import { GetObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { useApiProcesses } from '../helpers/apiProcesses'
import { login, type Client } from '../helpers/http'
import { makeTestVideo } from '../helpers/media'
import { isPostgresUri } from '../helpers/postgres'
import type { AppProcess } from '../helpers/process'
import { startS3Server } from '../helpers/s3'
import { validSubmission, postSubmission } from '../helpers/submissions'
import { createUpload, headUpload, MEMBER_UPLOADS, patchUpload, sendAll, STAFF_UPLOADS, TUS, uploadFile } from '../helpers/tusUpload'

const s3 = await startS3Server()
// This process reads the same bucket when a test claims or expires uploads itself.
Object.assign(process.env, s3.env)
const onPostgres = isPostgresUri(process.env.DATABASE_URI)
const env = {
  ...process.env,
  ...s3.env,
  RUN_JOBS: 'false',
  SEED_DEMO: 'false',
  UPLOAD_RATE_LIMIT: '1000',
  SUBMISSION_RATE_LIMIT: '1000',
  ADMIN_EMAIL: 'admin@tus-s3.dk',
  ADMIN_PASSWORD: 'correct-horse-battery-staple',
}
const start = useApiProcesses(env)
let a: AppProcess
let b: AppProcess
let admin: Client
let video: Buffer
let callSlug: string
const auth = () => ({ authorization: `JWT ${admin.token}` })
const pathOf = (url: string) => new URL(url).pathname
const claim = (via: AppProcess, uploadId: string) =>
  fetch(`${via.url}/api/clips/from-upload`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth() }, body: JSON.stringify({ uploadId }) })

const bucketObject = async (key: string): Promise<Buffer> => {
  const object = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }))
  return Buffer.from(await object.Body!.transformToByteArray())
}

beforeAll(async () => {
  // One after the other: the first builds the schema and the admin, the second finds them.
  a = await start()
  b = await start()
  admin = await login(a.url, env.ADMIN_EMAIL, env.ADMIN_PASSWORD)
  video = fs.readFileSync(await makeTestVideo('tus-s3.mp4', 2))
  const call = await admin.request('/api/calls', {
    method: 'POST',
    json: {
      title: 'Spanden',
      slug: `spanden-${Date.now().toString(36)}`,
      description: 'Indkaldelse til testen af uploads i spanden.',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      contactName: 'Neighborhood Lab',
      contactEmail: 'kontakt@neighborhoodlab.dk',
      allowVideo: true,
      videoMaxMegabytes: 50,
    },
  })
  expect(call.status).toBe(201)
  callSlug = ((await call.json()) as { doc: { slug: string } }).doc.slug
}, 240_000)
afterAll(async () => {
  await s3.stop()
})

describe('tus uploads in the bucket, across two web processes', () => {
  it('continues on either process, agrees on the offset, and is claimed on the other into originals/', async () => {
    const created = await createUpload(a.url, STAFF_UPLOADS, { length: video.length, metadata: { filename: 'spand.mp4', filetype: 'video/mp4' }, headers: auth() })
    expect(created.res.status).toBe(201)
    expect(created.res.headers.get('location')).toBe(`${STAFF_UPLOADS}/${created.id}`)
    const path = pathOf(created.url!)
    // A first PATCH shorter than the content check's head, so the next (on the other process) reads it back from the bucket.
    const cuts = [1000, Math.floor(video.length / 3), Math.floor((2 * video.length) / 3), video.length]
    let offset = 0
    for (const [index, cut] of cuts.entries()) {
      const via = index % 2 === 0 ? a : b
      const res = await patchUpload(`${via.url}${path}`, offset, video.subarray(offset, cut), auth())
      expect(res.status).toBe(204)
      offset = Number(res.headers.get('upload-offset'))
      expect(offset).toBe(cut)
      const [onA, onB] = await Promise.all([headUpload(`${a.url}${path}`, auth()), headUpload(`${b.url}${path}`, auth())])
      expect([onA.offset, onB.offset]).toEqual([cut, cut])
    }
    expect((await s3.keys(`.uploads/staff/${created.id}/`)).length).toBeGreaterThan(1)
    // No GET download of an upload, on either process.
    expect((await fetch(`${b.url}${path}`, { headers: { ...TUS, ...auth() } })).status).toBe(404)

    // Claimed twice at once: one takes it, the other finds it gone. Across the two processes on
    // PostgreSQL; on SQLite only within one (its MemoryLocker: one web process, src/uploads/locker.ts).
    const [onA, onB] = await Promise.all([claim(a, created.id!), claim(onPostgres ? b : a, created.id!)])
    expect([onA.status, onB.status].sort()).toEqual([201, 422])
    const { doc } = (await (onA.status === 201 ? onA : onB).json()) as { doc: { filename: string } }
    expect(await s3.keys('originals/')).toContain(`originals/${doc.filename}`)
    expect((await bucketObject(`originals/${doc.filename}`)).equals(video)).toBe(true)
    expect(await s3.keys('.uploads/')).toEqual([])
    expect((await claim(b, created.id!)).status).toBe(422)
  }, 120_000)

  it("refuses a first chunk that is not video with 415 in our error shape, and keeps none of it", async () => {
    const text = Buffer.from('Dette er ikke en video, bare tekst. '.repeat(200))
    const created = await createUpload(b.url, STAFF_UPLOADS, { length: text.length, metadata: { filename: 'noter.mp4', filetype: 'video/mp4' }, headers: auth() })
    expect(created.res.status).toBe(201)
    const res = await patchUpload(`${a.url}${pathOf(created.url!)}`, 0, text, auth())
    expect(res.status).toBe(415)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toEqual({ code: 'unsupported_media_type', message: '"noter.mp4" er ikke en video' })
    expect(await s3.keys('.uploads/')).toEqual([])
    expect((await headUpload(`${b.url}${pathOf(created.url!)}`, auth())).res.status).toBe(404)
  })

  it("a member's upload sent on one process becomes a submission on the other", async () => {
    const { id } = await uploadFile(a.url, MEMBER_UPLOADS, video, { metadata: { filename: 'telefon.mp4', filetype: 'video/mp4', call: callSlug, field: 'video' }, chunkSize: 50_000 })
    const before = new Set(await s3.keys('originals/'))
    const res = await postSubmission(b.url, validSubmission(callSlug, { videoUpload: id }))
    expect(res.status).toBe(201)
    const added = (await s3.keys('originals/')).filter((key) => !before.has(key))
    expect(added).toHaveLength(1)
    expect((await bucketObject(added[0])).equals(video)).toBe(true)
    expect(await s3.keys('.uploads/')).toEqual([])
    expect((await postSubmission(a.url, validSubmission(callSlug, { videoUpload: id }))).status).toBe(422)
  }, 120_000)

  it('the expiry removes from the bucket an unfinished upload and an unclaimed finished one once they are too old', async () => {
    const { expireUploads } = await import('../../src/uploads/expiry')
    const quiet = { logger: { info: () => undefined } } as never
    const unfinished = await createUpload(a.url, STAFF_UPLOADS, { length: video.length, metadata: { filename: 'halv.mp4' }, headers: auth() })
    expect((await patchUpload(`${b.url}${pathOf(unfinished.url!)}`, 0, video.subarray(0, 5000), auth())).status).toBe(204)
    const finished = await uploadFile(b.url, STAFF_UPLOADS, video, { metadata: { filename: 'hel.mp4' }, headers: auth() })
    const hour = 3_600_000
    expect(await expireUploads(quiet, { expiryHours: 24, now: new Date(Date.now() + 23 * hour) })).toEqual([])
    expect((await s3.keys('.uploads/')).length).toBeGreaterThan(0)
    const removed = await expireUploads(quiet, { expiryHours: 24, now: new Date(Date.now() + 25 * hour) })
    expect(removed.sort()).toEqual([`staff/${unfinished.id}`, `staff/${finished.id}`].sort())
    expect(await s3.keys('.uploads/')).toEqual([])
    expect((await headUpload(`${a.url}${pathOf(unfinished.url!)}`, auth())).res.status).toBe(404)
  })

  // SQLite's MemoryLocker keeps one process's requests apart only (src/uploads/locker.ts).
  ;(onPostgres ? it : it.skip)('holds the lock across processes: a PATCH on B waits until A has let go and stored what it had', async () => {
    const data = Buffer.concat([video, Buffer.alloc(3 * 1024 * 1024, 7)])
    const created = await createUpload(a.url, STAFF_UPLOADS, { length: data.length, metadata: { filename: 'lang.mp4' }, headers: auth() })
    const path = pathOf(created.url!)
    const first = 1024 * 1024
    expect((await patchUpload(`${a.url}${path}`, 0, data.subarray(0, first), auth())).status).toBe(204)

    // A PATCH on A that sends 1.5 MiB of the rest and then stalls, holding the upload's lock.
    const stalled = http.request(`${a.url}${path}`, {
      method: 'PATCH',
      headers: { ...TUS, ...auth(), 'content-type': 'application/offset+octet-stream', 'upload-offset': String(first), 'content-length': String(data.length - first) },
    })
    const stalledEnded = new Promise<number | string>((resolve) => {
      stalled.on('response', (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      stalled.on('error', (error) => resolve(error.message))
    })
    stalled.write(data.subarray(first, first + 1.5 * 1024 * 1024))
    await new Promise((resolve) => setTimeout(resolve, 1000))

    // The client retries through B from the offset it last knew: B asks A to let go, waits,
    // and then sees what A stored (A's reader hands on pieces of about 1 MiB), so the offset moved.
    const startedAt = Date.now()
    const retry = await patchUpload(`${b.url}${path}`, first, data.subarray(first), auth())
    expect(retry.status).toBe(409)
    expect(Date.now() - startedAt).toBeGreaterThan(1000)
    await stalledEnded
    stalled.destroy()

    const [onA, onB] = await Promise.all([headUpload(`${a.url}${path}`, auth()), headUpload(`${b.url}${path}`, auth())])
    expect(onA.offset).toBeGreaterThan(first)
    expect(onA.offset).toBeLessThanOrEqual(first + 1.5 * 1024 * 1024)
    expect(onB.offset).toBe(onA.offset)
    await sendAll(`${b.url}${path}`, data, { headers: auth(), chunkSize: 1024 * 1024 })
    // Byte for byte: claimed here (this process reads the same bucket).
    const { claimUpload } = await import('../../src/uploads/records')
    const into = fs.mkdtempSync(`${process.env.B2C_TEST_ROOT}/claim-`)
    expect(fs.readFileSync(await claimUpload(created.id!, into)).equals(data)).toBe(true)
    expect(await s3.keys('.uploads/')).toEqual([])
  }, 120_000)
})
