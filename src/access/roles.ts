import type { Role } from '../constants/roles'

type MaybeUser = { role?: Role | null; collection?: string } | null | undefined

/** Only logged-in users of the `users` collection have roles. */
export const roleOf = (user: MaybeUser): Role | undefined =>
  user && (user.collection === undefined || user.collection === 'users') ? (user.role ?? undefined) : undefined

export const isAdminUser = (user: MaybeUser): boolean => roleOf(user) === 'admin'
/** Editors and administrators: the people who curate the catalogue. */
export const isStaffUser = (user: MaybeUser): boolean => {
  const role = roleOf(user)
  return role === 'admin' || role === 'editor'
}
