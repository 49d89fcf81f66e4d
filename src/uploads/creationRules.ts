import type { Request } from 'express'
import type { Payload } from 'payload'

import type { Call } from '../payload-types'
import { callStatus } from '../collections/Calls/status'
import { readEnv } from '../config/env'
import { isSlug } from '../lib/slugify'
import { PublicApiError, validationFailed } from '../public-api/messages'
import type { Bilingual } from '../lib/bilingual'
import { refuseUnlessOpen } from '../submissions/deadline'
import { PHOTO_MAX_BYTES } from '../submissions/receive'
import { parseUploadMetadata } from './metadata'

/** The Upload-Metadata `field` values a member may send (SPEC §7), as in the multipart form. */
export const MEMBER_FIELDS = ['video', 'photos'] as const
const MB = 1024 * 1024
const DEFAULT_VIDEO_MAX_MEGABYTES = 500

const badRequest = (text: Bilingual) => new PublicApiError(400, 'bad_request', text)

const tooLarge = (limit: number) =>
  new PublicApiError(413, 'payload_too_large', {
    da: `Filen er for stor: højst ${Math.floor(limit / MB)} MB`,
    en: `The file is too large: at most ${Math.floor(limit / MB)} MB`,
  })

/** Upload-Length as a whole number, or undefined when the header is absent. */
const declaredLength = (req: Request): number | undefined => {
  const raw = req.get('upload-length')
  if (raw === undefined) return undefined
  if (!/^\d{1,16}$/.test(raw)) throw badRequest({ da: 'Upload-Length skal være et helt tal', en: 'Upload-Length must be a whole number' })
  return Number(raw)
}

const readMetadata = (req: Request): Record<string, string> => {
  const metadata = parseUploadMetadata(req.get('upload-metadata'))
  if (!metadata) throw badRequest({ da: 'Upload-Metadata er ikke gyldig', en: 'Upload-Metadata is malformed' })
  return metadata
}

const findCall = async (payload: Payload, slug: string): Promise<Call | undefined> => {
  if (!isSlug(slug)) return undefined
  const { docs } = await payload.find({ collection: 'calls', where: { slug: { equals: slug } }, depth: 0, limit: 1, locale: 'da', overrideAccess: true })
  return docs[0]
}

const toSecond = (value: Date | string): number => Math.floor(new Date(value).getTime() / 1000)

/**
 * SPEC §4 at the moment the creation arrived, with the deadline rule's grace (README,
 * "Submissions"; src/submissions/deadline.ts): a submission whose first upload began in time may
 * be sent up to UPLOAD_GRACE_MINUTES after the deadline, so its later files (a photo after the
 * video) must still be creatable then. An upload begun late is no ticket: the intake judges the
 * submission by its earliest upload, and refuses it when that one began after the deadline.
 */
const assertOpen = (call: Call, at: Date) => {
  const status = callStatus({ opensAt: call.opensAt, deadline: call.deadline }, at)
  if (status === 'closed' && toSecond(at) <= toSecond(call.deadline) + readEnv().uploadGraceMinutes * 60) return
  refuseUnlessOpen(call, status)
}

/**
 * A member's creation (POST /api/public/uploads), judged before a byte is stored:
 * Upload-Length is required (no deferred length: the limit is checked on the declared size),
 * the metadata names an open call (`call` = its slug) and a `field` (video or photos), and the
 * declared size is within the limit: the call's videoMaxMegabytes for a video, 20 MB a photo.
 */
export const checkMemberCreation = async (payload: Payload, req: Request): Promise<void> => {
  const receivedAt = new Date()
  if (req.get('upload-defer-length') !== undefined || req.get('upload-length') === undefined) {
    throw new PublicApiError(400, 'length_required', {
      da: 'Upload-Length skal angives (filens størrelse i bytes); udskudt længde tages ikke imod',
      en: 'Upload-Length is required (the file size in bytes); deferred length is not accepted',
    })
  }
  const length = declaredLength(req)!
  const metadata = readMetadata(req)
  const fields: Partial<Record<string, Bilingual>> = {}
  if (!metadata.call) fields.call = { da: 'Angiv indkaldelsen (call) i Upload-Metadata', en: 'Name the call (call) in Upload-Metadata' }
  if (!(MEMBER_FIELDS as readonly string[]).includes(metadata.field ?? '')) {
    fields.field = { da: 'field skal være video eller photos', en: 'field must be video or photos' }
  }
  if (length === 0) fields.file = { da: 'Filen er tom', en: 'The file is empty' }
  if (Object.keys(fields).length > 0) throw validationFailed(fields)

  const call = await findCall(payload, metadata.call)
  if (!call) throw validationFailed({ call: { da: 'Ukendt indkaldelse', en: 'Unknown call' } })
  assertOpen(call, receivedAt)
  if (metadata.field === 'video' && !call.allowVideo) {
    throw validationFailed({ video: { da: 'Denne indkaldelse tager ikke imod video', en: 'This call does not accept video' } })
  }
  const limit = metadata.field === 'video' ? (call.videoMaxMegabytes ?? DEFAULT_VIDEO_MAX_MEGABYTES) * MB : PHOTO_MAX_BYTES
  if (length > limit) throw tooLarge(limit)
}

/** A staff creation (POST /api/uploads): the declared size, when given, within UPLOAD_MAX_BYTES. */
export const checkStaffCreation = (req: Request): void => {
  readMetadata(req)
  const length = declaredLength(req)
  const limit = readEnv().uploadMaxBytes
  if (length !== undefined && length > limit) throw tooLarge(limit)
}
