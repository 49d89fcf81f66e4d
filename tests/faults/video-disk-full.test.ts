/**
 * Issue #9, item 6: MEDIA_DIR on a real 60 MB tmpfs (we run as root here and in CI; where
 * mounting is not allowed the tests say so and do nothing). A clip that cannot fit fails at
 * once with "Disken er fuld" ("The disk is full" in English), before any encoding; a disk that fills up
 * during the encode is recognised too; either way nothing of the attempt stays on the disk,
 * the retry waits minutes instead of seconds, and /healthz warns about the low disk.
 */
import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, expect, test } from '@jest/globals'

import { ffmpegProcesses, isLadder, waitFor } from '../helpers/ffmpegProcesses'
import { expectMediaStoreConsistent } from '../helpers/mediaInvariant'
import { useServer } from '../helpers/server'

const mediaDir = process.env.MEDIA_DIR!
let mounted = false
beforeAll(() => {
  fs.mkdirSync(mediaDir, { recursive: true })
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=60m', 'tmpfs', mediaDir], { stdio: 'pipe' })
    mounted = true
  } catch (error) {
    console.warn(`video-disk-full: SKIPPED, cannot mount a tmpfs here (${String((error as Error).message).split('\n')[0]})`)
  }
})
const server = useServer()
afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', mediaDir])
})
const payload = () => server.current.payload

const make = async (name: string, args: string[]) => {
  const file = path.join(process.env.B2C_TEST_ROOT!, name)
  await promisify(execFile)('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, file])
  return file
}
const clipFiles = (id: number | string) => {
  const dir = path.join(mediaDir, 'clips', String(id))
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) : []
}
const onlyJob = async (clipId: number | string) => {
  const { docs } = await payload().find({ collection: 'payload-jobs', where: { 'input.clipId': { equals: String(clipId) } } as never })
  expect(docs).toHaveLength(1)
  return docs[0]
}
/** The retry of a disk-full failure waits minutes: the attempts are not burnt in a minute. */
const expectLongBackOff = (job: { totalTried?: number | null; hasError?: boolean | null; waitUntil?: string | null }) => {
  expect(job).toMatchObject({ totalTried: 1, hasError: false })
  expect(Date.parse(job.waitUntil!) - Date.now()).toBeGreaterThan(4 * 60_000)
}

test('a 17 MB clip on a 60 MB disk fails at once with "the disk is full", keeps nothing, backs off; /healthz warns', async () => {
  if (!mounted) return
  // About 17 MB of web-compatible 1080p H.264 with grain, like a camera's (so the ladder's
  // outputs really reach their bitrate caps): its remux and ladder cannot fit beside it.
  const source = await make('stor-1080p.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=18', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=18',
    '-vf', 'noise=alls=30:allf=t', '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '7M', '-maxrate', '7M', '-bufsize', '14M',
    '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
  ])
  expect(fs.statSync(source).size).toBeGreaterThan(14 * 1024 * 1024)
  const clip = await payload().create({ collection: 'clips', data: { title: 'Fuld disk' } as never, filePath: source })
  await payload().jobs.run({ queue: 'video', limit: 10 })

  const failed = await payload().findByID({ collection: 'clips', id: clip.id, depth: 0 })
  expect(failed.processing?.status).toBe('failed')
  expect(failed.processing).toMatchObject({ error: expect.stringMatching(/^Disken er fuld(: |$)/), errorEn: expect.stringMatching(/^The disk is full(: |$)/) })
  expect(failed.renditions).toEqual([])
  expect(failed.hlsUrl ?? null).toBeNull()
  expect(clipFiles(clip.id)).toEqual([])
  expectLongBackOff(await onlyJob(clip.id))
  await expectMediaStoreConsistent(payload())

  process.env.DISK_LOW_MEGABYTES = '100'
  try {
    const res = await fetch(`${server.current.url}/healthz`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { status: string; warnings: { code: string; freeMegabytes: number }[] }
    expect(body.status).toBe('ok')
    expect(body.warnings).toEqual([expect.objectContaining({ code: 'low_disk', thresholdMegabytes: 100 })])
    expect(body.warnings[0].freeMegabytes).toBeLessThan(60)
    process.env.DISK_LOW_MEGABYTES = '1'
    expect(((await (await fetch(`${server.current.url}/healthz`)).json()) as { warnings: unknown[] }).warnings).toEqual([])
  } finally {
    delete process.env.DISK_LOW_MEGABYTES
  }
}, 180_000)

test('a disk that fills up during the encode: "the disk is full", nothing left of the attempt, a long back-off', async () => {
  if (!mounted) return
  const source = await make('lille-720p.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=8', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=8',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
  ])
  const clip = await payload().create({ collection: 'clips', data: { title: 'Fyldes op' } as never, filePath: source })
  const run = payload().jobs.run({ queue: 'video', limit: 10 })
  // Once the estimate has let the attempt start, something else takes the rest of the disk.
  await waitFor('the ladder ffmpeg', () => ffmpegProcesses(isLadder)[0], 90_000, 30)
  const filler = path.join(mediaDir, 'fyld.bin')
  const chunk = Buffer.alloc(1024 * 1024)
  try {
    for (;;) fs.appendFileSync(filler, chunk)
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
  }
  await run
  fs.rmSync(filler)

  const failed = await payload().findByID({ collection: 'clips', id: clip.id, depth: 0 })
  expect(failed.processing).toMatchObject({
    status: 'failed',
    error: expect.stringMatching(/^Disken er fuld(: |$)/),
    errorEn: expect.stringMatching(/^The disk is full(: |$)/),
  })
  expect(failed.renditions).toEqual([])
  expect(clipFiles(clip.id)).toEqual([])
  expectLongBackOff(await onlyJob(clip.id))
  await expectMediaStoreConsistent(payload())
}, 180_000)
