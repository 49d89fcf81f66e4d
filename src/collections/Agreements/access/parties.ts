import type { Access, PayloadRequest, Where } from 'payload'

import { isStaffUser, roleOf } from '../../../access'
import { relationId } from '../../../lib/relationId'

/** The organisation of a logged-in member, or undefined for anyone else. */
export const memberOrganisation = (req: PayloadRequest): number | string | undefined =>
  roleOf(req.user) === 'member' ? relationId((req.user as { organisation?: unknown }).organisation) : undefined

/**
 * Agreements where an organisation is one of the parties, in whatever role. `prefix` is
 * `version.` for the versions table, whose rows hold the agreement's fields one level down.
 */
export const partyWhere = (organisation: number | string, prefix = ''): Where => ({
  or: [
    { [`${prefix}housingOrganisation`]: { equals: organisation } },
    { [`${prefix}departments`]: { in: [organisation] } },
    { [`${prefix}companies`]: { in: [organisation] } },
    { [`${prefix}partners`]: { in: [organisation] } },
  ],
})

/**
 * Staff read and edit every agreement; a member only those its own organisation is a party to
 * (SPEC §9); anyone else none: the public sees public summaries through the public API only.
 */
export const staffOrParty: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  const organisation = memberOrganisation(req)
  return organisation === undefined ? false : partyWhere(organisation)
}

/** The same for an agreement's versions (the admin's edit view counts them as the member). */
export const staffOrPartyVersions: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  const organisation = memberOrganisation(req)
  return organisation === undefined ? false : partyWhere(organisation, 'version.')
}

/** The ids of the agreements a member's organisation is a party to (in the request's transaction). */
export const partyAgreementIds = async (req: PayloadRequest, organisation: number | string): Promise<(number | string)[]> => {
  const { docs } = await req.payload.find({
    collection: 'agreements',
    where: partyWhere(organisation),
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: {},
    req,
  })
  return docs.map((doc) => doc.id)
}

const namesOneOf = (data: unknown, ids: (number | string)[]): boolean => {
  const named = relationId((data as { agreement?: unknown }).agreement)
  return named !== undefined && ids.some((id) => String(id) === String(named))
}

/**
 * For documents that belong to an agreement (its reviews, its signed PDF): staff all; a member
 * those of its own organisation's agreements; anyone else none. A member that names an agreement
 * (on create, or moving one on update) must name one of those.
 */
export const staffOrAgreementParty: Access = async ({ req, data }) => {
  if (isStaffUser(req.user)) return true
  const organisation = memberOrganisation(req)
  if (organisation === undefined) return false
  const ids = await partyAgreementIds(req, organisation)
  if (ids.length === 0) return false
  if (data && typeof data === 'object' && 'agreement' in data && !namesOneOf(data, ids)) return false
  return { agreement: { in: ids } }
}

/** The same for the versions of such documents: their agreement is `version.agreement` there. */
export const staffOrAgreementPartyVersions: Access = async ({ req }) => {
  if (isStaffUser(req.user)) return true
  const organisation = memberOrganisation(req)
  if (organisation === undefined) return false
  const ids = await partyAgreementIds(req, organisation)
  return ids.length === 0 ? false : { 'version.agreement': { in: ids } }
}

/** Create access is a yes or no: staff, or a member naming one of its own agreements. */
export const staffOrAgreementPartyCreates: Access = async ({ req, data }) => {
  if (isStaffUser(req.user)) return true
  const organisation = memberOrganisation(req)
  if (organisation === undefined) return false
  // Asked without data (the admin asking whether to show "create"): a member of a party may.
  if (!data) return (await partyAgreementIds(req, organisation)).length > 0
  return namesOneOf(data, await partyAgreementIds(req, organisation))
}
