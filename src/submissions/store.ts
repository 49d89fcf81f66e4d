import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { fileTypeFromFile } from 'file-type'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type CollectionSlug, type Payload, type PayloadRequest } from 'payload'

import type { Call } from '../payload-types'
import { organisationByName } from '../collections/Submissions/organisationByName'
import { isDatabaseBusy } from '../db/busy'
import { faultPoint } from '../lib/faultPoint'
import { slugify } from '../lib/slugify'
import { uploadFileNames, type UploadFiles } from '../lib/uploadFileNames'
import { PublicApiError, validationFailed } from '../public-api/messages'
import type { ReceivedFile } from './multipart'
import type { SubmissionInput } from './validate'
import { refuseVideoPastLimits } from './videoLimits'

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

type Created = { collection: CollectionSlug; doc: UploadFiles }

/**
 * Stores one submission in ONE transaction: its photos (private media), its video (a clip,
 * whose pipeline job is queued in the same transaction) and the submission itself. Either all
 * of it is committed before the 201, or none of it is: a failure, or a crash at any point,
 * leaves no half-written submission. Files already written for a transaction that did not
 * commit are removed here; after a crash, the orphan sweeper finds them.
 */
export const storeSubmission = async (
  payload: Payload,
  {
    input,
    call,
    files,
    receivedAt,
    senderOrganisation,
  }: {
    input: SubmissionInput
    call: Call
    files: CheckedFile[]
    receivedAt: Date
    /** The sender's own organisation when a member sends it logged in (see ./sender.ts). */
    senderOrganisation?: number | string
  },
  /** More work that must commit with the submission or not at all (its mails). */
  beforeCommit?: (req: PayloadRequest, id: number | string) => Promise<void>,
): Promise<{ id: number | string }> => {
  const video = files.find((file) => file.field === 'video')
  // Before the transaction: a video past the call's limits is refused with nothing written.
  if (video) await refuseVideoPastLimits(video, call)
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  const created: Created[] = []
  const create = async <T extends { id: number | string }>(collection: CollectionSlug, data: Record<string, unknown>, file?: CheckedFile) => {
    const filePath = file ? await named(file, input.title) : undefined
    const doc = (await payload
      .create({ collection, data: data as never, ...fileArgument(file, filePath), overrideAccess: true, depth: 0, req })
      .catch((error: unknown) => {
        // A file that looked like an image or a video but cannot be read is the sender's to fix;
        // a database that is busy or failing is not.
        throw file && !isDatabaseFailure(error) ? unreadable(file, error) : error
      })) as unknown as T
    created.push({ collection, doc: doc as Created['doc'] })
    return doc
  }

  try {
    // The video first: its file is copied into place before the transaction's first write
    // takes the database's lock, which then is held only for the photos' sizes.
    // `origin`: the pipeline holds it to the call's limits and runs it after staff uploads.
    const clip = video ? await create('clips', { title: input.title, origin: 'submission' }, video) : undefined

    const photos = files.filter((file) => file.field === 'photos')
    const photoIds: (number | string)[] = []
    for (const [index, photo] of photos.entries()) {
      const doc = await create('media', {
        alt: `Billede ${index + 1} fra indsendelsen "${input.title}"`,
        private: true,
      }, photo)
      photoIds.push(doc.id)
    }
    // The typed name is only a suggestion for the editors: linking decides who reads the
    // submission, and anyone can type any organisation's name.
    const suggested = await organisationByName(payload, input.organisationName, req)
    const submission = await create('submissions', {
      ...input,
      call: call.id,
      organisation: senderOrganisation,
      suggestedOrganisation: suggested?.id,
      photos: photoIds,
      video: clip?.id,
      status: 'new',
      receivedAt: receivedAt.toISOString(),
    })
    await beforeCommit?.(req, submission.id)
    faultPoint('submission-before-commit')
    // Throws when the COMMIT fails: then nothing was stored, and the sender must not get a 201.
    await commitTransaction(req)
    faultPoint('submission-committed')
    return { id: submission.id }
  } catch (error) {
    await killTransaction(req)
    await Promise.all(created.map(({ collection, doc }) => removeStoredFiles(payload, collection, doc)))
    throw error
  }
}

/** SQLite's own failures (locked, constraint, I/O): never blamed on the sender's file. */
const isDatabaseFailure = (error: unknown) =>
  isDatabaseBusy(error) || /SQLITE_|constraint/i.test(`${(error as Error)?.message} ${(error as { cause?: Error })?.cause?.message}`)

/** The files Payload wrote for a document whose transaction was rolled back. */
const removeStoredFiles = async (payload: Payload, collection: CollectionSlug, doc: Created['doc']) => {
  const upload = payload.collections[collection]?.config.upload
  const dir = upload && typeof upload === 'object' ? upload.staticDir : undefined
  if (!dir) return
  await Promise.all(uploadFileNames(doc).map((name) => fs.rm(path.join(dir, path.basename(name)), { force: true })))
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

/**
 * How Payload gets a stored file. `filePath` makes Payload read the whole file into memory
 * (getFileByPath's readFile), and Node refuses to read a file of 2 GiB or more at all: a 1–2 GB
 * phone video would cost its size in RAM or be refused as unreadable. A video goes as a temp
 * file instead (empty data, `tempFilePath`): Payload sniffs its head from disk and copies it
 * into place without buffering it. Photos (≤ 20 MB) keep `filePath`: sharp reads them anyway.
 */
const fileArgument = (file: CheckedFile | undefined, filePath: string | undefined) => {
  if (!file || !filePath || file.field !== 'video') return { filePath }
  return {
    file: { name: path.basename(filePath), data: Buffer.alloc(0), tempFilePath: filePath, mimetype: file.mime, size: file.size },
  }
}

/** Gives a received file a readable, safe name with the extension of what it really is. */
const named = async (file: CheckedFile, title: string): Promise<string> => {
  const base = slugify(path.parse(file.originalName).name, 50) || slugify(title, 50) || file.field
  // A folder of its own: phones name every photo "image.jpg", and none may overwrite another.
  const folder = `${file.path}-named`
  await fs.mkdir(folder)
  // Unique by itself: two phones' "foto.jpg" arriving at the same moment never race for one
  // stored name (Payload's "name taken? add -1" check is not atomic across writers).
  const target = path.join(folder, `${base}-${randomBytes(4).toString('hex')}.${file.ext}`)
  await fs.rename(file.path, target)
  file.path = target
  return target
}
