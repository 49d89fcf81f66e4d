import type { Validate } from 'payload'

import { relationId } from '../../lib/relationId'


/** A housing department needs a parent, and that parent must be a housing organisation. */
export const validateParent: Validate = async (value, { siblingData, req, id }) => {
  const kind = (siblingData as { kind?: string })?.kind
  if (kind !== 'housing-department') return true
  const parentId = relationId(value)
  if (parentId === undefined || parentId === '') {
    return 'En boligafdeling skal have en boligorganisation / A housing department needs a housing organisation'
  }
  if (id !== undefined && String(parentId) === String(id)) {
    return 'En organisation kan ikke være sin egen forælder / An organisation cannot be its own parent'
  }
  const parent = await req.payload
    .findByID({ collection: 'organisations', id: parentId, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (!parent) return 'Boligorganisationen findes ikke / The housing organisation does not exist'
  if (parent.kind !== 'housing-organisation') {
    return `"${parent.name}" er ikke en boligorganisation / is not a housing organisation`
  }
  return true
}
