import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { inLanguageOf } from '../../../auth/messages'
import type { Bilingual } from '../../../lib/bilingual'
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
  const messages = [...(await clipBlockers(data, req)), ...(await heroImageBlockers(data, req))]
  if (messages.length > 0) throw validationError(collection.slug, messages[0].field, messages.map((m) => m.message), req)
  return data
}

type Blocker = { field: string; message: string }

const clipBlockers = async (data: Record<string, unknown>, req: PayloadRequest): Promise<Blocker[]> => {
  const clipIds = ((data.clips ?? []) as unknown[]).map(relationId).filter((id): id is number | string => id !== undefined)
  if (clipIds.length === 0) return []
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
  return clipIds
    .map((id) => {
      const clip = found.get(String(id))
      return clip ? clipBlocker(clip as ClipGateInput) : { da: `Klip ${id} findes ikke`, en: `Clip ${id} does not exist` }
    })
    .filter((blocker): blocker is Bilingual => blocker !== null)
    .map((message) => ({ field: 'clips', message: inLanguageOf(req, message) }))
}

/** A photo sent with a submission stays private until an editor has cleared it for the web. */
const heroImageBlockers = async (data: Record<string, unknown>, req: PayloadRequest): Promise<Blocker[]> => {
  const heroId = relationId(data.heroImage)
  if (heroId === undefined) return []
  const image = await req.payload.findByID({ collection: 'media', id: heroId, depth: 0, overrideAccess: true, req }).catch(() => null)
  if (!image?.private) return []
  return [
    {
      field: 'heroImage',
      message: inLanguageOf(req, {
        da: 'Forsidebilledet er privat (fra en indsendelse). Fjern markeringen "Privat" på billedet, når de viste personer har givet samtykke.',
        en: 'The hero image is private (from a submission): clear "Private" on it once the people shown have consented.',
      }),
    },
  ]
}
