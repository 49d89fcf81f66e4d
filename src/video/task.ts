import type { TaskConfig } from 'payload'

import { startHeartbeat } from './lease'
import { PermanentPipelineError, processClip, remakePoster } from './processClip'

export const VIDEO_QUEUE = 'video'

/**
 * The queued, persistent, retried job of SPEC §5. A source that can never work has already
 * failed its clip with a reason; it ends the job without the retries a passing fault gets.
 */
export const processClipTask = {
  slug: 'processClip',
  label: 'Behandl videoklip / Process video clip',
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
      if (posterOnly) await remakePoster(req.payload, clipId)
      else await processClip(req.payload, clipId)
      return { output: {} }
    } catch (error) {
      if (error instanceof PermanentPipelineError) return { output: { failedPermanently: error.message } }
      throw error
    } finally {
      stopHeartbeat()
    }
  },
} satisfies TaskConfig<'processClip'>
