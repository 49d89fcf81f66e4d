import fs from 'node:fs/promises'
import path from 'node:path'

import { fileTypeFromFile } from 'file-type'
import type { CollectionSlug, Payload } from 'payload'

import type { Call } from '../../payload-types'
import { retryWhenBusy } from '../../db/sqlitePragmas'
import { slugify } from '../../lib/slugify'
import { PublicApiError, validationFailed } from '../messages'
import type { ReceivedFile } from './multipart'
import type { SubmissionInput } from './validate'

/** Photo formats sharp turns into the media sizes (HEIC is not among them: iOS sends JPEG). */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff'])

export type CheckedFile = ReceivedFile & { mime: string; ext: string }

/**
 * The content decides what a file is, never its name or the browser's word: a text file named
 * `.jpg` is refused (415), a JPEG named `.png` is kept as the JPEG it is.
 */
export const checkFileTypes = async (files: ReceivedFile[]): Promise<CheckedFile[]> =>
  Promise.all(
    files.map(async (file) => {
      const detected = await fileTypeFromFile(file.path)
      const ok = file.field === 'photos' ? detected && PHOTO_TYPES.has(detected.mime) : detected?.mime.startsWith('video/')
      if (!detected || !ok) {
        throw new PublicApiError(
          415,
          'unsupported_media_type',
          file.field === 'photos'
            ? { da: `"${file.originalName}" er ikke et billede (JPEG, PNG, WebP, GIF, AVIF eller TIFF)`, en: `"${file.originalName}" is not an image (JPEG, PNG, WebP, GIF, AVIF or TIFF)` }
            : { da: `"${file.originalName}" er ikke en video`, en: `"${file.originalName}" is not a video` },
        )
      }
      return { ...file, mime: detected.mime, ext: detected.ext }
    }),
  )

type Created = { collection: CollectionSlug; id: number | string }

/**
 * Stores one submission: its photos (private media), its video (a clip, which queues the
 * pipeline) and the submission itself. If any step fails, everything created so far is
 * deleted again (files with it), so a failure leaves no half-written submission behind.
 */
export const storeSubmission = async (
  payload: Payload,
  { input, call, files, receivedAt }: { input: SubmissionInput; call: Call; files: CheckedFile[]; receivedAt: Date },
): Promise<{ id: number | string }> => {
  const created: Created[] = []
  const create = async <T extends { id: number | string }>(collection: CollectionSlug, data: Record<string, unknown>, file?: CheckedFile) => {
    const filePath = file ? await named(file, input.title) : undefined
    const doc = (await retryWhenBusy(() =>
      payload.create({ collection, data: data as never, filePath, overrideAccess: true, depth: 0 }),
    ).catch((error: unknown) => {
      // A file that looked like an image or a video but cannot be read is the sender's to fix.
      throw file ? unreadable(file, error) : error
    })) as unknown as T
    created.push({ collection, id: doc.id })
    return doc
  }

  try {
    const photos = files.filter((file) => file.field === 'photos')
    const photoIds: (number | string)[] = []
    for (const [index, photo] of photos.entries()) {
      const doc = await create('media', {
        alt: `Billede ${index + 1} fra indsendelsen "${input.title}"`,
        private: true,
      }, photo)
      photoIds.push(doc.id)
    }
    const video = files.find((file) => file.field === 'video')
    const clip = video ? await create('clips', { title: input.title }, video) : undefined

    const organisation = await payload.find({
      collection: 'organisations',
      where: { name: { equals: input.organisationName } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const submission = await create('submissions', {
      ...input,
      call: call.id,
      organisation: organisation.docs[0]?.id,
      photos: photoIds,
      video: clip?.id,
      status: 'new',
      receivedAt: receivedAt.toISOString(),
    })
    return { id: submission.id }
  } catch (error) {
    for (const { collection, id } of created.reverse()) {
      await payload.delete({ collection, id, overrideAccess: true }).catch((cleanup: unknown) => {
        payload.logger.error({ err: cleanup }, `could not remove ${collection} ${id} of a failed submission`)
      })
    }
    throw error
  }
}

const unreadable = (file: CheckedFile, error: unknown) => {
  const reason = error instanceof Error ? error.message.replace(/^[^:]*error: /i, '') : String(error)
  return validationFailed({
    [file.field]: {
      da: `"${file.originalName}" kunne ikke læses og er ikke gemt: ${reason}`,
      en: `"${file.originalName}" could not be read and was not stored: ${reason}`,
    },
  })
}

/** Gives a received file a readable, safe name with the extension of what it really is. */
const named = async (file: CheckedFile, title: string): Promise<string> => {
  const base = slugify(path.parse(file.originalName).name, 60) || slugify(title, 60) || file.field
  // A folder of its own: phones name every photo "image.jpg", and none may overwrite another.
  const folder = `${file.path}-named`
  await fs.mkdir(folder)
  const target = path.join(folder, `${base}.${file.ext}`)
  await fs.rename(file.path, target)
  file.path = target
  return target
}
