import { createWriteStream, type WriteStream } from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'

import Busboy from 'busboy'
import type { Request } from 'express'

import { PublicApiError, validationFailed } from '../public-api/messages'

export type FileField = 'photos' | 'video'

/** A file of the request, streamed to disk as it arrived (never held in memory). */
export type ReceivedFile = { field: FileField; path: string; size: number; originalName: string }

export type MultipartBody = { fields: Record<string, string | string[]>; files: ReceivedFile[] }

export type MultipartLimits = {
  maxPhotos: number
  photoBytes: number
  /** Largest video; may depend on the fields that came before it (the call's own limit). */
  videoBytes: (fieldsSoFar: Record<string, string | string[]>) => number
  /** Longer text than this is cut by busboy and reported as too long, never buffered whole. */
  fieldBytes: number
}

const FILE_FIELDS = new Set<string>(['photos', 'video'])

/**
 * Streams a multipart body: fields into memory (bounded), files into `dir`. Rejects with a
 * PublicApiError (413 past a limit, 422 for a seventh photo or a second video) after every
 * file it started has been closed, so the caller can remove `dir` and lose nothing else.
 */
export const receiveMultipart = (req: Request, dir: string, limits: MultipartLimits): Promise<MultipartBody> =>
  new Promise((resolve, reject) => {
    const fields: Record<string, string | string[]> = {}
    const files: ReceivedFile[] = []
    const writes: Promise<void>[] = []
    const outs: WriteStream[] = []
    let failure: PublicApiError | Error | undefined
    let busboy: ReturnType<typeof Busboy>
    try {
      busboy = Busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fieldSize: limits.fieldBytes, fields: 60, files: 10, parts: 80, fieldNameSize: 100 },
      })
    } catch {
      reject(new PublicApiError(400, 'bad_request', { da: 'Ugyldig formular-data', en: 'Malformed form data' }))
      return
    }

    const fail = (error: PublicApiError | Error) => {
      failure ??= error
      // Stop reading the upload; what was sent so far is drained and thrown away.
      req.unpipe(busboy)
      req.resume()
      // A file cut off mid-way would never finish: close it, so `writes` settles.
      for (const out of outs) if (!out.closed) out.destroy()
      void Promise.allSettled(writes).then(() => reject(failure))
    }

    busboy.on('field', (name, value, info) => {
      if (failure) return
      // Too long to keep: mark it so validation reports the length instead of a cut-off text.
      const kept = info.valueTruncated ? 'x'.repeat(limits.fieldBytes + 1) : value
      const existing = fields[name]
      fields[name] = existing === undefined ? kept : [...(Array.isArray(existing) ? existing : [existing]), kept]
    })

    busboy.on('file', (name, stream: Readable, info) => {
      // A form without a chosen file still sends an empty part with an empty filename.
      if (failure || !FILE_FIELDS.has(name) || !info.filename) {
        stream.resume()
        return
      }
      const field = name as FileField
      const count = files.filter((file) => file.field === field).length
      if (field === 'photos' && count >= limits.maxPhotos) {
        stream.resume()
        return fail(validationFailed({ photos: { da: `Højst ${limits.maxPhotos} billeder`, en: `At most ${limits.maxPhotos} photos` } }))
      }
      if (field === 'video' && count >= 1) {
        stream.resume()
        return fail(validationFailed({ video: { da: 'Kun én video', en: 'Only one video' } }))
      }
      const max = field === 'photos' ? limits.photoBytes : limits.videoBytes(fields)
      const file: ReceivedFile = {
        field,
        path: path.join(dir, `${field}-${files.length}`),
        size: 0,
        originalName: info.filename.normalize('NFC').slice(0, 200),
      }
      files.push(file)
      const out = createWriteStream(file.path)
      outs.push(out)
      writes.push(
        new Promise<void>((done) => {
          out.on('close', done)
          out.on('error', (error) => {
            done()
            fail(error)
          })
        }),
      )
      stream.on('data', (chunk: Buffer) => {
        file.size += chunk.length
        if (file.size > max) {
          stream.unpipe(out)
          out.destroy()
          stream.resume()
          fail(tooLarge(field, max))
        }
      })
      stream.pipe(out)
    })

    busboy.on('error', () => fail(new PublicApiError(400, 'bad_request', { da: 'Ugyldig formular-data', en: 'Malformed form data' })))
    busboy.on('partsLimit', () => fail(tooMany()))
    busboy.on('filesLimit', () => fail(tooMany()))
    busboy.on('fieldsLimit', () => fail(tooMany()))
    busboy.on('close', () => {
      if (failure) return
      void Promise.all(writes).then(() => (failure ? undefined : resolve({ fields, files })))
    })
    req.on('aborted', () => fail(new Error('request aborted by the client')))
    req.pipe(busboy)
  })

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024)

const tooLarge = (field: FileField, max: number) =>
  new PublicApiError(413, 'payload_too_large', field === 'video'
    ? { da: `Videoen er for stor: højst ${megabytes(max)} MB`, en: `The video is too large: at most ${megabytes(max)} MB` }
    : { da: `Et billede er for stort: højst ${megabytes(max)} MB pr. billede`, en: `A photo is too large: at most ${megabytes(max)} MB each` })

const tooMany = () =>
  new PublicApiError(413, 'payload_too_large', { da: 'For mange felter eller filer', en: 'Too many fields or files' })
