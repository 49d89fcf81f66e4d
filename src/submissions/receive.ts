import fs from 'node:fs/promises'

import express, { type Request, type Response } from 'express'
import { ValidationError, type Payload } from 'payload'

import type { Call } from '../payload-types'
import { readEnv } from '../config/env'
import { isDatabaseBusy } from '../db/busy'
import { makeTempDir } from '../jobs/tempFiles'
import { isSlug } from '../lib/slugify'
import { mailRunner, queueSubmissionMails } from '../email/queue'
import { PublicApiError, validationFailed } from '../public-api/messages'
import { receiveMultipart, type ReceivedFile } from './multipart'
import { senderOrganisation } from './sender'
import { refuseUnlessOpen, submissionCallStatus } from './deadline'
import { checkFileTypes, storeSubmission } from './store'
import { checkUploadedTypes, checkUploads, claimUploads, firstUploadAt, readUploadIds, UPLOAD_ID_FIELDS, type NamedUpload } from './uploadIds'
import { refuseVideoPastLimits } from './videoLimits'
import { SUBMISSION_FIELDS, validateSubmission, type FieldErrors, type SubmissionInput } from './validate'

export const MAX_PHOTOS = 5
export const PHOTO_MAX_BYTES = 20 * 1024 * 1024
const FIELD_MAX_BYTES = 64 * 1024
// Room for a megabyte of Danish text (2 bytes a letter) to get a 422 on its length, not a 413.
const JSON_MAX_BYTES = '4mb'
/** The form's hidden trap: people never see it, form-filling bots fill it. */
export const HONEYPOT_FIELD = 'website'

export type Receipt = { id: string; receivedAt: string; call: string }

/** What a request sent, before any check: whitelisted fields and the files it streamed. */
export type RawSubmission = { fields: Record<string, unknown>; files: ReceivedFile[]; honeypot: boolean }

export type Outcome =
  | { kind: 'stored'; receipt: Receipt }
  /** A bot filled the honeypot: it is told "thank you" and nothing is kept. */
  | { kind: 'dropped'; receipt: Receipt }

const jsonBody = express.json({ limit: JSON_MAX_BYTES, type: () => true })

/**
 * The whole of receiving one submission, shared by the API endpoint and the form page:
 * read the body (files to a private temp folder), check the call is open at the moment the
 * request arrived, validate, check the files' real types, store, queue the mails.
 * Throws PublicApiError for everything the sender can fix; the temp folder always goes.
 */
