import type { Payload, PayloadRequest } from 'payload'

import type { Organisation } from '../../payload-types'

/**
 * The catalogue's organisation with the name a submitter typed, whatever its case, or
 * undefined. A typed name proves nothing about who sent it: callers use the match as an
 * editor's suggestion or to prefill a story, never to decide who may read a submission.
 */
export const organisationByName = async (
  payload: Payload,
  name: string,
  req?: PayloadRequest,
): Promise<Organisation | undefined> => {
  if (!name.trim()) return undefined
  const { docs } = await payload.find({
    collection: 'organisations',
    where: { name: { like: name } },
    limit: 20,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.find((org) => org.name.localeCompare(name, 'da', { sensitivity: 'accent' }) === 0)
}
