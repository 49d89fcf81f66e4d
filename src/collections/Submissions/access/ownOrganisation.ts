import type { Access } from 'payload'

import { isStaffUser, roleOf } from '../../../access'

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/** Staff read every submission; a member only those of its own organisation (SPEC §2 users). */
export const staffOrOwnOrganisation: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  if (roleOf(req.user) !== 'member') return false
  const organisation = idOf((req.user as { organisation?: unknown }).organisation)
  if (organisation === undefined || organisation === null) return false
  return { organisation: { equals: organisation } }
}
