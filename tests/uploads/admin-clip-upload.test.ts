/**
 * Issue #11, item 4, server side: an editor's video uploaded through tus to /api/uploads
 * becomes a clip through POST /api/clips/from-upload (Local API, same hooks and pipeline as
 * Payload's own upload), or replaces the file of an existing clip. Real server over HTTP, real
 * tus uploads, real ffmpeg.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'

import { beforeAll, describe, expect, it } from '@jest/globals'

import type { Clip } from '../../src/payload-types'
import { runVideoQueue } from '../helpers/clips'
import { createPeople, PASSWORD } from '../helpers/fixtures'
import { makeTestVideo } from '../helpers/media'
import { login, useServer, type Client } from '../helpers/server'
import { createCall } from '../helpers/submissions'
import { createUpload, MEMBER_UPLOADS, patchUpload, STAFF_UPLOADS, uploadFile } from '../helpers/tusUpload'

process.env.UPLOAD_RATE_LIMIT = '1000'
const server = useServer({ runJobs: false })
const ENDPOINT = '/api/clips/from-upload'
let video: Buffer
let otherVideo: Buffer
let editor: Client
let member: Client

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')
const auth = (who: Client) => ({ authorization: `JWT ${who.token}` })

/** A finished staff upload of `data`, sent by the editor. */
const staffUpload = async (data: Buffer, filename = 'interview.mp4') =>
  (await uploadFile(server.current.url, STAFF_UPLOADS, data, { metadata: { filename, filetype: 'video/mp4' }, headers: auth(editor) })).id

const record = async (id: string) => (await import('../../src/uploads/records')).readUpload(id)

const processed = async (id: number | string) => {
  await runVideoQueue(server.current.payload)
  return (await server.current.payload.findByID({ collection: 'clips', id, depth: 0, overrideAccess: true })) as Clip
}

const originalSha = async (clip: Clip) => {
  const { originalPath } = await import('../../src/video/paths')
  return sha256(fs.readFileSync(originalPath(clip.filename!)))
}

beforeAll(async () => {
  await createPeople(server.current.payload)
  editor = await login(server.current.url, 'editor@test.dk', PASSWORD)
  member = await login(server.current.url, 'member@test.dk', PASSWORD)
  video = fs.readFileSync(await makeTestVideo('admin-clip-upload.mp4', 2))
  otherVideo = fs.readFileSync(await makeTestVideo('admin-clip-upload-2.mp4', 3))
})

describe('POST /api/clips/from-upload', () => {
  it('makes a finished staff upload a clip (201) that the pipeline processes, from the same bytes, and uses the upload once', async () => {
    const id = await staffUpload(video, 'Interview med Søren.mp4')
    const res = await editor.request(ENDPOINT, { method: 'POST', json: { uploadId: id } })
    expect(res.status).toBe(201)
    const { doc } = (await res.json()) as { doc: Clip }
    expect(doc.title).toBe('Interview med Søren')
    expect(doc.filename).toMatch(/^interview-med-soeren-[0-9a-f]{8}\.mp4$/)
    expect(await record(id)).toBeUndefined()

    const clip = await processed(doc.id)
    expect(clip.processing?.status).toBe('ready')
    expect(clip.renditions?.length).toBeGreaterThan(0)
    expect(await originalSha(clip)).toBe(sha256(video))

    const again = await editor.request(ENDPOINT, { method: 'POST', json: { uploadId: id } })
    expect(again.status).toBe(422)
    expect(((await again.json()) as { error: { code: string; fields: Record<string, string> } }).error).toMatchObject({
      code: 'validation_failed',
      fields: { uploadId: expect.stringContaining(id) },
    })
  })

  it('replaces the file of an existing clip (200) and processes the new one', async () => {
    const first = (await (await editor.request(ENDPOINT, { method: 'POST', json: { uploadId: await staffUpload(video) } })).json()) as { doc: Clip }
    await processed(first.doc.id)
    const res = await editor.request(ENDPOINT, { method: 'POST', json: { uploadId: await staffUpload(otherVideo, 'ny.mp4'), clip: first.doc.id } })
    expect(res.status).toBe(200)
    const clip = await processed(first.doc.id)
    expect(clip.processing?.status).toBe('ready')
    expect(clip.filename).toMatch(/^ny-[0-9a-f]{8}\.mp4$/)
    expect(await originalSha(clip)).toBe(sha256(otherVideo))
  })

  it('is for editors only: a member 403, anonymous 401, and the upload is left as it was', async () => {
    const id = await staffUpload(video)
    const before = await server.current.payload.count({ collection: 'clips', overrideAccess: true })
    const asMember = await member.request(ENDPOINT, { method: 'POST', json: { uploadId: id } })
    expect(asMember.status).toBe(403)
    expect(((await asMember.json()) as { error: { code: string } }).error.code).toBe('forbidden')
    const anonymous = await fetch(`${server.current.url}${ENDPOINT}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ uploadId: id }),
    })
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
    expect((await record(id))?.finished).toBe(true)
    expect(await server.current.payload.count({ collection: 'clips', overrideAccess: true })).toEqual(before)
  })

  it('refuses an unknown id and a member\'s upload with 422, an unfinished one with 409 (kept to be finished)', async () => {
    const unknown = await editor.request(ENDPOINT, { method: 'POST', json: { uploadId: 'doesnotexist123' } })
    expect(unknown.status).toBe(422)

    const call = await createCall(server.current.payload)
    const memberUpload = (await uploadFile(server.current.url, MEMBER_UPLOADS, video, {
      metadata: { filename: 'telefon.mp4', filetype: 'video/mp4', call: call.slug!, field: 'video' },
    })).id
    expect((await editor.request(ENDPOINT, { method: 'POST', json: { uploadId: memberUpload } })).status).toBe(422)
    expect((await record(memberUpload))?.finished).toBe(true)

    const created = await createUpload(server.current.url, STAFF_UPLOADS, { length: video.length, metadata: { filename: 'halv.mp4' }, headers: auth(editor) })
    expect(created.res.status).toBe(201)
    expect((await patchUpload(created.url!, 0, video.subarray(0, 1000), auth(editor))).status).toBe(204)
    const half = await editor.request(ENDPOINT, { method: 'POST', json: { uploadId: created.id } })
    expect(half.status).toBe(409)
    expect(((await half.json()) as { error: { code: string } }).error.code).toBe('upload_not_finished')
    expect(await record(created.id!)).toMatchObject({ offset: 1000, finished: false })
  })
})
