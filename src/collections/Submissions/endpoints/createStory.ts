import type { Endpoint } from 'payload'

import { isStaffUser } from '../../../access'
import { inLanguageOf } from '../../../auth/messages'
import { endpointError } from '../../../lib/endpointError'
import { createStoryFromSubmission, StoryExistsError } from '../storyFromSubmission'

/**
 * POST /api/submissions/:id/create-story — the "Opret historie" button. Staff only; answers 201
 * with the new draft story's id and admin URL, 409 (with the existing story) when there is one.
 */
export const createStoryEndpoint: Endpoint = {
  path: '/:id/create-story',
  method: 'post',
  handler: async (req) => {
    if (!isStaffUser(req.user)) {
      return endpointError(req, 403, 'forbidden', { da: 'Kun redaktører', en: 'Editors only' })
    }
    const id = req.routeParams?.id as string
    const exists = await req.payload.findByID({ collection: 'submissions', id, depth: 0, overrideAccess: true }).catch(() => null)
    if (!exists) {
      return endpointError(req, 404, 'not_found', { da: 'Indsendelsen findes ikke', en: 'No such submission' })
    }
    const adminUrl = (storyId: number | string) => `${req.payload.config.routes.admin}/collections/stories/${storyId}`
    try {
      const story = await createStoryFromSubmission(req, id)
      return Response.json({ id: story.id, adminUrl: adminUrl(story.id) }, { status: 201 })
    } catch (error) {
      if (error instanceof StoryExistsError) {
        return Response.json(
          {
            error: {
              code: 'conflict',
              message: inLanguageOf(req, {
                da: 'Der er allerede oprettet en historie fra denne indsendelse',
                en: 'A story was already created from this submission',
              }),
            },
            id: error.storyId,
            adminUrl: adminUrl(error.storyId),
          },
          { status: 409 },
        )
      }
      throw error
    }
  },
}
