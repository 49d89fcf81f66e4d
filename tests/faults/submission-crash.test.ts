/**
 * Issue #9, item 3: a web process killed in the middle of storing a submission. Killed after
 * the video and photo are written but before the transaction commits, nothing of it may remain
 * (no clip left `queued` without a job, no original without a document); killed right after
 * the commit, before the 201 went out, all of it is there: submission, clip with its pipeline
 * job, photo, and both mail jobs.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { getPayload, type Payload } from 'payload'

import { inspectMediaStore } from '../../src/jobs/mediaInventory'
import config from '../../src/payload.config'
import { startApiProcess } from '../helpers/apiProcess'
import { waitForClipJobsToEnd } from '../helpers/clips'
import { makeTestVideo } from '../helpers/media'
import { expectMediaStoreConsistent } from '../helpers/mediaInvariant'
import { makeTestPhoto } from '../helpers/photos'
import { stopAppProcess, type AppProcess } from '../helpers/process'
import { countStored, createCall, postSubmission, submissionForm, validSubmission } from '../helpers/submissions'

let payload: Payload
let callSlug: string
let video: string
let photo: string
const running: AppProcess[] = []

beforeAll(async () => {
  payload = await getPayload({ config })
  callSlug = (await createCall(payload)).slug!
  video = await makeTestVideo('crash.mp4', 2)
  photo = await makeTestPhoto('foto.jpg')
}, 120_000)

afterAll(async () => {
  for (const app of running) if (app.child.exitCode === null) await stopAppProcess(app.child)
  await payload?.destroy()
})

const env = (extra: Record<string, string> = {}) => ({ ...process.env, SEED_DEMO: 'false', RUN_JOBS: 'false', ...extra })

/** Sends one submission to a process set to kill itself at `point`; the request then fails. */
const submitAndCrash = async (point: string, title: string) => {
  const app = await startApiProcess(env({ B2C_FAULT_POINT: point }))
  running.push(app)
  const exited = new Promise((resolve) => app.child.once('exit', (_code, signal) => resolve(signal)))
  const answer = await postSubmission(app.url, submissionForm(validSubmission(callSlug, { title }), { photos: [photo], video })).then(
    (res) => `answered ${res.status}`,
    () => 'connection lost',
  )
  expect(answer).toBe('connection lost')
  expect(await exited).toBe('SIGKILL')
}

/** A restart that runs the clean-up (orphan files at once) and the queue, as a worker would. */
const restartAndSweep = async () => {
  const app = await startApiProcess(env({ RUN_JOBS: 'true', ORPHAN_GRACE_MINUTES: '0' }))
  running.push(app)
  return app
}

const jobsFor = async (task: string, key: string, value: string) =>
  (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: task }, [key]: { equals: value } } as never, depth: 0, overrideAccess: true })).docs

test('killed before the commit: nothing of the submission remains, files included', async () => {
  const before = await countStored(payload)
  await submitAndCrash('submission-before-commit', 'Afbrudt før commit')
  expect(await countStored(payload)).toEqual(before)
  const { docs: clips } = await payload.find({ collection: 'clips', depth: 0, overrideAccess: true })
  expect(clips).toEqual([]) // no clip left `queued` with no job

  // The files written before the crash are debris now; the restarted process sweeps them.
  expect((await inspectMediaStore(payload)).orphanFiles.length).toBeGreaterThan(0)
  const app = await restartAndSweep()
  try {
    const deadline = Date.now() + 60_000
    while ((await inspectMediaStore(payload)).orphanFiles.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    await expectMediaStoreConsistent(payload)
  } finally {
    await stopAppProcess(app.child)
  }
}, 240_000)

test('killed right after the commit: the submission is whole, with its clip job and its mails', async () => {
  await submitAndCrash('submission-committed', 'Afbrudt efter commit')
  const { docs } = await payload.find({ collection: 'submissions', where: { title: { equals: 'Afbrudt efter commit' } }, depth: 0, overrideAccess: true })
  expect(docs).toHaveLength(1)
  const submission = docs[0]
  expect(submission.photos).toHaveLength(1)
  expect(submission.video).toBeTruthy()
  const mails = await jobsFor('sendSubmissionMail', 'input.submissionId', String(submission.id))
  expect(mails.map((job) => (job.input as { kind: string }).kind).sort()).toEqual(['alert', 'receipt'])
  expect(await jobsFor('processClip', 'input.clipId', String(submission.video))).toHaveLength(1)

  // The next process finishes what the 201 promised.
  const app = await restartAndSweep()
  try {
    const deadline = Date.now() + 120_000
    let status: string | null | undefined
    while (Date.now() < deadline) {
      status = (await payload.findByID({ collection: 'clips', id: submission.video as number, depth: 0, overrideAccess: true })).processing?.status
      if (status === 'ready' || status === 'failed') break
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    expect(status).toBe('ready')
    // The media store is looked at once the job has ended: it removes the preview folder right
    // after the save that makes the clip ready (seen once in CI under load, as in preview-first).
    await waitForClipJobsToEnd(payload, submission.video as number)
    await expectMediaStoreConsistent(payload)
  } finally {
    await stopAppProcess(app.child)
  }
}, 300_000)
