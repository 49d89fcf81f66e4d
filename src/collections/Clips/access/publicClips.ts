import type { Access, Where } from 'payload'

import { isStaffUser } from '../../../access'
import { PLAYABLE_STATUSES } from '../../../constants/stages'

/**
 * A clip is public only while it is playable (processed, or at its preview while the ladder
 * encodes: issue #12), everyone identifiable has consented and no consent is withdrawn (SPEC §6). The uploaded original is never public: it may carry GPS
 * positions and other metadata the renditions leave out.
 */
export const PUBLIC_CLIP: Where = {
  and: [
    { 'processing.status': { in: [...PLAYABLE_STATUSES] } },
    { 'consent.confirmed': { equals: true } },
    { 'consent.withdrawn': { not_equals: true } },
  ],
}

export const readClips: Access = ({ req, isReadingStaticFile }) => {
  if (isStaffUser(req.user)) return true
  if (isReadingStaticFile) return false
  return PUBLIC_CLIP
}
