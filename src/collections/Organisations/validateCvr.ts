import type { Validate } from 'payload'

import { isCvr } from '../../fields/validators'

/**
 * Companies are identified by their CVR number: required for a company, always 8 digits, and
 * unique (checked here for a clear message; the unique index is the guard against races).
 */
export const validateCvr: Validate = async (value, { siblingData, req, id }) => {
  const kind = (siblingData as { kind?: string })?.kind
  if (!value) {
    return kind === 'company' ? 'En virksomhed skal have et CVR-nummer / A company needs a CVR number' : true
  }
  if (typeof value !== 'string' || !isCvr(value)) {
    return 'Et CVR-nummer er 8 cifre / A CVR number has 8 digits'
  }
  const { docs } = await req.payload.find({
    collection: 'organisations',
    where: {
      and: [{ cvr: { equals: value } }, ...(id !== undefined ? [{ id: { not_equals: id } }] : [])],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.length > 0 ? `CVR ${value} er allerede brugt af "${docs[0].name}" / is already used` : true
}
