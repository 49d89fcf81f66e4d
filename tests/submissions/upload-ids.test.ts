/**
 * Issue #11, items 2 (server side) and 3: a submission names finished tus uploads
 * (`videoUpload`, `photoUploads`) instead of carrying files; each id is checked before anything
 * is taken or stored, and the deadline of such a submission is judged at its first upload's
 * creation, with UPLOAD_GRACE_MINUTES to send it. Real server, real tus uploads over HTTP.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import type { Call, Clip, Submission } from '../../src/payload-types'
import { runVideoQueue } from '../helpers/clips'
import { COSTLY } from '../helpers/costlyVideos'
import { makeTestVideo } from '../helpers/media'
import { useServer } from '../helpers/server'
import { countStored, createCall, postSubmission, setCallDeadline, submissionForm, validSubmission } from '../helpers/submissions'
import { backdateUpload, createUpload, MEMBER_UPLOADS, patchUpload, uploadFile } from '../helpers/tusUpload'

process.env.SUBMISSION_RATE_LIMIT = '1000'
process.env.UPLOAD_RATE_LIMIT = '1000'
const server = useServer()
const root = process.env.B2C_TEST_ROOT!
let call: Call
let otherCall: Call
let photo: Buffer
let video: Buffer

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')

/** A finished member upload of `data` for `slug`'s `field`. */
const upload = async (data: Buffer, field: 'video' | 'photos', slug = call.slug!, filename = field === 'video' ? 'telefon.mp4' : 'gaarden.jpg') =>
  (await uploadFile(server.current.url, MEMBER_UPLOADS, data, {
    metadata: { filename, filetype: field === 'video' ? 'video/mp4' : 'image/jpeg', call: slug, field },
  })).id

// The server runs in this process: the intake's own reader tells whether an upload is still there.
const record = async (id: string) => (await import('../../src/uploads/records')).readUpload(id)

const refusedFor = async (res: Response, field: string) => {
  const body = (await res.json()) as { error: { code: string; fields?: Record<string, string> } }
  expect({ status: res.status, code: body.error.code, fields: Object.keys(body.error.fields ?? {}) }).toEqual({
    status: 422,
    code: 'validation_failed',
    fields: [field],
  })
  return body.error.fields![field]
}

const stored = (id: string) =>
  server.current.payload.findByID({ collection: 'submissions', id, depth: 0, overrideAccess: true }) as Promise<Submission>

const setDeadline = (target: Call, deadline: Date) => setCallDeadline(server.current.payload, target, deadline)

/** Dates a member upload back, and checks the store reads the new creation time. */
const backdate = async (id: string, createdAt: Date) => {
  await backdateUpload(id, createdAt)
  expect((await record(id))?.createdAt.toISOString()).toBe(createdAt.toISOString())
}

/** An opening well before the backdated uploads (a deadline may not come before the opening). */
const longAgo = () => new Date(Date.now() - 6 * 3600_000)

const second = (at: Date | number) => Math.floor(new Date(at).getTime() / 1000) * 1000

beforeAll(async () => {
  call = await createCall(server.current.payload)
  otherCall = await createCall(server.current.payload)
  photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a7' } }).jpeg().toBuffer()
  video = fs.readFileSync(await makeTestVideo('upload-ids.mp4', 2))
})

