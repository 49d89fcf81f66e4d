import type { Validate } from 'payload'

import { relationId } from '../../lib/relationId'
import { inLanguageOf } from '../../auth/messages'


/** A housing department needs a parent, and that parent must be a housing organisation. */
export const validateParent: Validate = async (value, { siblingData, req, id }) => {
  const kind = (siblingData as { kind?: string })?.kind
  if (kind !== 'housing-department') return true
  const parentId = relationId(value)
  if (parentId === undefined || parentId === '') {
    return inLanguageOf(req, { da: 'En boligafdeling skal have en boligorganisation', en: 'A housing department needs a housing organisation' })
  }
  if (id !== undefined && String(parentId) === String(id)) {
    return inLanguageOf(req, { da: 'En organisation kan ikke være sin egen forælder', en: 'An organisation cannot be its own parent' })
  }
  const parent = await req.payload
    .findByID({ collection: 'organisations', id: parentId, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (!parent) return inLanguageOf(req, { da: 'Boligorganisationen findes ikke', en: 'The housing organisation does not exist' })
  if (parent.kind !== 'housing-organisation') {
    return inLanguageOf(req, { da: `"${parent.name}" er ikke en boligorganisation`, en: `"${parent.name}" is not a housing organisation` })
  }
  return true
}
