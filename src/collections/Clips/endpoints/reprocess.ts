import type { Endpoint } from 'payload'

import { isStaffUser } from '../../../access'
import { kickVideoQueue } from '../../../video/runner'
import { VIDEO_QUEUE } from '../../../video/task'
import { PIPELINE_CONTEXT } from '../../../video/processClip'

/**
 * POST /api/clips/:id/reprocess — "Behandl igen": queues the pipeline again for a clip (after a
 * failure, or after a pipeline improvement). Staff only; answers 202 with the new state.
 */
export const reprocessEndpoint: Endpoint = {
  path: '/:id/reprocess',
  method: 'post',
  handler: async (req) => {
    if (!isStaffUser(req.user)) {
      return Response.json({ error: { code: 'forbidden', message: 'Kun redaktører / Editors only' } }, { status: 403 })
    }
    const id = req.routeParams?.id as string
    const clip = await req.payload.findByID({ collection: 'clips', id, depth: 0, req }).catch(() => null)
    if (!clip) return Response.json({ error: { code: 'not_found', message: 'Klippet findes ikke / No such clip' } }, { status: 404 })
    if (clip.processing?.status === 'processing' || clip.processing?.status === 'queued') {
      return Response.json(
        { error: { code: 'conflict', message: 'Klippet er allerede i kø eller under behandling / Already queued or processing' } },
        { status: 409 },
      )
    }
    await req.payload.update({
      collection: 'clips',
      id,
      data: { processing: { status: 'queued', progress: 0, error: null } } as never,
      context: PIPELINE_CONTEXT,
      req,
    })
    await req.payload.jobs.queue({ task: 'processClip', queue: VIDEO_QUEUE, input: { clipId: String(id) }, req })
    setTimeout(kickVideoQueue, 50)
    return Response.json({ id, processing: { status: 'queued', progress: 0 } }, { status: 202 })
  },
}
