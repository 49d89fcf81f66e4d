import type { Payload } from 'payload'

import type { Clip } from '../payload-types'

/**
 * SPEC §6: a clip's files are public only while the clip is (processed, consent confirmed,
 * none withdrawn: the collection's read access) and a published story shows it. Withdrawing
 * consent, unpublishing the last story or deleting either stops them on the next request.
 */
export const publicClip = async (payload: Payload, clipId: string | number): Promise<Clip | null> => {
  const clip = await payload
    .findByID({ collection: 'clips', id: clipId, depth: 0, overrideAccess: false, disableErrors: true })
    .catch(() => null)
  if (!clip) return null
  const { totalDocs } = await payload.count({
    collection: 'stories',
    where: { clips: { in: [clip.id] } },
    overrideAccess: false,
  })
  return totalDocs > 0 ? clip : null
}
