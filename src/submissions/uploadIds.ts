import type { Call } from '../payload-types'
import { validationFailed } from '../public-api/messages'
import type { Bilingual } from '../lib/bilingual'
import { claimUpload, readUpload, uploadedFile, UploadNotFound, type UploadRecord } from '../uploads/records'
import type { FileField, ReceivedFile } from './multipart'
import { checkFileTypes, type CheckedFile } from './store'

/**
 * A submission's files may arrive beforehand, through tus (/api/public/uploads), and be named
 * by their upload ids: `videoUpload` (one id) and `photoUploads` (up to five). The same names
 * work as JSON keys and as form fields of the /indsend form's multipart POST.
 */
export const UPLOAD_ID_FIELDS = ['videoUpload', 'photoUploads'] as const
export type UploadIdField = (typeof UPLOAD_ID_FIELDS)[number]

export type UploadIdErrors = Partial<Record<UploadIdField, Bilingual>>

/** One upload named by the submission, checked: usable by this call for this file field. */
export type NamedUpload = { field: FileField; record: UploadRecord }

const FIELD_OF: Record<UploadIdField, FileField> = { videoUpload: 'video', photoUploads: 'photos' }

const unknownOrUsed = (id: string): Bilingual => ({
  da: `Uploaden "${id}" findes ikke, er udløbet eller er allerede brugt i en indsendelse`,
  en: `The upload "${id}" does not exist, has expired or has already been used in a submission`,
})

/**
 * The ids as sent: a JSON string or array, or one or more form fields. An empty value means
 * none (a form's empty hidden field); anything but text is the sender's to fix.
 */
export const readUploadIds = (
  body: Record<string, unknown>,
  maxPhotos: number,
): { video?: string; photos: string[]; errors: UploadIdErrors } => {
  const errors: UploadIdErrors = {}
  const list = (value: unknown): string[] | undefined => {
    if (value === undefined || value === null || value === '') return []
    const values = Array.isArray(value) ? value : [value]
    if (!values.every((entry) => typeof entry === 'string')) return undefined
    return (values as string[]).map((entry) => entry.trim()).filter(Boolean)
  }
  const video = list(body.videoUpload)
  if (!video) errors.videoUpload = { da: 'Skal være et upload-id (tekst)', en: 'Must be an upload id (text)' }
  else if (video.length > 1) errors.videoUpload = { da: 'Kun én video', en: 'Only one video' }
  const photos = list(body.photoUploads)
  if (!photos) errors.photoUploads = { da: 'Skal være en liste af upload-id’er (tekst)', en: 'Must be a list of upload ids (text)' }
  else if (photos.length > maxPhotos) errors.photoUploads = { da: `Højst ${maxPhotos} billeder`, en: `At most ${maxPhotos} photos` }
  else if (new Set(photos).size < photos.length) errors.photoUploads = { da: 'Det samme billede er nævnt to gange', en: 'The same photo is named twice' }
  return { video: video?.[0], photos: photos ?? [], errors }
}

/**
 * Checks each named upload: it exists, every byte has arrived, a member created it (a staff
 * upload is not the public's to name), for this call and for this field. Reads only: nothing
 * is taken, so an upload of a refused submission can be named again once the mistake is fixed.
 */
export const checkUploads = async (
  ids: { video?: string; photos: string[] },
  call: Call,
): Promise<{ uploads: NamedUpload[]; errors: UploadIdErrors }> => {
  const errors: UploadIdErrors = {}
  const uploads: NamedUpload[] = []
  const named: [UploadIdField, string][] = [
    ...(ids.video ? [['videoUpload', ids.video] as [UploadIdField, string]] : []),
    ...ids.photos.map((id) => ['photoUploads', id] as [UploadIdField, string]),
  ]
  for (const [name, id] of named) {
    const problem = await uploadProblem(id, name, call)
    if (typeof problem === 'object' && 'da' in problem) errors[name] ??= problem
    else uploads.push({ field: FIELD_OF[name], record: problem })
  }
  return { uploads, errors }
}

