import type { Payload, PayloadRequest } from 'payload'

/**
 * A clip's posters are private `media` documents whose file is named after the clip
 * (`klip-<clip>-plakat.jpg`; Payload appends `-1`, `-2`, … when the name is taken). The name is
 * how every poster a clip ever had is found again: one of a killed attempt, one left by a remake
 * that died between its two saves, the current one. (The name must not end in the clip's id:
 * Payload would count `plakat-1.jpg` on to `plakat-2.jpg`, clip 2's name.)
 */
export const posterFileName = (clipId: number | string) => `klip-${clipId}-plakat.jpg`

const isPosterOf = (clipId: number | string, filename: string | null | undefined) =>
  new RegExp(`^klip-${String(clipId).replace(/\W/g, '\\$&')}-plakat(-\\d+)?\\.jpg$`).test(filename ?? '')

export const clipPosterIds = async (payload: Payload, clipId: number | string, req?: Partial<PayloadRequest>) => {
  const { docs } = await payload.find({
    collection: 'media',
    where: { and: [{ filename: { like: `klip-${clipId}-plakat` } }, { private: { equals: true } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs.filter((doc) => isPosterOf(clipId, doc.filename)).map((doc) => doc.id)
}

/**
 * Deletes every poster of a clip (with its files), except `keep`; `also` adds one found another
 * way (the poster a deleted clip referenced, named before posters carried the clip's name).
 */
export const deleteClipPosters = async (
  payload: Payload,
  clipId: number | string,
  options: { keep?: number | string | null; also?: number | string | null; req?: Partial<PayloadRequest> } = {},
) => {
  const ids: (number | string)[] = await clipPosterIds(payload, clipId, options.req)
  if (options.also !== undefined && options.also !== null && !ids.some((id) => String(id) === String(options.also))) ids.push(options.also)
  for (const id of ids) {
    if (options.keep !== undefined && options.keep !== null && String(id) === String(options.keep)) continue
    await payload.delete({ collection: 'media', id, overrideAccess: true, req: options.req }).catch((error: unknown) => {
      payload.logger.warn({ err: error }, `could not delete poster ${id} of clip ${clipId}`)
    })
  }
}
