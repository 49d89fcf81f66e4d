import type { Access } from 'payload'

import { isStaffUser, roleOf } from '../../../access'
import { relationId } from '../../../lib/relationId'


/**
 * Staff read every submission; a member only those linked to its own organisation (SPEC §2
 * users). The link is set by an editor, or at intake when a member sends while logged in;
 * never from the organisation name a sender types (issue #10, item 8).
 */
export const staffOrOwnOrganisation: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  if (roleOf(req.user) !== 'member') return false
  const organisation = relationId((req.user as { organisation?: unknown }).organisation)
  if (organisation === undefined) return false
  return { organisation: { equals: organisation } }
}
