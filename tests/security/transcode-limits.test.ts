/**
 * Issue #10, item 2: anonymous uploads could buy unlimited transcoding. A half-megabyte video of
 * 16×16 pixels at 1 fps claiming ten hours was accepted and given a time limit of 1.4 million
 * seconds; an hour of 480p too; and editors' uploads waited behind them.
 *
 * Now: a video past its call's `videoMaxMinutes` (or past 8K, or 120 fps) is refused when it
 * arrives (422 with a Danish reason on the video field, nothing stored); the pipeline checks the
 * same limits again at probe time, before any encode, for submitted and staff clips; every job
 * has a fixed wall-clock and CPU ceiling; and submitted clips run on their own queue, after and
 * beside staff uploads, never before them.
 */
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'

import type { Call } from '../../src/payload-types'
import { isTranscoding, runVideoQueue } from '../helpers/clips'
import { clipStates, COSTLY, mostFfmpegsDuring, queuesOfClip } from '../helpers/costlyVideos'
import { ffmpegProcesses, waitFor } from '../helpers/ffmpegProcesses'
import { expectMediaStoreConsistent } from '../helpers/mediaInvariant'
import { startWorkerProcess, type WorkerProcess } from '../helpers/process'
import { useServer } from '../helpers/server'
import { countStored, createCall, postSubmission, submissionForm, validSubmission } from '../helpers/submissions'

const server = useServer()
const payload = () => server.current.payload

let call: Call

beforeAll(async () => {
  // The call's videoMaxMinutes is left to its default: 10 minutes.
  call = await createCall(payload(), { videoMaxMegabytes: 50 })
})

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } }

const clipFiles = (clipId: number | string) => {
  const dir = path.join(process.env.MEDIA_DIR!, 'clips', String(clipId))
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) : []
}

/** A clip's folder holding its preview and nothing else: the preview's folder and its MP4. */
const onlyThePreview = (clip: { renditions?: { url?: string | null }[] | null }) => {
  const [folder, file] = clip.renditions![0].url!.split('/').slice(-2)
  expect(folder).toMatch(/^preview-/)
  return [folder, `${folder}/${file}`]
}

const allJobs = async () => (await payload().find({ collection: 'payload-jobs', pagination: false, overrideAccess: true })).docs

/** Sets environment variables for the duration of `work` (the limits are read when a job runs). */
const withEnv = async <T,>(vars: Record<string, string>, work: () => Promise<T>): Promise<T> => {
  const before = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]))
  Object.assign(process.env, vars)
  try {
    return await work()
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

const submittedClipOf = async (submissionId: string) => {
  const submission = await payload().findByID({ collection: 'submissions', id: submissionId, depth: 0, overrideAccess: true })
  return submission.video as number
}

describe('a submitted video past the call\'s limits is refused when it arrives', () => {
  test('16×16, 1 fps, ten hours: 422 with a Danish reason on the video field; nothing stored, no job, no ffmpeg', async () => {
    const video = await COSTLY.tenHoursTiny()
    const before = await countStored(payload())
    let res: Response | undefined
    const most = await mostFfmpegsDuring(async () => {
      res = await postSubmission(server.current.url, submissionForm(validSubmission(call.slug!), { video }))
      await runVideoQueue(payload())
    })
    expect(res!.status).toBe(422)
    const body = (await res!.json()) as ErrorBody
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.fields?.video).toBe(
      '"ten-hours-16x16.mp4": Videoen varer 10 t. 0 min., men indkaldelsen tager kun imod videoer på højst 10 minutter. Klip den kortere, og send den igen.',
    )
    expect(await countStored(payload())).toEqual(before)
    expect(await allJobs()).toEqual([])
    expect(most).toBe(0)
  })

  test('an hour of 480p: the same, in English when asked', async () => {
    const video = await COSTLY.hour480p()
    const before = await countStored(payload())
    const res = await postSubmission(server.current.url, submissionForm(validSubmission(call.slug!), { video }), { 'accept-language': 'en' })
    expect(res.status).toBe(422)
    expect(((await res.json()) as ErrorBody).error.fields?.video).toBe(
      '"hour-480p.mp4": The video lasts 1 h 0 min, but the call only accepts videos of at most 10 minutes. Cut it shorter and send it again.',
    )
    expect(await countStored(payload())).toEqual(before)
    expect(await allJobs()).toEqual([])
  })
})

