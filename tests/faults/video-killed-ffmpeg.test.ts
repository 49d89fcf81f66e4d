/**
 * Issue #9, items 5 and 4 (posters): an ffmpeg killed by a signal (SIGKILL, as the OOM killer
 * or an operator sends it). The clip must say the encoder stopped (not a stray line of ffmpeg's
 * log), list nothing, and leave nothing on disk; the published folder is never touched by an
 * attempt that has not succeeded; "Behandl igen" while the job waits for its retry replaces it
 * (one clip, one job); two jobs for one clip never transcode side by side.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { beforeAll, expect, test } from '@jest/globals'

import { runVideoQueue } from '../helpers/clips'
import { ffmpegProcesses, isLadder, waitFor } from '../helpers/ffmpegProcesses'
import { createPeople, PASSWORD } from '../helpers/fixtures'
import { login, type Client } from '../helpers/http'
import { expectMediaStoreConsistent } from '../helpers/mediaInvariant'
import { useServer } from '../helpers/server'
import { fileOf } from '../helpers/videoAssertions'

const server = useServer()
const payload = () => server.current.payload
let editor: Client
let source: string

beforeAll(async () => {
  await createPeople(payload())
  editor = await login(server.current.url, 'editor@test.dk', PASSWORD)
  // Web-compatible 720p (the fast path: a remux, then a two-rung ladder long enough to be caught).
  source = path.join(process.env.B2C_TEST_ROOT!, 'killed-720p.mp4')
  await promisify(execFile)('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=8', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=8',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-maxrate', '2500k', '-bufsize', '5M', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', source,
  ])
})

const clipRoot = (id: number | string) => path.join(process.env.MEDIA_DIR!, 'clips', String(id))
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : []
/** Each file with its inode and mtime: a file replaced or rewritten shows up as changed. */
const snapshot = (dir: string) =>
  Object.fromEntries(filesUnder(dir).map((f) => [f, `${fs.statSync(path.join(dir, f)).ino}:${fs.statSync(path.join(dir, f)).mtimeMs}`]))
/** The clip's poster documents: posters are private images made from the clip's frames. */
const posterDocs = async (clipId: number | string) =>
  (await payload().find({ collection: 'media', where: { alt: { like: 'Stillbillede fra videoen' } }, pagination: false, overrideAccess: true })).docs.filter(
    (doc) => (doc.filename ?? '').includes(String(clipId)),
  )
