import { fileTypeFromBuffer } from 'file-type'

import type { Bilingual } from '../lib/bilingual'
import type { UploadOwner } from './paths'

/** Enough for file-type to know every container we take (its own recommendation). */
export const SNIFF_BYTES = 4100

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff'])
// The admin takes what might be video and lets the pipeline decide (as refuseNonVideo does).
const STAFF_MEDIA_TYPE = /^(video|audio)\/|^application\/(mp4|vnd\.ms-asf|ogg|octet-stream)$/

const looksLikeText = (head: Buffer) =>
  head.length > 0 && !head.includes(0) && !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(head.toString('utf8'))

/**
 * Whether an upload's first bytes are what it says it is, by content (file-type), never by name:
 * a member's `video` must be a video and a `photos` upload an image, as the multipart intake
 * demands (src/submissions/store.ts); a staff upload anything that might be video. Returns the
 * reason for a refusal, or null when the bytes may go on.
 */
export const refusalForHead = async (head: Buffer, owner: UploadOwner, field: string | undefined, filename: string): Promise<Bilingual | null> => {
  const detected = await fileTypeFromBuffer(head)
  const name = filename || (owner === 'member' && field === 'photos' ? 'billedet' : 'filen')
  if (owner === 'staff') {
    if ((detected && !STAFF_MEDIA_TYPE.test(detected.mime)) || (!detected && looksLikeText(head))) {
      return { da: `"${name}" er ikke en video`, en: `"${filename || 'The file'}" is not a video` }
    }
    return null
  }
  if (field === 'photos') {
    return detected && PHOTO_TYPES.has(detected.mime)
      ? null
      : { da: `"${name}" er ikke et billede (JPEG, PNG, WebP, GIF, AVIF eller TIFF)`, en: `"${filename || 'The file'}" is not an image (JPEG, PNG, WebP, GIF, AVIF or TIFF)` }
  }
  return detected?.mime.startsWith('video/') ? null : { da: `"${name}" er ikke en video`, en: `"${filename || 'The file'}" is not a video` }
}

/**
 * Reads a PATCH body from `iterator` until the upload's head (its first `headEnd` bytes, of which
 * `offset` are stored already) is complete or the body ends: what was taken goes on to be
 * written after the check, and `ended` tells that nothing more will come.
 */
export const takeHead = async (iterator: AsyncIterator<Uint8Array | string>, offset: number, headEnd: number): Promise<{ taken: Buffer; ended: boolean }> => {
  const taken: Buffer[] = []
  let takenBytes = 0
  while (offset + takenBytes < headEnd) {
    const next = await iterator.next()
    if (next.done) return { taken: Buffer.concat(taken), ended: true }
    const chunk = Buffer.from(next.value)
    taken.push(chunk)
    takenBytes += chunk.length
  }
  return { taken: Buffer.concat(taken), ended: false }
}
