import type { Payload } from 'payload'

import { queueClipJob } from '../video/clipJobs'

/**
 * Every clip that says `queued` or `processing` must have a live `processClip` job (not completed,
 * not failed for good); one that has none gets one (issue #9, item 3). A process killed between
 * writing a clip and queueing its job otherwise leaves the clip `queued` forever, and "Behandl
 * igen" refuses it as already queued.
 *
 * A clip saved within the last `settleSeconds` is left alone: its job may be on its way from
 * another process that has written the clip and not yet the job.
 */
export const reconcileClipJobs = async (payload: Payload, { settleSeconds }: { settleSeconds: number }): Promise<string[]> => {
  const settledBefore = new Date(Date.now() - settleSeconds * 1000).toISOString()
  const { docs: clips } = await payload.find({
    collection: 'clips',
    where: { and: [{ 'processing.status': { in: ['queued', 'processing'] } }, { updatedAt: { less_than: settledBefore } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { processing: true, updatedAt: true },
  })
  if (clips.length === 0) return []

  const { docs: jobs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'processClip' } }, { completedAt: { exists: false } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  // hasError is set only when a job has no retries left (or was cancelled): such a job is dead.
  const withLiveJob = new Set(
    jobs.filter((job) => job.hasError !== true).map((job) => String((job.input as { clipId?: string } | null)?.clipId)),
  )

  const queued: string[] = []
  for (const clip of clips) {
    const clipId = String(clip.id)
    if (withLiveJob.has(clipId)) continue
    payload.logger.warn(`Clip ${clipId} was ${clip.processing?.status} with no job to process it (a process died in between); queueing one`)
    // Through the video pipeline's one front door, as an upload or "Behandl igen" would.
    await queueClipJob(payload, clipId)
    queued.push(clipId)
  }
  return queued
}