describe('the pipeline checks the limits again at probe time, before any encode', () => {
  test('a submitted clip whose call was shortened before it was processed fails with the Danish reason; no ffmpeg starts', async () => {
    const shortened = await createCall(payload(), { videoMaxMegabytes: 50 })
    const res = await postSubmission(server.current.url, submissionForm(validSubmission(shortened.slug!), { video: await COSTLY.twoAndAHalfMinutes() }))
    expect(res.status).toBe(201)
    const clipId = await submittedClipOf(((await res.json()) as { id: string }).id)
    const queuedOn = await queuesOfClip(payload(), clipId)

    // An administrator shortens the call while the clip waits for its turn.
    await payload().update({ collection: 'calls', id: shortened.id, data: { videoMaxMinutes: 1 } as never })
    const most = await mostFfmpegsDuring(() => runVideoQueue(payload()))

    const clip = await payload().findByID({ collection: 'clips', id: clipId, depth: 0, overrideAccess: true })
    expect(clip.processing).toMatchObject({
      status: 'failed',
      error: 'Videoen varer 2 min. 30 sek., men indkaldelsen tager kun imod videoer på højst 1 minut. Klip den kortere, og send den igen.',
      errorEn: 'The video lasts 2 min 30 s, but the call only accepts videos of at most 1 minute. Cut it shorter and send it again.',
    })
    expect(clip.probe?.duration).toBe(150)
    expect(most).toBe(0)
    expect(clipFiles(clipId)).toEqual([])
    // Refused for good: no retry waits.
    expect(await queuesOfClip(payload(), clipId)).toEqual([])
    // It had waited on the submitted clips' own queue.
    expect(queuedOn).toEqual(['video-submitted'])

    // An editor who puts a file of their own on it makes it a staff clip: staff limits, staff queue.
    await payload().update({ collection: 'clips', id: clipId, data: {}, filePath: await COSTLY.small('editors-cut.mp4') })
    expect((await payload().findByID({ collection: 'clips', id: clipId, depth: 0 }) as { origin?: string }).origin).toBe('staff')
    expect(await queuesOfClip(payload(), clipId)).toEqual(['video'])
    await runVideoQueue(payload())
    expect((await payload().findByID({ collection: 'clips', id: clipId, depth: 0 })).processing?.status).toBe('ready')
  })

  test('staff clips: past VIDEO_MAX_MINUTES_STAFF, larger than 8K, above 120 fps — each fails with its reason; no ffmpeg starts', async () => {
    const cases = [
      { file: await COSTLY.hour480p(), error: 'Videoen varer 1 t. 0 min., men videoer må højst vare 30 minutter (VIDEO_MAX_MINUTES_STAFF).', errorEn: 'The video lasts 1 h 0 min, but videos may last at most 30 minutes (VIDEO_MAX_MINUTES_STAFF).' },
      { file: await COSTLY.beyond8k(), error: 'Videoen er 8704×4352 pixel; den største, der kan behandles, er 8K (8192×4320).', errorEn: 'The video is 8704×4352 pixels; the largest that can be processed is 8K (8192×4320).' },
      { file: await COSTLY.fps240(), error: 'Videoen har 240 billeder i sekundet; højst 120 kan behandles.', errorEn: 'The video has 240 frames per second; at most 120 can be processed.' },
    ]
    await withEnv({ VIDEO_MAX_MINUTES_STAFF: '30' }, async () => {
      const ids: (number | string)[] = []
      for (const { file } of cases) ids.push((await payload().create({ collection: 'clips', data: { title: path.basename(file) } as never, filePath: file })).id)
      for (const id of ids) expect(await queuesOfClip(payload(), id)).toEqual(['video'])
      const most = await mostFfmpegsDuring(() => runVideoQueue(payload()))
      expect(most).toBe(0)
      for (const [i, id] of ids.entries()) {
        const clip = await payload().findByID({ collection: 'clips', id, depth: 0 })
        expect(clip.processing).toMatchObject({ status: 'failed', error: cases[i].error, errorEn: cases[i].errorEn })
        expect(clipFiles(id)).toEqual([])
      }
    })
  })
})

