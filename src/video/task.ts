import type { TaskConfig } from 'payload'

import { startHeartbeat } from './lease'
import { PermanentPipelineError, processClip } from './processClip'

export const VIDEO_QUEUE = 'video'

/**
 * The queued, persistent, retried job of SPEC §5. A source that can never work has already
 * failed its clip with a reason; it ends the job without the retries a passing fault gets.
 */
export const processClipTask = {
  slug: 'processClip',
  label: 'Behandl videoklip / Process video clip',
  inputSchema: [{ name: 'clipId', type: 'text', required: true }],
  outputSchema: [{ name: 'failedPermanently', type: 'text' }],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 15_000 } },
  handler: async ({ input, job, req }) => {
    const { clipId } = input as { clipId: string }
    const stopHeartbeat = startHeartbeat(req.payload, job?.id)
    try {
      await processClip(req.payload, clipId)
      return { output: {} }
    } catch (error) {
      if (error instanceof PermanentPipelineError) return { output: { failedPermanently: error.message } }
      throw error
    } finally {
      stopHeartbeat()
    }
  },
} satisfies TaskConfig<'processClip'>