const uploadProblem = async (id: string, name: UploadIdField, call: Call): Promise<Bilingual | UploadRecord> => {
  const record = await readUpload(id)
  // A staff upload is reported like an unknown one: the public learns nothing about it.
  if (!record || record.owner !== 'member') return unknownOrUsed(id)
  if (!record.finished) {
    return {
      da: `Uploaden "${id}" er ikke færdig (${record.offset} af ${record.size ?? '?'} bytes): gør den færdig og send igen`,
      en: `The upload "${id}" is not finished (${record.offset} of ${record.size ?? '?'} bytes): finish it and send again`,
    }
  }
  if (record.metadata.call !== call.slug) {
    return {
      da: `Uploaden "${id}" blev lavet til en anden indkaldelse`,
      en: `The upload "${id}" was made for another call`,
    }
  }
  if (record.metadata.field !== FIELD_OF[name]) {
    return name === 'videoUpload'
      ? { da: `Uploaden "${id}" blev lavet som et billede, ikke som videoen`, en: `The upload "${id}" was made as a photo, not as the video` }
      : { da: `Uploaden "${id}" blev lavet som videoen, ikke som et billede`, en: `The upload "${id}" was made as the video, not as a photo` }
  }
  return record
}

/** The moment the first of a submission's uploads began: the deadline is judged there. */
export const firstUploadAt = (uploads: NamedUpload[]): Date | undefined =>
  uploads.length === 0 ? undefined : new Date(Math.min(...uploads.map(({ record }) => record.createdAt.getTime())))

/** An upload as the intake treats a received file, its bytes where they are now. */
export const asReceivedFile = ({ field, record }: NamedUpload): ReceivedFile => ({
  field,
  path: record.filePath,
  size: record.size ?? record.offset,
  originalName: (record.metadata.filename || (field === 'video' ? 'video' : 'billede')).normalize('NFC').slice(0, 200),
})

const fieldNameOf = (upload: NamedUpload): UploadIdField => (upload.field === 'video' ? 'videoUpload' : 'photoUploads')

/**
 * The named uploads' real types, read where their bytes lie (before anything is taken; with a
 * bucket, from a copy downloaded into `intoDir`, which the claim then keeps). Between
 * checkUploads and this read another submission may have claimed one of them (two senders with
 * the same id): its bytes are gone, so the read fails (ENOENT, or UploadNotFound for a copy).
 * That is the sender's race to lose, as at the claim: a 422 on the field, not a 500.
 */
export const checkUploadedTypes = async (uploads: NamedUpload[], intoDir?: string): Promise<CheckedFile[]> => {
  try {
    const files = await Promise.all(
      uploads.map(async (upload) => ({ ...asReceivedFile(upload), path: intoDir ? await uploadedFile(upload.record, intoDir) : upload.record.filePath })),
    )
    return await checkFileTypes(files)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof UploadNotFound)) throw error
    for (const upload of uploads) {
      if (!(await readUpload(upload.record.id))) throw validationFailed({ [fieldNameOf(upload)]: unknownOrUsed(upload.record.id) })
    }
    throw error
  }
}

/**
 * Takes the uploads for good, into the intake's temp folder, and points the files at their new
 * place. Another submission that claimed one of them first wins: this one gets a 422 for that
 * field. The uploads claimed before that are consumed with the temp folder (only two senders
 * racing with the same id get there).
 */
export const claimUploads = async <T extends ReceivedFile>(
  pairs: { upload: NamedUpload; file: T }[],
  intoDir: string,
): Promise<UploadIdErrors> => {
  for (const { upload, file } of pairs) {
    try {
      file.path = await claimUpload(upload.record.id, intoDir)
    } catch (error) {
      if (!(error instanceof UploadNotFound)) throw error
      return { [fieldNameOf(upload)]: unknownOrUsed(upload.record.id) }
    }
  }
  return {}
}
