import { JobCancelledError, type TaskConfig } from 'payload'

import { claimClip } from './clipJobs'
import { DiskFullError } from './diskSpace'
import { startHeartbeat } from './lease'
import { PermanentPipelineError, processClip, remakePoster } from './processClip'
import { SupersededError } from './supersession'

/** Staff uploads. */
export const VIDEO_QUEUE = 'video'
/**
 * Clips sent through the public submission endpoint: run only while no staff clip waits or runs
 * in this process, one at a time, at the lowest CPU priority (src/video/runner.ts).
 */
export const SUBMITTED_VIDEO_QUEUE = 'video-submitted'

/** A full disk does not empty itself in seconds: its retries wait minutes (5, 10, 20), not 15 s. */
const DISK_FULL_RETRY_MS = 5 * 60_000

/**
 * The queued, persistent, retried job of SPEC §5. A source that can never work has already
 * failed its clip with a reason; it ends the job without the retries a passing fault gets. One
 * clip has one live job: a job that was replaced (a new file, "Behandl igen", a deleted clip)
 * ends cancelled, without retries and without touching the clip.
 */
export const processClipTask = {
  slug: 'processClip',
  // Payload takes one string here, not translations: the admin's default language.
  label: 'Behandl videoklip',
  inputSchema: [
    { name: 'clipId', type: 'text', required: true },
    // Only the poster changed (the editor picked another second): the renditions stay.
    { name: 'posterOnly', type: 'checkbox' },
  ],
  outputSchema: [{ name: 'failedPermanently', type: 'text' }],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 15_000 } },
  handler: async ({ input, job, req }) => {
    const { clipId, posterOnly } = input as { clipId: string; posterOnly?: boolean }
    const stopHeartbeat = startHeartbeat(req.payload, job?.id)
    try {
      if (job) await claimClip(req.payload, clipId, job as never)
      if (posterOnly) await remakePoster(req.payload, clipId)
      else await processClip(req.payload, clipId, { jobId: job?.id })
      return { output: {} }
    } catch (error) {
      if (error instanceof SupersededError) throw new JobCancelledError(error.message)
      if (error instanceof PermanentPipelineError) return { output: { failedPermanently: error.message } }
      if (error instanceof DiskFullError && job) {
        // Payload keeps a waitUntil later than its own back-off (handleTaskError reads this object).
        job.waitUntil = new Date(Date.now() + DISK_FULL_RETRY_MS * 2 ** (job.totalTried ?? 0)).toISOString()
      }
      throw error
    } finally {
      stopHeartbeat()
    }
  },
} satisfies TaskConfig<'processClip'>
