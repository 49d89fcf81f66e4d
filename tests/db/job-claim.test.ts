/**
 * Exactly one runner per job (issue #13, item 3): Payload 3.90 reads a job and marks it taken
 * afterwards, so two workers polling one queue could both run it. Ours claims each job with a
 * compare-and-set the database decides (src/jobs/claimJob.ts), and the lease hands a job back
 * only while it is still stale. Runs on SQLite and PostgreSQL (.ci/run's list).
 */
import { expect, test } from '@jest/globals'

import { claimJob, releaseStaleJob } from '../../src/jobs/claimJob'
import { runClaimedJobs } from '../../src/jobs/runClaimedJobs'
import { EXPIRE_UPLOADS_TASK, HOUSEKEEPING_QUEUE } from '../../src/uploads/expiryTask'
import { useServer } from '../helpers/server'

const server = useServer()

const queueJob = async () =>
  (await server.current.payload.jobs.queue({ task: EXPIRE_UPLOADS_TASK, input: {}, queue: HOUSEKEEPING_QUEUE, overrideAccess: true } as never)).id

test('a free job is claimed by exactly one of several callers at once, and handed back only while stale', async () => {
  const { payload } = server.current
  const id = await queueJob()
  const outcomes = await Promise.all(Array.from({ length: 6 }, () => claimJob(payload, id)))
  expect(outcomes.filter(Boolean)).toHaveLength(1)
  expect(await claimJob(payload, id)).toBe(false)

  // Its runner beat a moment ago: not stale, so not handed back.
  expect(await releaseStaleJob(payload, id, new Date(Date.now() - 60_000).toISOString())).toBe(false)
  // Stale by a later cut-off: handed back once, whoever else sweeps at the same time.
  const later = new Date(Date.now() + 60_000).toISOString()
  expect((await Promise.all([releaseStaleJob(payload, id, later), releaseStaleJob(payload, id, later)])).filter(Boolean)).toHaveLength(1)
  expect(await claimJob(payload, id)).toBe(true)
})

test('two runners passing over one queue at the same moment run each job exactly once', async () => {
  const { payload } = server.current
  // Jobs that fail (their clip does not exist) stay with their log: one entry a run. Completed
  // jobs are deleted, so they could not tell how often they ran.
  const queue = 'claim-test'
  const ids: (number | string)[] = []
  for (let i = 0; i < 4; i++) {
    ids.push((await payload.jobs.queue({ task: 'processClip', input: { clipId: `99999${i}` }, queue, overrideAccess: true } as never)).id)
  }
  await Promise.all([runClaimedJobs(payload, queue, 10), runClaimedJobs(payload, queue, 10)])
  for (const id of ids) {
    const job = await payload.findByID({ collection: 'payload-jobs', id, depth: 0, overrideAccess: true })
    expect(job.totalTried).toBe(1)
    expect((job.log ?? []).map((entry) => entry.state)).toEqual(['failed'])
  }
})
