import type { CollectionBeforeValidateHook } from 'payload'

/**
 * The very first account (from the admin's "create first user" screen or ADMIN_EMAIL) must be
 * able to manage the rest, so it is an administrator whatever the form said.
 */
export const firstUserIsAdmin: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  return totalDocs === 0 ? { ...data, role: 'admin' } : data
}
