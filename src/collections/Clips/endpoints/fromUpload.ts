import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { fileTypeFromFile } from 'file-type'
import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import { isStaffUser } from '../../../access'
import { makeTempDir } from '../../../jobs/tempFiles'
import { slugify } from '../../../lib/slugify'
import { claimUpload, readUpload, UploadNotFinished, UploadNotFound } from '../../../uploads/records'

type Text = { da: string; en: string }

/** The error shape `{ error: { code, message } }`, in the admin's language (Danish by default). */
const refusal = (req: PayloadRequest, status: number, code: string, text: Text, fields?: Record<string, Text>) => {
  const language = req.i18n?.language === 'en' ? 'en' : 'da'
  const named = fields ? Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, value[language]])) : undefined
  return Response.json({ error: { code, message: text[language], ...(named ? { fields: named } : {}) } }, { status })
}

const unknownUpload = (req: PayloadRequest, id: string) =>
  refusal(req, 422, 'validation_failed', { da: 'Nogle felter skal rettes', en: 'Some fields need correcting' }, {
    uploadId: {
      da: `Uploaden "${id}" findes ikke, er udløbet eller er allerede brugt`,
      en: `The upload "${id}" does not exist, has expired or has already been used`,
    },
  })

const unfinished = (req: PayloadRequest, error: UploadNotFinished) =>
  refusal(req, 409, 'upload_not_finished', {
    da: `Uploaden er ikke færdig (${error.offset} af ${error.size ?? '?'} bytes): gør den færdig først`,
    en: `The upload is not finished (${error.offset} of ${error.size ?? '?'} bytes): finish it first`,
  })

/** A stored name from the editor's file name: readable, and never the same as another's. */
const storedName = (original: string, ext: string | undefined) => {
  const base = slugify(path.parse(original).name, 50) || 'video'
  const extension = ext ?? (path.extname(original).slice(1).toLowerCase().replace(/[^a-z0-9]/g, '') || 'bin')
  return `${base}-${randomBytes(4).toString('hex')}.${extension}`
}

/**
 * POST /api/clips/from-upload — the admin's resumable clip upload (issue #11, item 4): an editor
 * uploads a video through tus to /api/uploads, then names the finished upload here, with
 * `{ uploadId, clip?, title? }`. The upload is claimed (used once) and becomes the file of a new
 * clip (201), or replaces the file of `clip` (200), through the Local API: the same hooks
 * (refuseNonVideo, resetOnNewFile, queueProcessing) and pipeline as Payload's own upload.
 *
 * Staff only, by Payload's own auth (a token, or a cookie only from our origins: CSRF-safe).
 * Only a staff upload may be named: a member's upload belongs to a submission. The file is
 * handed over as a temp file on disk, which Payload copies into place without holding a 2 GB
 * video in memory (Local API `filePath` would read it whole).
 */
export const fromUploadEndpoint: Endpoint = {
  path: '/from-upload',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refusal(req, 401, 'unauthorized', { da: 'Log ind først', en: 'Log in first' })
    if (!isStaffUser(req.user)) return refusal(req, 403, 'forbidden', { da: 'Kun redaktører', en: 'Editors only' })
    await addDataAndFileToRequest(req)
    const body = (req.data ?? {}) as { uploadId?: unknown; clip?: unknown; title?: unknown }
    const uploadId = typeof body.uploadId === 'string' ? body.uploadId.trim() : ''
    if (!uploadId) {
      return refusal(req, 422, 'validation_failed', { da: 'Nogle felter skal rettes', en: 'Some fields need correcting' }, {
        uploadId: { da: 'Angiv uploadens id', en: 'Name the upload id' },
      })
    }
    const clipId = typeof body.clip === 'string' || typeof body.clip === 'number' ? body.clip : undefined
    const title = typeof body.title === 'string' && body.title.trim() ? body.title.trim().slice(0, 200) : undefined

    const record = await readUpload(uploadId)
    // A member's upload is reported like an unknown one: it is not staff's to take from a sender.
    if (!record || record.owner !== 'staff') return unknownUpload(req, uploadId)
    if (!record.finished) return unfinished(req, new UploadNotFinished(uploadId, record.offset, record.size))
    if (clipId !== undefined) {
      const existing = await req.payload.findByID({ collection: 'clips', id: clipId, depth: 0, req, overrideAccess: false }).catch(() => null)
      if (!existing) return refusal(req, 404, 'not_found', { da: 'Klippet findes ikke', en: 'No such clip' })
    }

    const dir = await makeTempDir('b2c-claim')
    try {
      let claimed: string
      try {
        claimed = await claimUpload(uploadId, dir)
      } catch (error) {
        if (error instanceof UploadNotFound) return unknownUpload(req, uploadId)
        if (error instanceof UploadNotFinished) return unfinished(req, error)
        throw error
      }
      const original = (record.metadata.filename || 'video').normalize('NFC')
      const detected = await fileTypeFromFile(claimed)
      const tempFilePath = path.join(dir, storedName(original, detected?.ext))
      await fs.rename(claimed, tempFilePath)
      const file = {
        name: path.basename(tempFilePath),
        // Empty data with a temp path: Payload copies the file into place instead of reading it.
        data: Buffer.alloc(0),
        tempFilePath,
        mimetype: detected?.mime ?? (record.metadata.filetype || 'application/octet-stream'),
        size: record.size ?? record.offset,
      }
      if (clipId !== undefined) {
        const doc = await req.payload.update({ collection: 'clips', id: clipId, data: {}, file, req, overrideAccess: false, depth: 0 })
        return Response.json({ doc }, { status: 200 })
      }
      const doc = await req.payload.create({
        collection: 'clips',
        data: { title: title ?? path.parse(original).name.slice(0, 200) } as never,
        file,
        req,
        overrideAccess: false,
        depth: 0,
      })
      return Response.json({ doc }, { status: 201 })
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  },
}
