/**
 * Issue #11, item 3, as the tus creation sees it, and one race of the upload-id intake:
 * - a submission whose first upload began before the deadline may be sent within
 *   UPLOAD_GRACE_MINUTES (default 120) after it, so its later files must still be creatable
 *   then (a photo after the video); after the grace, creation is a 409;
 * - another submission claiming an upload between this one's id check and its content check is
 *   a 422 on the field, not a 500.
 * Real server, real tus uploads over HTTP, real files.
 */
import fs from 'node:fs'

import { beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import type { Call } from '../../src/payload-types'
import { makeTestVideo } from '../helpers/media'
import { useServer } from '../helpers/server'
import { countStored, createCall, postSubmission, setCallDeadline, validSubmission } from '../helpers/submissions'
import { backdateUpload, createUpload, MEMBER_UPLOADS, uploadFile } from '../helpers/tusUpload'

process.env.SUBMISSION_RATE_LIMIT = '1000'
process.env.UPLOAD_RATE_LIMIT = '1000'
const server = useServer()
const GRACE_MS = 120 * 60_000
let photo: Buffer
let video: Buffer

const second = (at: number) => Math.floor(at / 1000) * 1000
/** An opening well before every deadline used here (a deadline may not come before it). */
const longAgo = () => new Date(Date.now() - 6 * 3600_000)

const meta = (call: Call, field: 'video' | 'photos') => ({
  filename: field === 'video' ? 'telefon.mp4' : 'gaarden.jpg',
  filetype: field === 'video' ? 'video/mp4' : 'image/jpeg',
  call: call.slug!,
  field,
})

const setDeadline = (target: Call, deadline: Date) => setCallDeadline(server.current.payload, target, deadline)

beforeAll(async () => {
  photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#27a' } }).jpeg().toBuffer()
  video = fs.readFileSync(await makeTestVideo('member-upload-deadline.mp4', 2))
})

describe('creating a member upload after the deadline', () => {
  it('is accepted within the grace, so a photo can follow a video begun in time, and the submission is stored', async () => {
    const target = await createCall(server.current.payload, { opensAt: longAgo() })
    const videoId = (await uploadFile(server.current.url, MEMBER_UPLOADS, video, { metadata: meta(target, 'video') })).id
    const deadline = new Date(second(Date.now()) - 3600_000)
    await backdateUpload(videoId, new Date(deadline.getTime() - 60_000))
    await setDeadline(target, deadline)

    // The video began a minute before the deadline; the photo is begun an hour after it.
    const created = await createUpload(server.current.url, MEMBER_UPLOADS, { length: photo.length, metadata: meta(target, 'photos') })
    expect(created.res.status).toBe(201)
    const photoId = (await uploadFile(server.current.url, MEMBER_UPLOADS, photo, { metadata: meta(target, 'photos') })).id

    // Alone, the late photo does not make the submission in time: the earliest upload decides.
    expect((await postSubmission(server.current.url, validSubmission(target.slug!, { photoUploads: [photoId] }))).status).toBe(409)
    const before = await countStored(server.current.payload)
    const res = await postSubmission(server.current.url, validSubmission(target.slug!, { videoUpload: videoId, photoUploads: [photoId] }))
    expect(res.status).toBe(201)
    expect(await countStored(server.current.payload)).toEqual({ submissions: before.submissions + 1, media: before.media + 1, clips: before.clips + 1 })
  })

  it('is accepted in the grace end second and refused with call_closed the second after', async () => {
    const now = Date.now()
    const inGrace = await createCall(server.current.payload, { opensAt: longAgo() })
    const pastGrace = await createCall(server.current.payload, { opensAt: longAgo() })
    // The grace ends in the current second (+1 s slack for the request to arrive), or ended the second before.
    await setDeadline(inGrace, new Date(second(now) + 1999 - GRACE_MS))
    await setDeadline(pastGrace, new Date(second(now) - 1000 - GRACE_MS))
    const [inTime, late] = await Promise.all([
      createUpload(server.current.url, MEMBER_UPLOADS, { length: photo.length, metadata: meta(inGrace, 'photos') }),
      createUpload(server.current.url, MEMBER_UPLOADS, { length: photo.length, metadata: meta(pastGrace, 'photos') }),
    ])
    expect(inTime.res.status).toBe(201)
    expect(late.res.status).toBe(409)
    expect(((await late.res.json()) as { error: { code: string } }).error.code).toBe('call_closed')
    expect(late.id).toBeUndefined()
  })
})

describe('an upload claimed by another submission between the id check and the content check', () => {
  it('is a 422 on its field naming the upload (UploadNotFound), not an ENOENT', async () => {
    // The intake's own steps, in its order, on real files: the window between them is too short
    // to hit through HTTP on demand, so the other submission's claim is made in between here.
    const { checkUploads, checkUploadedTypes } = await import('../../src/submissions/uploadIds')
    const { claimUpload, readUpload } = await import('../../src/uploads/records')
    const { makeTempDir } = await import('../../src/jobs/tempFiles')
    const target = await createCall(server.current.payload)
    const videoId = (await uploadFile(server.current.url, MEMBER_UPLOADS, video, { metadata: meta(target, 'video') })).id
    const photoId = (await uploadFile(server.current.url, MEMBER_UPLOADS, photo, { metadata: meta(target, 'photos') })).id

    const named = await checkUploads({ video: videoId, photos: [photoId] }, target)
    expect(named.errors).toEqual({})
    const otherSubmission = await makeTempDir('b2c-submission')
    try {
      await claimUpload(videoId, otherSubmission)
      const refused = await checkUploadedTypes(named.uploads).then(
        () => undefined,
        (error: unknown) => error as { status?: number; code?: string; fields?: Record<string, { da: string }> },
      )
      expect({ status: refused?.status, code: refused?.code, fields: Object.keys(refused?.fields ?? {}) }).toEqual({
        status: 422,
        code: 'validation_failed',
        fields: ['videoUpload'],
      })
      expect(refused!.fields!.videoUpload.da).toContain(videoId)
      // The photo the refused submission named is still there for the sender to use.
      expect((await readUpload(photoId))?.finished).toBe(true)
    } finally {
      fs.rmSync(otherSubmission, { recursive: true, force: true })
    }
  })
})
