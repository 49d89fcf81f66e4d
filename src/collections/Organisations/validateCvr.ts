import type { Validate } from 'payload'

import { isCvr } from '../../fields/validators'
import { inLanguageOf } from '../../auth/messages'

/**
 * Companies are identified by their CVR number: required for a company, always 8 digits, and
 * unique (checked here for a clear message; the unique index is the guard against races).
 */
export const validateCvr: Validate = async (value, { siblingData, req, id }) => {
  const kind = (siblingData as { kind?: string })?.kind
  if (!value) {
    return kind === 'company' ? inLanguageOf(req, { da: 'En virksomhed skal have et CVR-nummer', en: 'A company needs a CVR number' }) : true
  }
  if (typeof value !== 'string' || !isCvr(value)) {
    return inLanguageOf(req, { da: 'Et CVR-nummer er 8 cifre', en: 'A CVR number has 8 digits' })
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
  return docs.length > 0
    ? inLanguageOf(req, { da: `CVR ${value} er allerede brugt af "${docs[0].name}"`, en: `CVR ${value} is already used by "${docs[0].name}"` })
    : true
}
