/**
 * Issue #11, item 1: the expiry of tus uploads is a job on the `housekeeping` queue, run by the
 * process's own runner. Uploads aged past UPLOAD_EXPIRY_HOURS (their info and bytes dated back,
 * since nobody waits a day) are deleted by it with their files; a fresh one stays; a second
 * request while one waits queues nothing more.
 */
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'

import { beforeAll, expect, test } from '@jest/globals'

import { makeTestVideo } from '../helpers/media'
import { useServer } from '../helpers/server'
import { createCall } from '../helpers/submissions'
import { backdateUpload, createUpload, MEMBER_UPLOADS, patchUpload, uploadFile } from '../helpers/tusUpload'
import { uploadsDir } from '../../src/uploads/paths'
import { readUpload } from '../../src/uploads/records'
import { EXPIRE_UPLOADS_TASK, queueUploadExpiry } from '../../src/uploads/expiryTask'

process.env.UPLOAD_RATE_LIMIT = '1000'

const server = useServer({ runJobs: true })
let call: string
let video: Buffer

beforeAll(async () => {
  call = (await createCall(server.current.payload, { videoMaxMegabytes: 50 })).slug!
  video = await fsp.readFile(await makeTestVideo('expiry-job.mp4'))
})

const metadata = () => ({ filename: 'klip.mp4', filetype: 'video/mp4', call, field: 'video' })
const DAY_AND_AN_HOUR_AGO = () => new Date(Date.now() - 25 * 3_600_000)

/** Dates an upload back past the expiry: its creation (unfinished) and its last byte (finished). */
const ageUpload = async (id: string) => {
  await backdateUpload(id, DAY_AND_AN_HOUR_AGO())
  await fsp.utimes(path.join(uploadsDir('member'), id), DAY_AND_AN_HOUR_AGO(), DAY_AND_AN_HOUR_AGO())
}

const waitUntilNoExpiryJobWaits = async () => {
  const until = Date.now() + 60_000
  while ((await expiryJobs()).totalDocs > 0) {
    if (Date.now() > until) throw new Error('the expiry job did not run within a minute')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const expiryJobs = () =>
  server.current.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: EXPIRE_UPLOADS_TASK } }, sort: '-createdAt', overrideAccess: true, depth: 0 })

test('a queued expiry job deletes aged uploads with their files, keeps fresh ones, and leaves no job behind', async () => {
  const { payload } = server.current
  const finishedOld = await uploadFile(server.current.url, MEMBER_UPLOADS, video, { metadata: metadata() })
  const unfinishedOld = await createUpload(server.current.url, MEMBER_UPLOADS, { length: video.length, metadata: metadata() })
  await patchUpload(unfinishedOld.url!, 0, video.subarray(0, 4000))
  const fresh = await uploadFile(server.current.url, MEMBER_UPLOADS, video, { metadata: metadata() })
  await ageUpload(finishedOld.id)
  await ageUpload(unfinishedOld.id!)

  // The start-up sweep queued a run already (it found nothing old then): wait until it is done.
  await waitUntilNoExpiryJobWaits()

  expect(await queueUploadExpiry(payload)).toBe(true)
  // Done jobs are deleted (Payload's default): none left means it ran without an error.
  await waitUntilNoExpiryJobWaits()
  expect((await expiryJobs()).docs.filter((job) => job.hasError)).toEqual([])

  expect(await readUpload(finishedOld.id)).toBeUndefined()
  expect(await readUpload(unfinishedOld.id!)).toBeUndefined()
  const left = fs.readdirSync(uploadsDir('member'))
  expect(left.filter((name) => name.startsWith(finishedOld.id) || name.startsWith(unfinishedOld.id!))).toEqual([])
  expect(await readUpload(fresh.id)).toMatchObject({ finished: true })
})

test('while an expiry job waits, asking again queues no second one', async () => {
  const { payload } = server.current
  // Queued straight on the queue, without a kick, so it is still waiting when asked again.
  await payload.jobs.queue({ task: EXPIRE_UPLOADS_TASK, input: {}, queue: 'housekeeping', overrideAccess: true } as never)
  expect(await queueUploadExpiry(payload)).toBe(false)
  await waitUntilNoExpiryJobWaits()
})