export const receiveSubmission = async (
  payload: Payload,
  req: Request,
  res: Response,
  onFields?: (fields: Record<string, unknown>) => void,
): Promise<Outcome> => {
  const receivedAt = new Date()
  // Named with this process's pid: after a crash, the sweep knows whose folder it was.
  const dir = await makeTempDir('b2c-submission')
  try {
    const raw = await readBody(payload, req, res, dir)
    onFields?.(raw.fields)
    if (raw.honeypot) return { kind: 'dropped', receipt: fakeReceipt(raw.fields, receivedAt) }

    const call = await findCall(payload, raw.fields.call)
    const ids = readUploadIds(raw.fields, MAX_PHOTOS)
    // Only reads: nothing is taken before the whole submission has passed its checks.
    const named = call ? await checkUploads(ids, call) : { uploads: [] as NamedUpload[], errors: {} }
    assertOpen(call, { receivedAt, firstUploadAt: firstUploadAt(named.uploads), graceMinutes: readEnv().uploadGraceMinutes })

    const validated = validateSubmission(raw.fields)
    const errors: FieldErrors = { ...(validated.ok ? {} : validated.errors), ...ids.errors, ...named.errors }
    const video = raw.files.find((file) => file.field === 'video')
    if (video && !call?.allowVideo) {
      errors.video = { da: 'Denne indkaldelse tager ikke imod video', en: 'This call does not accept video' }
    }
    if (ids.video && call && !call.allowVideo) {
      errors.videoUpload = { da: 'Denne indkaldelse tager ikke imod video', en: 'This call does not accept video' }
    }
    if (video && ids.video) {
      errors.videoUpload = { da: 'Send videoen enten som fil eller som upload-id, ikke begge', en: 'Send the video either as a file or as an upload id, not both' }
    }
    const photoCount = raw.files.filter((file) => file.field === 'photos').length + ids.photos.length
    if (photoCount > MAX_PHOTOS && !errors.photoUploads) {
      errors.photoUploads = { da: `Højst ${MAX_PHOTOS} billeder i alt`, en: `At most ${MAX_PHOTOS} photos in all` }
    }
    if (!call && !errors.call) errors.call = { da: 'Ukendt indkaldelse', en: 'Unknown call' }
    if (!validated.ok || Object.keys(errors).length > 0) throw validationFailed(errors)

    const received = await checkFileTypes(raw.files)
    // The uploads' content and the video's limits are checked where the bytes lie, before they
    // are taken: a refused file leaves the upload as it was, for the sender to replace.
    const uploaded = await checkUploadedTypes(named.uploads, dir)
    const uploadedVideo = uploaded.find((file) => file.field === 'video')
    if (uploadedVideo) await refuseVideoPastLimits(uploadedVideo, call!).catch(namedAsUpload)
    const claimErrors = await claimUploads(named.uploads.map((upload, index) => ({ upload, file: uploaded[index] })), dir)
    if (Object.keys(claimErrors).length > 0) throw validationFailed(claimErrors)
    // From here on the uploads are consumed: if storing fails, the sender uploads them again.
    const files = [...received, ...uploaded]
    const senderOrg = await senderOrganisation(payload, req)
    const stored = await storeSubmission(payload, { input: validated.data, call: call!, files, receivedAt, senderOrganisation: senderOrg }, (req, id) =>
      queueSubmissionMails(payload, id, req),
    )
    mailRunner.kick()
    return { kind: 'stored', receipt: { id: String(stored.id), receivedAt: receivedAt.toISOString(), call: call!.slug! } }
  } catch (error) {
    if (isDatabaseBusy(error)) {
      // For operators: what the submission waited for (this process's queue or another process).
      payload.logger.warn(`submission not stored, database busy: ${(error as Error).message}`)
      throw databaseBusy()
    }
    if (error instanceof ValidationError) throw refusedByCollection(error)
    throw error
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

/** A refusal of the uploaded video names the field the sender used: `videoUpload`. */
const namedAsUpload = (error: unknown): never => {
  if (error instanceof PublicApiError && error.fields?.video) throw validationFailed({ videoUpload: error.fields.video })
  throw error
}

/** The database stayed locked: nothing was stored, and the sender is told to send again. */
const databaseBusy = () =>
  new PublicApiError(503, 'busy', {
    da: 'Vi har travlt lige nu, og indsendelsen er ikke gemt. Send den igen om lidt.',
    en: 'We are busy right now and the submission was not stored. Please send it again shortly.',
  })

/**
 * A value our checks let through but the collection's own validation refused: still the
 * sender's to correct (422 naming the field), never a 500. Nothing was stored.
 */
const refusedByCollection = (error: ValidationError) => {
  const known = new Set<string>([...SUBMISSION_FIELDS, 'photos', 'video'])
  const fields: FieldErrors = {}
  for (const { path } of error.data.errors) {
    const name = path.split('.')[0]
    if (!known.has(name)) continue
    fields[name as keyof FieldErrors] = {
      da: 'Værdien blev ikke godtaget; ret den og send igen',
      en: 'This value was not accepted; correct it and send again',
    }
  }
  return validationFailed(fields)
}

const readBody = async (payload: Payload, req: Request, res: Response, dir: string): Promise<RawSubmission> => {
  if (req.is('multipart/form-data')) {
    const calls = await openCallLimits(payload)
    const body = await receiveMultipart(req, dir, {
      maxPhotos: MAX_PHOTOS,
      photoBytes: PHOTO_MAX_BYTES,
      fieldBytes: FIELD_MAX_BYTES,
      // The call's own video limit, when its field came before the file (our form sends it first).
      videoBytes: (fields) => calls.get(String(fields.call)) ?? readEnv().uploadMaxBytes,
    })
    return { fields: whitelist(body.fields), files: body.files, honeypot: Boolean(body.fields[HONEYPOT_FIELD]) }
  }
  if (req.is('application/json')) {
    await new Promise<void>((resolve, reject) =>
      jsonBody(req, res, (error?: unknown) => (error ? reject(jsonError(error)) : resolve())),
    )
    const body: unknown = req.body
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new PublicApiError(400, 'bad_request', { da: 'Body skal være et JSON-objekt', en: 'The body must be a JSON object' })
    }
    const fields = body as Record<string, unknown>
    return { fields: whitelist(fields), files: [], honeypot: Boolean(fields[HONEYPOT_FIELD]) }
  }
  req.resume()
  throw new PublicApiError(415, 'unsupported_media_type', {
    da: 'Send multipart/form-data eller application/json',
    en: 'Send multipart/form-data or application/json',
  })
}

/** Only SPEC §7's names are read; `where[…]`, `status`, `editorNotes` and the like are dropped. */
const whitelist = (body: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    [...SUBMISSION_FIELDS, ...UPLOAD_ID_FIELDS].filter((name) => Object.hasOwn(body, name)).map((name) => [name, body[name]]),
  )

const jsonError = (error: unknown) => {
  const type = (error as { type?: string }).type
  if (type === 'entity.too.large') {
    return new PublicApiError(413, 'payload_too_large', { da: 'Indsendelsen er for stor', en: 'The submission is too large' })
  }
  return new PublicApiError(400, 'bad_request', { da: 'Ugyldig JSON', en: 'Malformed JSON' })
}

/** Video limits (bytes) of the calls that are open or about to open, by slug. */
const openCallLimits = async (payload: Payload): Promise<Map<string, number>> => {
  const { docs } = await payload.find({
    collection: 'calls',
    where: { deadline: { greater_than: new Date().toISOString() } },
    depth: 0,
    limit: 100,
    overrideAccess: true,
  })
  return new Map(docs.map((call) => [call.slug ?? '', (call.videoMaxMegabytes ?? 500) * 1024 * 1024]))
}

const findCall = async (payload: Payload, slug: unknown): Promise<Call | undefined> => {
  if (typeof slug !== 'string' || !isSlug(slug)) return undefined
  const { docs } = await payload.find({
    collection: 'calls',
    where: { slug: { equals: slug } },
    depth: 0,
    limit: 1,
    locale: 'da',
    overrideAccess: true,
  })
  return docs[0]
}

/**
 * SPEC §4: one second late is late. Compared at the moment the request arrived, or for a
 * submission sent through uploads at its first upload's creation, within the grace (./deadline.ts).
 */
const assertOpen = (call: Call | undefined, moments: Parameters<typeof submissionCallStatus>[1]) => {
  if (!call) return
  const status = submissionCallStatus({ opensAt: call.opensAt, deadline: call.deadline }, moments)
  refuseUnlessOpen(call, status)
}

const fakeReceipt = (fields: Record<string, unknown>, at: Date): Receipt => ({
  id: `${at.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
  receivedAt: at.toISOString(),
  call: typeof fields.call === 'string' ? fields.call.slice(0, 100) : '',
})

export type { SubmissionInput }
