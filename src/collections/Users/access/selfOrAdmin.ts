import type { Access } from 'payload'

import { isAdminUser } from '../../../access'

/** Administrators reach every user; anyone else only their own account. */
export const selfOrAdmin: Access = ({ req }) => {
  if (!req.user) return false
  if (isAdminUser(req.user)) return true
  return { id: { equals: req.user.id } }
}
