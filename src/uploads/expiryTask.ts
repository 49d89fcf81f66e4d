import type { Payload, TaskConfig } from 'payload'

import { readEnv } from '../config/env'
import { createQueueRunner } from '../jobs/queueRunner'
import { expireUploads } from './expiry'

export const HOUSEKEEPING_QUEUE = 'housekeeping'
export const EXPIRE_UPLOADS_TASK = 'expireUploads'

/**
 * The expiry of tus uploads as a job on the `housekeeping` queue (issue #11): one process at a
 * time does it, and every run is on record in the jobs list with how many files it removed or
 * why it failed. The work itself (expiry.ts) is idempotent, so a second job queued by another
 * process in the same moment only finds nothing left to do.
 */
export const expireUploadsTask = {
  slug: EXPIRE_UPLOADS_TASK,
  label: 'Slet udløbne overførsler',
  outputSchema: [{ name: 'removed', type: 'number' }],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
  handler: async ({ req }) => {
    const removed = await expireUploads(req.payload, { expiryHours: readEnv().uploadExpiryHours })
    return { output: { removed: removed.length } }
  },
} satisfies TaskConfig<'expireUploads'>

export const housekeepingRunner = createQueueRunner(HOUSEKEEPING_QUEUE)

/**
 * Queues the expiry unless a run of it already waits (housekeeping calls this on its schedule),
 * and asks this process's runner to look at once. Returns whether a job was queued.
 */
export const queueUploadExpiry = async (payload: Payload): Promise<boolean> => {
  const waiting = await payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: EXPIRE_UPLOADS_TASK } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    overrideAccess: true,
  })
  if (waiting.totalDocs > 0) return false
  await payload.jobs.queue({ task: EXPIRE_UPLOADS_TASK, input: {}, queue: HOUSEKEEPING_QUEUE, overrideAccess: true } as never)
  housekeepingRunner.kick()
  return true
}
