import type { Payload, Where } from 'payload'

import { claimJob } from './claimJob'

/** Jobs of `queue` due to run that no process has taken (one waiting for its retry back-off is not due), as Payload picks them. */
export const dueJobs = (queue: string): Where => ({
  and: [
    { queue: { equals: queue } },
    { completedAt: { exists: false } },
    { hasError: { not_equals: true } },
    { processing: { equals: false } },
    { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than: new Date().toISOString() } }] },
  ],
})

/**
 * One pass over a queue, as `payload.jobs.run({ queue, limit })` would make it, except that a job
 * runs here only once this process has claimed it (src/jobs/claimJob.ts): with several workers
 * on one database, each due job is run by exactly one of them. Oldest first, up to `limit` at
 * once. Returns whether the queue had due jobs (taken by us or by another process).
 */
export const runClaimedJobs = async (payload: Payload, queue: string, limit: number): Promise<{ found: boolean }> => {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: dueJobs(queue),
    sort: 'createdAt',
    // A few more than we may run: some may be taken by another worker between the read and the claim.
    limit: limit * 2,
    depth: 0,
    overrideAccess: true,
  })
  const claimed: (number | string)[] = []
  for (const job of docs) {
    if (claimed.length >= limit) break
    if (await claimJob(payload, job.id)) claimed.push(job.id)
  }
  // Payload runs a job named by id whatever its flag says: ours is already set, by us.
  await Promise.all(claimed.map((id) => payload.jobs.runByID({ id })))
  return { found: docs.length > 0 }
}
