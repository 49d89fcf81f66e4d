/**
 * Issue #11, item 1: upload creations are rate-limited per IP with a budget of their own
 * (UPLOAD_RATE_LIMIT per 15 minutes, default 60: one submission is at most six uploads).
 * Only creations spend it: resuming (HEAD, PATCH) an upload already begun never hits it.
 */
import fsp from 'node:fs/promises'

import { beforeAll, expect, test } from '@jest/globals'

import { makeTestVideo } from '../helpers/media'
import { useServer } from '../helpers/server'
import { createCall } from '../helpers/submissions'
import { createUpload, headUpload, MEMBER_UPLOADS, sendAll } from '../helpers/tusUpload'

process.env.UPLOAD_RATE_LIMIT = '3'

const server = useServer({ runJobs: false })
let call: string
let video: Buffer

beforeAll(async () => {
  call = (await createCall(server.current.payload)).slug!
  video = await fsp.readFile(await makeTestVideo('limit.mp4'))
})

test('the fourth creation from one address in 15 minutes is 429 with the error shape; resuming still works', async () => {
  const metadata = { filename: 'klip.mp4', call, field: 'video' }
  const created = []
  for (let i = 0; i < 3; i++) {
    const upload = await createUpload(server.current.url, MEMBER_UPLOADS, { length: video.length, metadata })
    expect(upload.res.status).toBe(201)
    created.push(upload)
  }
  const refused = await createUpload(server.current.url, MEMBER_UPLOADS, { length: video.length, metadata })
  expect(refused.res.status).toBe(429)
  expect(refused.res.headers.get('content-type')).toMatch(/^application\/json/)
  expect(await refused.res.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining('uploads') } })

  const last = await sendAll(created[0].url!, video, { chunkSize: 4096 })
  expect(last?.status).toBe(204)
  expect((await headUpload(created[0].url!)).offset).toBe(video.length)
})
