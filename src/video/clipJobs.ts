import type { Payload, PayloadRequest, Where } from 'payload'

import { isSubmittedClip, type ClipOrigin } from './limits'
import { kickVideoQueue } from './runner'
import { SupersededError, WATCH_MS } from './supersession'
import { SUBMITTED_VIDEO_QUEUE, VIDEO_QUEUE } from './task'

/**
 * One clip, one job: the front door for queueing the pipeline. Queueing cancels every other
 * live job of the clip first (one waiting for its retry back-off, one running in any process:
 * its attempt sees the cancel within a second and stops its ffmpeg), so two transcodes of one
 * clip never run side by side and the newest request is the one that runs.
 */
type JobDoc = { id: number | string; processing?: boolean | null; createdAt?: string | null; waitUntil?: string | null }

const liveJobsWhere = (clipId: number | string): Where => ({
  and: [
    { taskSlug: { equals: 'processClip' } },
    { 'input.clipId': { equals: String(clipId) } },
    { completedAt: { exists: false } },
    { hasError: { not_equals: true } },
  ],
})

/** The clip's jobs that have not finished: queued, waiting for a retry, or running. */
export const liveClipJobs = async (payload: Payload, clipId: number | string, req?: Partial<PayloadRequest>): Promise<JobDoc[]> => {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: liveJobsWhere(clipId),
    depth: 0,
    limit: 100,
    overrideAccess: true,
    req,
  })
  return docs as unknown as JobDoc[]
}

/** What Payload's own cancel writes: the job ends, is never retried, and its runner sees it. */
const CANCELLED = { completedAt: null, error: { cancelled: true }, hasError: true, processing: false, waitUntil: null }

/**
 * Cancels jobs. Written through the adapter with the caller's `req`, so it joins the caller's
 * transaction: `payload.jobs.cancel` opens a transaction of its own, which inside a clip save's
 * hook would wait for the very write lock that save holds.
 */
const cancelJobs = async (payload: Payload, where: Where, req?: Partial<PayloadRequest>) => {
  await payload.db.updateJobs({ where, data: { ...CANCELLED, updatedAt: new Date().toISOString() } as never, req, returning: false })
}

/** Cancels every live job of the clip; running attempts stop within WATCH_MS. */
export const cancelClipJobs = (payload: Payload, clipId: number | string, req?: Partial<PayloadRequest>) =>
  cancelJobs(payload, liveJobsWhere(clipId), req)

/**
 * The queue a clip's job goes on: a submitted clip's on the lower-priority one, so staff uploads
 * never wait behind anonymous ones. Read with the caller's `req`: a clip being created in the
 * caller's transaction is seen.
 */
export const queueForClip = async (payload: Payload, clipId: number | string, req?: Partial<PayloadRequest>): Promise<string> => {
  const clip = await payload.findByID({ collection: 'clips', id: clipId, depth: 0, overrideAccess: true, req, disableErrors: true })
  return clip && isSubmittedClip(clip as ClipOrigin) ? SUBMITTED_VIDEO_QUEUE : VIDEO_QUEUE
}

/** Queues the pipeline for a clip in place of whatever was live for it. */
export const queueClipJob = async (
  payload: Payload,
  clipId: number | string,
  options: { posterOnly?: boolean; req?: PayloadRequest } = {},
) => {
  await cancelClipJobs(payload, clipId, options.req)
  await payload.jobs.queue({
    task: 'processClip',
    queue: await queueForClip(payload, clipId, options.req),
    input: { clipId: String(clipId), ...(options.posterOnly ? { posterOnly: true } : {}) },
    req: options.req,
  })
  // Once the caller's save has committed, start right away rather than at the next tick.
  setTimeout(kickVideoQueue, 50)
}

const newer = (a: JobDoc, b: JobDoc) => {
  const at = Date.parse(a.createdAt ?? '') || 0
  const bt = Date.parse(b.createdAt ?? '') || 0
  if (at !== bt) return at > bt
  return typeof a.id === 'number' && typeof b.id === 'number' ? a.id > b.id : String(a.id) > String(b.id)
}

/**
 * Called by a job before it transcodes: a job that finds a newer live job of its clip steps
 * aside (SupersededError); older live jobs (raced in by two saves at once) are cancelled, and
 * when one of them was running, we give its attempt the time to notice and stop its ffmpeg.
 */
export const claimClip = async (payload: Payload, clipId: number | string, job: JobDoc) => {
  const others = (await liveClipJobs(payload, clipId)).filter((other) => String(other.id) !== String(job.id))
  if (others.some((other) => newer(other, job))) {
    throw new SupersededError(`a newer job for clip ${clipId} is queued`)
  }
  if (!others.length) return
  await cancelJobs(payload, { id: { in: others.map((other) => other.id) } })
  if (others.some((other) => other.processing)) await new Promise((resolve) => setTimeout(resolve, 2 * WATCH_MS + 500))
}
