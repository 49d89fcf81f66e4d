/**
 * Issue #9, item 8: the file of a clip is replaced while `npm run worker` (another process)
 * transcodes the old one. The old job is cancelled at once and its ffmpeg stops; its progress
 * is never shown against the new file; the clip never shows `ready` with the old outputs; in
 * the end only the new file's outputs and poster exist.
 */
import fs from 'node:fs'
import path from 'node:path'

import { expect, test } from '@jest/globals'

import { ffmpegProcesses, isAlive, isLadder, waitFor } from '../helpers/ffmpegProcesses'
import { makeTestVideo, SOURCES } from '../helpers/media'
import { isTranscoding, waitForClipJobsToEnd } from '../helpers/clips'
import { expectMediaStoreConsistent } from '../helpers/mediaInvariant'
import { startWorkerProcess, stopAppProcess } from '../helpers/process'
import { useServer } from '../helpers/server'

const server = useServer()

const startWorker = () => startWorkerProcess({ JOB_LEASE_SECONDS: '20', TRANSCODE_CONCURRENCY: '1' })

test('replacing the file mid-transcode (worker in another process) cancels the old job and nothing of it is shown', async () => {
  const { payload } = server.current
  const clip = await payload.create({ collection: 'clips', data: { title: 'Udskiftes' } as never, filePath: await SOURCES.longLandscape() })
  const read = () => payload.findByID({ collection: 'clips', id: clip.id, depth: 0 })
  const worker = startWorker()
  try {
    await waitFor('the worker to be transcoding the first file', async () => {
      const current = await read()
      return isTranscoding(current.processing) ? true : undefined
    }, 180_000, 200)
    const [oldLadder] = ffmpegProcesses(isLadder)
    expect(oldLadder).toBeDefined()
    const oldJob = (await payload.find({ collection: 'payload-jobs', where: { 'input.clipId': { equals: String(clip.id) } } as never })).docs[0]

    const replaced = await payload.update({ collection: 'clips', id: clip.id, data: {}, filePath: await makeTestVideo('ny-fil.mp4', 2) })
    expect(replaced.processing).toMatchObject({ status: 'queued', progress: 0 })
    expect(await payload.findByID({ collection: 'payload-jobs', id: oldJob.id })).toMatchObject({ hasError: true, error: { cancelled: true } })

    // From the replace on, every state the clip shows belongs to the new 2 s file.
    const seen: { status?: string | null; progress?: number | null; duration?: number | null; hlsUrl?: string | null }[] = []
    const done = await waitFor('the new file to be ready', async () => {
      const current = await read()
      seen.push({ status: current.processing?.status, progress: current.processing?.progress, duration: current.probe?.duration, hlsUrl: current.hlsUrl })
      if (current.processing?.status === 'failed') throw new Error(`clip failed: ${current.processing.error}\n${worker.output()}`)
      return current.processing?.status === 'ready' ? current : undefined
    }, 180_000, 100)
    // The old ffmpeg was stopped, not left to finish on a deleted original.
    expect(isAlive(oldLadder.pid)).toBe(false)
    const oldShown = seen.filter((state) => (state.duration ?? 0) > 10 && (state.status !== 'queued' || (state.progress ?? 0) > 0 || state.hlsUrl))
    expect(oldShown).toEqual([])
    expect(seen.filter((state) => state.status === 'ready').map((state) => state.hlsUrl)).toEqual(
      seen.filter((state) => state.status === 'ready').map(() => done.hlsUrl),
    )
    expect(done.probe?.duration).toBeCloseTo(2, 0)
    // The job tidies up (earlier versions, the preview folder) after saving `ready`.
    await waitForClipJobsToEnd(payload, clip.id, 60_000)
    const root = path.join(process.env.MEDIA_DIR!, 'clips', String(clip.id))
    expect(fs.readdirSync(root)).toEqual([path.basename(path.dirname(done.hlsUrl!))])
    const posters = (await payload.find({ collection: 'media', where: { alt: { like: 'Stillbillede' } }, pagination: false })).docs
    expect(posters.map((poster) => poster.id)).toEqual([done.poster])
  } finally {
    await stopAppProcess(worker.child)
  }
  await expectMediaStoreConsistent(payload)
}, 400_000)
