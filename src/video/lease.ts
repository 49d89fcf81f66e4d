import type { Payload } from 'payload'

import { releaseStaleJob } from '../jobs/claimJob'

/**
 * Payload 3.90's queue marks a job `processing` and never looks back: if the process running
 * it dies, the job stays taken forever. We add a lease: a running job's heartbeat refreshes
 * its `updatedAt`, and a job that is `processing` without a heartbeat for longer than the
 * lease is handed back to the queue.
 */
export const leaseSeconds = () => {
  const value = Number(process.env.JOB_LEASE_SECONDS)
  return Number.isFinite(value) && value > 0 ? value : 60
}

const JOBS = 'payload-jobs'

/** Keeps a running job's lease fresh; call the returned function when the job ends. */
export const startHeartbeat = (payload: Payload, jobId: number | string | undefined): (() => void) => {
  if (jobId === undefined) return () => {}
  const beat = () =>
    payload.db
      .updateOne({ collection: JOBS, id: jobId, data: { updatedAt: new Date().toISOString() } })
      .catch((error: unknown) => payload.logger.warn({ err: error }, `heartbeat for job ${jobId} failed`))
  const timer = setInterval(beat, Math.max(1000, (leaseSeconds() * 1000) / 4))
  timer.unref()
  return () => clearInterval(timer)
}

/** Hands jobs whose process died back to the queue; returns how many were released. */
export const releaseStaleJobs = async (payload: Payload): Promise<number> => {
  const before = new Date(Date.now() - leaseSeconds() * 1000).toISOString()
  const { docs } = await payload.find({
    collection: JOBS,
    where: { and: [{ processing: { equals: true } }, { updatedAt: { less_than: before } }] },
    limit: 100,
    depth: 0,
    overrideAccess: true,
  })
  let released = 0
  for (const job of docs) {
    // Only while it is still that stale: two processes sweeping at once, or a worker that took
    // the job again in between, must not see it handed back twice.
    if (!(await releaseStaleJob(payload, job.id, before))) continue
    released++
    payload.logger.warn(`Job ${job.id} (${String(job.taskSlug)}) lost its worker; handed back to the queue`)
  }
  return released
}

/** Releases stale jobs now and every half lease, for as long as this process runs jobs. */
export const watchLeases = (payload: Payload): (() => void) => {
  const sweep = () => releaseStaleJobs(payload).catch((error) => payload.logger.error({ err: error }, 'lease sweep failed'))
  void sweep()
  const timer = setInterval(sweep, (leaseSeconds() * 1000) / 2)
  timer.unref()
  return () => clearInterval(timer)
}
