import type { Access, FieldAccess, Where } from 'payload'

import { isAdminUser, isStaffUser } from './roles'

export { isAdminUser, isStaffUser, roleOf } from './roles'

export const anyone: Access = () => true
export const nobody: Access = () => false
export const adminsOnly: Access = ({ req }) => isAdminUser(req.user)
export const staffOnly: Access = ({ req }) => isStaffUser(req.user)
export const signedIn: Access = ({ req }) => Boolean(req.user)

/** Staff see every version; everyone else only what is published. */
export const publishedOrStaff: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  const published: Where = { _status: { equals: 'published' } }
  return published
}

/** Field-level: private fields (contact details, consent, notes) are readable by staff only. */
export const staffField: FieldAccess = ({ req }) => isStaffUser(req.user)
export const adminField: FieldAccess = ({ req }) => isAdminUser(req.user)
