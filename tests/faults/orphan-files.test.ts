/**
 * Issue #9, items 3 (b) and 4: what crashes leave in MEDIA_DIR and in the clip queue.
 * - Files no document names (a photo whose submission never got stored, a zero-byte poster, a
 *   killed attempt's work folder, an old version's rendition) are removed by the process that
 *   runs jobs, at start, once older than ORPHAN_GRACE_MINUTES; a younger one is left alone.
 * - A document whose file is missing is reported in the log, not changed.
 * - A clip left `queued` with no job (its process died between writing the clip and queueing
 *   the job) gets a job and is processed.
 * Afterwards the store holds the invariant: every file named by a document, every named file there.
 */
import fs from 'node:fs'
import path from 'node:path'

import { expect, test } from '@jest/globals'
import sharp from 'sharp'

import { inspectMediaStore } from '../../src/jobs/mediaInventory'
import { sweepOrphanFiles } from '../../src/jobs/orphanSweep'
import { makeTestVideo } from '../helpers/media'
import { expectMediaStoreConsistent } from '../helpers/mediaInvariant'
import { startWorkerProcess } from '../helpers/process'
import { useServer } from '../helpers/server'

const server = useServer({ runJobs: false })
const media = (...parts: string[]) => path.join(process.env.MEDIA_DIR!, ...parts)

const startWorker = () => startWorkerProcess({ ORPHAN_GRACE_MINUTES: '0', JOB_LEASE_SECONDS: '2' })

const waitFor = async (what: string, probe: () => Promise<boolean>, output: () => string, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`timed out waiting for ${what}\n${output()}`)
}

const photoFile = async (name: string) => {
  const file = path.join(process.env.B2C_TEST_ROOT!, name)
  await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2a7' } }).jpeg().toFile(file)
  return file
}

test('the worker sweeps files no document names, reports documents without files, and gives a job to a clip left without one', async () => {
  const { payload } = server.current
  const photo = await payload.create({ collection: 'media', data: { alt: 'Cykelværkstedet' }, filePath: await photoFile('vaerksted.jpg') })
  const lost = await payload.create({ collection: 'media', data: { alt: 'Mistet' }, filePath: await photoFile('mistet.jpg') })
  fs.rmSync(media('images', lost.filename!))

  // The process that wrote this clip died before it queued the clip's job.
  const clip = await payload.create({ collection: 'clips', data: { title: 'Uden job' } as never, filePath: await makeTestVideo('uden-job.mp4') })
  await payload.db.deleteMany({ collection: 'payload-jobs', where: { 'input.clipId': { equals: String(clip.id) } } as never })
  expect((await payload.findByID({ collection: 'clips', id: clip.id })).processing?.status).toBe('queued')

  const debris = [
    'images/plakat-99.jpg', // a zero-byte poster with no row
    'images/foto-3.jpg', // a submission's photo whose document was never written
    'originals/afbrudt.mp4', // an original whose clip was never written
    `clips/${clip.id}/0123456789abcdef/720p.mp4`, // an old version nobody names
    `clips/${clip.id}/.work-0123456789abcdef-999999999-1/720p_000.m4s`, // a killed attempt's work (no such pid)
  ]
  for (const file of debris) {
    fs.mkdirSync(path.dirname(media(file)), { recursive: true })
    fs.writeFileSync(media(file), file.includes('plakat') ? '' : 'partial')
  }

  const before = await inspectMediaStore(payload)
  expect(before.orphanFiles).toEqual([...debris].sort())
  expect(before.missingFiles).toEqual([{ collection: 'media', id: lost.id, file: `images/${lost.filename}` }])

  // Within the grace period nothing is removed: it may be an upload or a transcode in progress.
  expect((await sweepOrphanFiles(payload, { graceMinutes: 60 })).removed).toEqual([])
  for (const file of debris) expect(fs.existsSync(media(file))).toBe(true)

  const worker = startWorker()
  try {
    await waitFor('the debris to be swept', async () => debris.every((file) => !fs.existsSync(media(file))), worker.output)
    await waitFor(
      'the clip left without a job to be processed',
      async () => (await payload.findByID({ collection: 'clips', id: clip.id })).processing?.status === 'ready',
      worker.output,
    )
    // …and its job has finished (the attempt tidies its own folders after saying ready).
    await waitFor(
      'the clip job to finish',
      async () => {
        const { docs } = await payload.find({ collection: 'payload-jobs', where: { 'input.clipId': { equals: String(clip.id) } } as never })
        return docs.every((job) => job.completedAt)
      },
      worker.output,
    )
    expect(worker.output()).toMatch(new RegExp(`Clip ${clip.id} was queued with no job`))
    expect(worker.output()).toContain(`media ${lost.id} names images/${lost.filename}, which is missing`)
  } finally {
    worker.child.kill('SIGTERM')
    await new Promise((resolve) => worker.child.once('exit', resolve))
  }

  // The photo's own files were never at risk; the lost document is still there for a person to decide.
  expect(fs.existsSync(media('images', photo.filename!))).toBe(true)
  await payload.findByID({ collection: 'media', id: lost.id })
  await payload.delete({ collection: 'media', id: lost.id })
  await expectMediaStoreConsistent(payload)
}, 240_000)
