import type { Endpoint } from 'payload'

import { isStaffUser } from '../../../access'
import { endpointError } from '../../../lib/endpointError'
import { liveClipJobs, queueClipJob } from '../../../video/clipJobs'
import { PIPELINE_CONTEXT } from '../../../video/processClip'
import { storedFailure } from '../../../video/storedFailure'

/**
 * POST /api/clips/:id/reprocess — "Behandl igen": queues the pipeline again for a clip (after a
 * failure, or after a pipeline improvement). Staff only; answers 202 with the new state.
 *
 * One clip, one job: while a transcode runs or a job is due to run, 409; a job that waits for
 * its retry back-off after a failure is replaced by one that runs now, never joined by a
 * second. A clip left `queued` with no job at all (its process died) can be started again.
 */
export const reprocessEndpoint: Endpoint = {
  path: '/:id/reprocess',
  method: 'post',
  handler: async (req) => {
    if (!isStaffUser(req.user)) {
      return endpointError(req, 403, 'forbidden', { da: 'Kun redaktører', en: 'Editors only' })
    }
    const id = req.routeParams?.id as string
    const clip = await req.payload.findByID({ collection: 'clips', id, depth: 0, req }).catch(() => null)
    if (!clip) return endpointError(req, 404, 'not_found', { da: 'Klippet findes ikke', en: 'No such clip' })
    const live = await liveClipJobs(req.payload, id, req)
    const waitingForRetry = (job: (typeof live)[number]) => Boolean(job.waitUntil && Date.parse(job.waitUntil) > Date.now())
    if (live.some((job) => job.processing || !waitingForRetry(job))) {
      return endpointError(req, 409, 'conflict', {
        da: 'Klippet er allerede i kø eller under behandling',
        en: 'The clip is already queued or processing',
      })
    }
    // A clip playing at its preview (its ladder stopped) stays playable while it is made again.
    const status = clip.processing?.status === 'preview' ? 'preview' : 'queued'
    await req.payload.update({
      collection: 'clips',
      id,
      data: { processing: { status, progress: 0, ...storedFailure(null) } } as never,
      context: PIPELINE_CONTEXT,
      req,
    })
    await queueClipJob(req.payload, id, { req })
    return Response.json({ id, processing: { status, progress: 0 } }, { status: 202 })
  },
}