describe('every job has a fixed wall-clock and CPU ceiling besides the proportional one', () => {
  let busy: string
  beforeAll(async () => {
    // 20 s of 720p picture: a remux, then a two-rung ladder that takes many seconds on any machine.
    busy = await COSTLY.busy720p(20)
  })

  test('TRANSCODE_MAX_SECONDS: the encode is stopped at the ceiling, the clip says why, nothing but its preview is left, no retry', async () => {
    await withEnv({ TRANSCODE_MAX_SECONDS: '2' }, async () => {
      const clip = await payload().create({ collection: 'clips', data: { title: 'Vægur' } as never, filePath: busy })
      await runVideoQueue(payload())
      const failed = await payload().findByID({ collection: 'clips', id: clip.id, depth: 0 })
      // Stopped after its preview (the remux, issue #12), which it keeps playing.
      expect(failed.processing).toMatchObject({
        status: 'preview',
        error: 'Behandlingen nåede den faste grænse på 2 sek. pr. job og blev stoppet (TRANSCODE_MAX_SECONDS)',
        errorEn: 'Processing reached the fixed limit of 2 s per job and was stopped (TRANSCODE_MAX_SECONDS)',
      })
      expect(failed.renditions).toHaveLength(1)
      expect(ffmpegProcesses()).toEqual([])
      expect(clipFiles(clip.id)).toEqual(onlyThePreview(failed))
      expect(await queuesOfClip(payload(), clip.id)).toEqual([])
    })
  })

  test('TRANSCODE_MAX_CPU_SECONDS: ffmpeg is stopped once it has used that much CPU time, with its own reason', async () => {
    await withEnv({ TRANSCODE_MAX_CPU_SECONDS: '1.5' }, async () => {
      const clip = await payload().create({ collection: 'clips', data: { title: 'CPU' } as never, filePath: busy })
      await runVideoQueue(payload())
      const failed = await payload().findByID({ collection: 'clips', id: clip.id, depth: 0 })
      expect(failed.processing).toMatchObject({
        status: 'preview',
        error: 'Koderen brugte den faste grænse på 1,5 sekunders CPU-tid op og blev stoppet (TRANSCODE_MAX_CPU_SECONDS)',
        errorEn: 'The encoder used up the fixed limit of 1.5 seconds of CPU time and was stopped (TRANSCODE_MAX_CPU_SECONDS)',
      })
      expect(ffmpegProcesses()).toEqual([])
      expect(clipFiles(clip.id)).toEqual(onlyThePreview(failed))
      expect(await queuesOfClip(payload(), clip.id)).toEqual([])
    })
    await expectMediaStoreConsistent(payload())
  })
})

describe('submitted clips never delay staff uploads', () => {
  let worker: WorkerProcess | undefined
  const startWorker = () => startWorkerProcess({ TRANSCODE_CONCURRENCY: '1' })
  afterAll(async () => {
    if (!worker) return
    worker.child.kill('SIGTERM')
    await worker.exited
  })

  test('a staff clip queued after a submitted one is transcoded first', async () => {
    const res = await postSubmission(server.current.url, submissionForm(validSubmission(call.slug!), { video: await COSTLY.small('submitted-first.mp4') }))
    expect(res.status).toBe(201)
    const submitted = await submittedClipOf(((await res.json()) as { id: string }).id)
    const staff = (await payload().create({ collection: 'clips', data: { title: 'Redaktionens' } as never, filePath: await COSTLY.small('staff-second.mp4') })).id

    // Both wait; then a worker with one transcode at a time starts.
    worker = startWorker()
    const seen: Record<string, string | null | undefined>[] = []
    await waitFor('both clips to be ready', async () => {
      const states = await clipStates(payload(), [submitted, staff])
      const snapshot = { submitted: states[String(submitted)]?.status, staff: states[String(staff)]?.status }
      seen.push(snapshot)
      if (snapshot.submitted === 'failed' || snapshot.staff === 'failed') throw new Error(`a clip failed: ${JSON.stringify(states)}\n${worker!.output()}`)
      return snapshot.submitted === 'ready' && snapshot.staff === 'ready' ? true : undefined
    }, 180_000, 50)
    // The submitted clip left the queue only once the staff clip was done.
    expect(seen.find((snapshot) => snapshot.submitted !== 'queued' && snapshot.staff !== 'ready')).toBeUndefined()
    expect(seen.some((snapshot) => snapshot.staff === 'ready' && snapshot.submitted === 'queued')).toBe(true)
  }, 240_000)

  test('a staff clip uploaded while a submitted one transcodes starts at once, beside it, and is done first', async () => {
    worker ??= startWorker()
    const res = await postSubmission(server.current.url, submissionForm(validSubmission(call.slug!), { video: await COSTLY.busy720p(30, 'submitted-long.mp4') }))
    expect(res.status).toBe(201)
    const submitted = await submittedClipOf(((await res.json()) as { id: string }).id)
    await waitFor('the submitted clip to be transcoding', async () => {
      const state = (await clipStates(payload(), [submitted]))[String(submitted)]
      return isTranscoding(state) ? true : undefined
    }, 120_000, 100)

    const staff = (await payload().create({ collection: 'clips', data: { title: 'Haster' } as never, filePath: await COSTLY.small('staff-urgent.mp4') })).id
    const whenStaffReady = await waitFor('the staff clip to be ready', async () => {
      const states = await clipStates(payload(), [submitted, staff])
      if (states[String(staff)]?.status === 'failed') throw new Error(`staff clip failed: ${states[String(staff)]?.error}`)
      return states[String(staff)]?.status === 'ready' ? states : undefined
    }, 120_000, 50)
    // It did not wait for the anonymous transcode to end.
    expect(['processing', 'preview']).toContain(whenStaffReady[String(submitted)]?.status)

    // Deleting the submitted clip cancels its job: the worker's ffmpeg stops within a second.
    await payload().delete({ collection: 'clips', id: submitted })
    await waitFor('no ffmpeg left', () => (ffmpegProcesses().length === 0 ? true : undefined), 30_000)
  }, 240_000)
})