const liveJobs = async (clipId: number | string) =>
  (
    await payload().find({
      collection: 'payload-jobs',
      where: { and: [{ 'input.clipId': { equals: String(clipId) } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] } as never,
      pagination: false,
    })
  ).docs

let clipId: number

test('a SIGKILLed ffmpeg: the clip says the encoder stopped, lists and keeps nothing but its preview, and the published folder was never touched', async () => {
  const clip = await payload().create({ collection: 'clips', data: { title: 'Dræbt koder' } as never, filePath: source })
  clipId = clip.id as number
  await runVideoQueue(payload())
  const ready = await payload().findByID({ collection: 'clips', id: clipId, depth: 0 })
  expect(ready.processing?.status).toBe('ready')
  const publishedDir = path.dirname(fileOf(ready.hlsUrl!))
  const published = snapshot(publishedDir)
  expect(Object.keys(published).length).toBeGreaterThan(3)

  // "Behandl igen" on the ready clip (same source, same version folder), then kill its ladder.
  expect((await editor.request(`/api/clips/${clipId}/reprocess`, { method: 'POST' })).status).toBe(202)
  const run = payload().jobs.run({ queue: 'video', limit: 10 })
  const ladder = await waitFor('the ladder ffmpeg', () => ffmpegProcesses(isLadder)[0], 90_000, 30)
  // While the attempt runs, nothing of it is in the published folder, and ffmpeg writes elsewhere.
  expect(snapshot(publishedDir)).toEqual(published)
  expect(ladder.args.filter((arg) => arg.includes(publishedDir))).toEqual([])
  process.kill(ladder.pid, 'SIGKILL')
  await run

  const failed = await payload().findByID({ collection: 'clips', id: clipId, depth: 0 })
  // Killed after its preview (the remux, issue #12): the clip keeps playing that, with the
  // poster it had (made from the same file), and says why the rest is missing; nothing else of
  // any attempt is shown or kept (no HLS address, no other poster or file).
  expect(failed.processing).toMatchObject({
    status: 'preview',
    error: 'Koderen stoppede uventet (signal SIGKILL)',
    errorEn: 'The encoder stopped unexpectedly (signal SIGKILL)',
  })
  expect(failed.renditions!.map((rendition) => rendition.url)).toEqual([expect.stringMatching(/\/preview-[\w-]+\/720p\.mp4$/)])
  expect(failed.hlsUrl ?? null).toBeNull()
  expect(failed.poster).toBe(ready.poster)
  expect((await posterDocs(clipId)).map((doc) => doc.id)).toEqual([ready.poster])
  expect(filesUnder(clipRoot(clipId))).toEqual([path.relative(clipRoot(clipId), fileOf(failed.renditions![0].url!))])
  await expectMediaStoreConsistent(payload())
}, 240_000)

test('"Behandl igen" while the job waits for its retry replaces that job: one clip, one job', async () => {
  const [waiting] = await liveJobs(clipId)
  expect(waiting).toBeDefined()
  expect(Date.parse(waiting.waitUntil as string)).toBeGreaterThan(Date.now()) // in its back-off

  expect((await editor.request(`/api/clips/${clipId}/reprocess`, { method: 'POST' })).status).toBe(202)
  const live = await liveJobs(clipId)
  expect(live.map((job) => job.id)).toHaveLength(1)
  expect(live[0].id).not.toBe(waiting.id)
  const old = await payload().findByID({ collection: 'payload-jobs', id: waiting.id })
  expect(old).toMatchObject({ hasError: true, error: { cancelled: true } })

  await runVideoQueue(payload())
  const done = await payload().findByID({ collection: 'clips', id: clipId, depth: 0 })
  expect(done.processing?.status).toBe('ready')
  expect(await posterDocs(clipId)).toHaveLength(1)
  await expectMediaStoreConsistent(payload())
}, 240_000)

test('two jobs queued for one clip at once: only one transcodes, the other is cancelled', async () => {
  const clip = await payload().create({ collection: 'clips', data: { title: 'To job' } as never, filePath: source })
  // A second job beside the one the upload queued, as two saves racing each other could make.
  await payload().jobs.queue({ task: 'processClip', queue: 'video', input: { clipId: String(clip.id) } })
  let mostLadders = 0
  let running = true
  const sampler = (async () => {
    while (running) {
      mostLadders = Math.max(mostLadders, ffmpegProcesses(isLadder).length)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  })()
  await payload().jobs.run({ queue: 'video', limit: 10 })
  running = false
  await sampler

  expect(mostLadders).toBe(1)
  const jobs = (
    await payload().find({ collection: 'payload-jobs', where: { 'input.clipId': { equals: String(clip.id) } } as never, sort: 'createdAt' })
  ).docs
  // The one that ran completed (and Payload deleted it); the other stepped aside, cancelled.
  expect(jobs).toHaveLength(1)
  expect(jobs[0]).toMatchObject({ hasError: true, error: { cancelled: true }, totalTried: 0 })
  const done = await payload().findByID({ collection: 'clips', id: clip.id, depth: 0 })
  expect(done.processing?.status).toBe('ready')
  await expectMediaStoreConsistent(payload())
}, 240_000)

test('deleting a clip removes every poster it ever had, also ones no longer referenced', async () => {
  const clip = await payload().findByID({ collection: 'clips', id: clipId, depth: 0 })
  // An earlier poster of the clip that nothing references any more (as a killed attempt or a
  // remake that died between its two saves left them): a copy of the current one.
  const current = await payload().findByID({ collection: 'media', id: clip.poster as number })
  const frame = path.join(process.env.B2C_TEST_ROOT!, current.filename!)
  fs.copyFileSync(path.join(process.env.MEDIA_DIR!, 'images', current.filename!), frame)
  await payload().create({ collection: 'media', data: { alt: current.alt, private: true } as never, filePath: frame })
  expect(await posterDocs(clipId)).toHaveLength(2)
  expect(clip.poster).toBeTruthy()

  expect((await editor.request(`/api/clips/${clipId}`, { method: 'DELETE' })).status).toBe(200)
  expect(await posterDocs(clipId)).toEqual([])
  await expectMediaStoreConsistent(payload())
}, 120_000)
