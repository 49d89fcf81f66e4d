import type { CollectionBeforeChangeHook } from 'payload'

import { relationId } from '../../../lib/relationId'
import { validationError } from '../../../lib/validationError'
import { clipBlocker, type ClipGateInput } from '../../Clips/isPublishable'


/**
 * A story may only be published when every clip on it is processed and has confirmed,
 * unwithdrawn consent (SPEC §4). Draft saves always go through; a refused publish names the
 * clips that hold it back. Scheduled publishing runs through here too.
 */
export const publishGate: CollectionBeforeChangeHook = async ({ data, req, collection }) => {
  if (data._status !== 'published') return data
  const clipIds = ((data.clips ?? []) as unknown[]).map(relationId).filter((id): id is number | string => id !== undefined)
  if (clipIds.length === 0) return data
  const { docs } = await req.payload.find({
    collection: 'clips',
    where: { id: { in: clipIds } },
    depth: 0,
    limit: clipIds.length,
    overrideAccess: true,
    pagination: false,
    req,
  })
  const found = new Map(docs.map((clip) => [String(clip.id), clip]))
  const blockers = clipIds.map((id: number | string) => {
    const clip = found.get(String(id))
    return clip ? clipBlocker(clip as ClipGateInput) : `Klip ${id} findes ikke / does not exist`
  })
  const messages = blockers.filter((blocker: string | null): blocker is string => blocker !== null)
  if (messages.length > 0) throw validationError(collection.slug, 'clips', messages, req)
  return data
}