describe('upload ids in a submission', () => {
  it('refuses unknown ids with a 422 per field and stores nothing', async () => {
    const before = await countStored(server.current.payload)
    const res = await postSubmission(server.current.url, validSubmission(call.slug!, { videoUpload: 'abc123doesnotexist', photoUploads: ['nope'] }))
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { fields: Record<string, string> } }
    expect(Object.keys(body.error.fields).sort()).toEqual(['photoUploads', 'videoUpload'])
    expect(body.error.fields.videoUpload).toContain('abc123doesnotexist')
    expect(await countStored(server.current.payload)).toEqual(before)
  })

  it('refuses an unfinished upload, and leaves it to be finished', async () => {
    const created = await createUpload(server.current.url, MEMBER_UPLOADS, {
      length: video.length,
      metadata: { filename: 'halv.mp4', filetype: 'video/mp4', call: call.slug!, field: 'video' },
    })
    expect(created.res.status).toBe(201)
    expect((await patchUpload(created.url!, 0, video.subarray(0, 1000))).status).toBe(204)
    const before = await countStored(server.current.payload)
    const message = await refusedFor(await postSubmission(server.current.url, validSubmission(call.slug!, { videoUpload: created.id })), 'videoUpload')
    expect(message).toMatch(/ikke færdig/)
    expect(await countStored(server.current.payload)).toEqual(before)
    expect(await record(created.id!)).toMatchObject({ offset: 1000, finished: false })
  })

  it('refuses an upload made for another call, and does not consume it', async () => {
    const id = await upload(photo, 'photos', otherCall.slug!)
    const before = await countStored(server.current.payload)
    const message = await refusedFor(await postSubmission(server.current.url, validSubmission(call.slug!, { photoUploads: [id] })), 'photoUploads')
    expect(message).toMatch(/anden indkaldelse/)
    expect(await countStored(server.current.payload)).toEqual(before)
    expect((await record(id))?.finished).toBe(true)
  })

  it('refuses an upload made for the other field (a photo as the video, a video as a photo)', async () => {
    const photoId = await upload(photo, 'photos')
    const videoId = await upload(video, 'video')
    const before = await countStored(server.current.payload)
    await refusedFor(await postSubmission(server.current.url, validSubmission(call.slug!, { videoUpload: photoId })), 'videoUpload')
    await refusedFor(await postSubmission(server.current.url, validSubmission(call.slug!, { photoUploads: [videoId] })), 'photoUploads')
    expect(await countStored(server.current.payload)).toEqual(before)
    expect((await record(photoId))?.finished).toBe(true)
    expect((await record(videoId))?.finished).toBe(true)
  })

  it('uses an upload once: naming it again is a 422 and stores nothing more', async () => {
    const id = await upload(photo, 'photos')
    const first = await postSubmission(server.current.url, validSubmission(call.slug!, { photoUploads: [id] }))
    expect(first.status).toBe(201)
    expect(await record(id)).toBeUndefined()
    const before = await countStored(server.current.payload)
    await refusedFor(await postSubmission(server.current.url, validSubmission(call.slug!, { photoUploads: [id] })), 'photoUploads')
    expect(await countStored(server.current.payload)).toEqual(before)
  })

  it('refuses a video file and a videoUpload together, keeping the upload', async () => {
    const id = await upload(video, 'video')
    const videoFile = path.join(root, 'mixed.mp4')
    fs.writeFileSync(videoFile, video)
    const before = await countStored(server.current.payload)
    const form = submissionForm(validSubmission(call.slug!, { videoUpload: id }), { video: videoFile })
    await refusedFor(await postSubmission(server.current.url, form), 'videoUpload')
    expect(await countStored(server.current.payload)).toEqual(before)
    expect((await record(id))?.finished).toBe(true)
  })

  it('holds an uploaded video to the call\'s limits before taking it: 422 on videoUpload, the upload kept', async () => {
    const short = await createCall(server.current.payload, { videoMaxMinutes: 1 } as never)
    const id = await upload(fs.readFileSync(await COSTLY.twoAndAHalfMinutes()), 'video', short.slug!)
    const before = await countStored(server.current.payload)
    const message = await refusedFor(await postSubmission(server.current.url, validSubmission(short.slug!, { videoUpload: id })), 'videoUpload')
    expect(message).toMatch(/telefon\.mp4/)
    expect(await countStored(server.current.payload)).toEqual(before)
    expect((await record(id))?.finished).toBe(true)
  })

  it('stores a submission of a video upload and two photo uploads like a multipart one: the clip processed from the same bytes, the photos private', async () => {
    const videoId = await upload(video, 'video')
    const photoIds = [await upload(photo, 'photos'), await upload(photo, 'photos', call.slug!, 'andet.jpg')]
    const before = await countStored(server.current.payload)
    const res = await postSubmission(server.current.url, validSubmission(call.slug!, { videoUpload: videoId, photoUploads: photoIds }))
    expect(res.status).toBe(201)
    const doc = await stored(((await res.json()) as { id: string }).id)
    expect(doc.photos).toHaveLength(2)
    expect(await countStored(server.current.payload)).toEqual({ submissions: before.submissions + 1, media: before.media + 2, clips: before.clips + 1 })
    for (const id of [videoId, ...photoIds]) expect(await record(id)).toBeUndefined()

    await runVideoQueue(server.current.payload)
    const clip = (await server.current.payload.findByID({ collection: 'clips', id: doc.video as number, overrideAccess: true })) as Clip
    expect(clip.processing?.status).toBe('ready')
    expect(clip.renditions?.length).toBeGreaterThan(0)
    expect(clip.filename).toMatch(/^telefon-[0-9a-f]{8}\.mp4$/)
    const { originalPath } = await import('../../src/video/paths')
    expect(sha256(fs.readFileSync(originalPath(clip.filename!)))).toBe(sha256(video))

    for (const id of doc.photos as number[]) {
      const media = await server.current.payload.findByID({ collection: 'media', id, overrideAccess: true })
      expect(media.private).toBe(true)
      expect((await fetch(`${server.current.url}/api/media/${id}`)).status).toBe(404)
    }
  })

  it('takes upload ids as form fields of the /indsend form and answers 303 to the thanks page', async () => {
    const photoId = await upload(photo, 'photos')
    const form = submissionForm(validSubmission(call.slug!, { photoUploads: [photoId] }))
    const res = await fetch(`${server.current.url}/indsend`, { method: 'POST', body: form, redirect: 'manual' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toMatch(/^\/indsend\/tak\?kvittering=\d+$/)
    const id = /kvittering=(\d+)/.exec(res.headers.get('location')!)![1]
    expect((await stored(id)).photos).toHaveLength(1)
    expect(await record(photoId)).toBeUndefined()
  })
})

describe('the deadline of a submission with uploads (UPLOAD_GRACE_MINUTES, default 120)', () => {
  it('is judged at the first upload: begun in the deadline second is in time, begun one second after it is late', async () => {
    const inTime = await createCall(server.current.payload, { opensAt: longAgo() })
    const late = await createCall(server.current.payload, { opensAt: longAgo() })
    const inTimeId = await upload(photo, 'photos', inTime.slug!)
    const lateId = await upload(photo, 'photos', late.slug!)
    // Ten seconds ago, so that a submission without uploads is surely late.
    const deadline = new Date(second(Date.now()) - 10_000)
    await backdate(inTimeId, new Date(deadline.getTime() + 999))
    await backdate(lateId, new Date(deadline.getTime() + 1000))
    await setDeadline(inTime, deadline)
    await setDeadline(late, deadline)
    const before = await countStored(server.current.payload)
    expect((await postSubmission(server.current.url, validSubmission(inTime.slug!))).status).toBe(409)
    const lateRes = await postSubmission(server.current.url, validSubmission(late.slug!, { photoUploads: [lateId] }))
    expect(lateRes.status).toBe(409)
    expect(((await lateRes.json()) as { error: { code: string } }).error.code).toBe('call_closed')
    expect(await countStored(server.current.payload)).toEqual(before)
    expect((await record(lateId))?.finished).toBe(true)
    expect((await postSubmission(server.current.url, validSubmission(inTime.slug!, { photoUploads: [inTimeId] }))).status).toBe(201)
  })

  it('lets it be sent up to the grace end: the grace end second is in, the next one is late', async () => {
    const now = Date.now()
    const graceMs = 120 * 60_000
    // As in the plain deadline test: the grace ends in the current second (+1 s slack for the
    // request to arrive), or ended the second before.
    const inTime = await createCall(server.current.payload, { opensAt: longAgo() })
    const late = await createCall(server.current.payload, { opensAt: longAgo() })
    const inTimeId = await upload(photo, 'photos', inTime.slug!)
    const lateId = await upload(photo, 'photos', late.slug!)
    const inTimeDeadline = new Date(second(now) + 1999 - graceMs)
    const lateDeadline = new Date(second(now) - 1000 - graceMs)
    // Both uploads began an hour before their deadline.
    await backdate(inTimeId, new Date(inTimeDeadline.getTime() - 3600_000))
    await backdate(lateId, new Date(lateDeadline.getTime() - 3600_000))
    await setDeadline(inTime, inTimeDeadline)
    await setDeadline(late, lateDeadline)
    const before = await countStored(server.current.payload)
    const [inTimeRes, lateRes] = await Promise.all([
      postSubmission(server.current.url, validSubmission(inTime.slug!, { photoUploads: [inTimeId] })),
      postSubmission(server.current.url, validSubmission(late.slug!, { photoUploads: [lateId] })),
    ])
    expect(inTimeRes.status).toBe(201)
    expect(lateRes.status).toBe(409)
    expect(await countStored(server.current.payload)).toEqual({ ...before, submissions: before.submissions + 1, media: before.media + 1 })
  })

  it('counts the earliest of the uploads: a photo begun late rides on a video begun in time', async () => {
    const target = await createCall(server.current.payload, { opensAt: longAgo() })
    const videoId = await upload(video, 'video', target.slug!)
    const photoId = await upload(photo, 'photos', target.slug!)
    const deadline = new Date(second(Date.now()) - 3600_000)
    await backdate(videoId, new Date(deadline.getTime() - 60_000))
    await setDeadline(target, deadline)
    // The photo alone began after the deadline: late.
    expect((await postSubmission(server.current.url, validSubmission(target.slug!, { photoUploads: [photoId] }))).status).toBe(409)
    // With the video begun before it, the submission is in time (sent within the grace).
    const res = await postSubmission(server.current.url, validSubmission(target.slug!, { videoUpload: videoId, photoUploads: [photoId] }))
    expect(res.status).toBe(201)
  })
})
