import fs from 'node:fs/promises'
import path from 'node:path'

import { objectStore } from '../storage/objectStore'
import { claimBucketUpload, localCopy, readBucketUpload } from './bucketRecords'
import { isUploadId, UPLOAD_OWNERS, uploadsDir, type UploadOwner } from './paths'

/**
 * The interface between the tus endpoints and whoever uses a finished upload (the submission
 * intake, the admin's clip upload). It reads @tus/file-store's own files: `<dir>/<id>` (the
 * bytes) and `<dir>/<id>.json` (the info: size, metadata, creation_date); the offset is the
 * size of the bytes on disk, as FileStore itself computes it. With S3_BUCKET set, uploads live in
 * the bucket instead (src/uploads/bucketLayout.ts) and the same functions read and take them there.
 */
export type UploadRecord = {
  id: string
  /** The declared Upload-Length; undefined while the length is deferred (staff only). */
  size: number | undefined
  /** Bytes received so far. */
  offset: number
  /** Upload-Metadata as the client sent it (SPEC §7: filename, filetype, call, field). */
  metadata: Record<string, string>
  /** When the upload was created (the server's clock, not the client's). */
  createdAt: Date
  /**
   * Where the bytes are now; valid until the upload is claimed or expires. A local file only
   * without a bucket: use uploadedFile() to read the bytes before a claim.
   */
  filePath: string
  /** Every declared byte has arrived. */
  finished: boolean
  /** Which endpoint created it: /api/public/uploads (member) or /api/uploads (staff). */
  owner: UploadOwner
}

/** No upload with this id (never existed, expired, deleted, or already claimed). */
export class UploadNotFound extends Error {
  readonly code = 'UPLOAD_NOT_FOUND'
  constructor(readonly uploadId: string) {
    super(`No upload ${uploadId} (unknown, expired or already used)`)
    this.name = 'UploadNotFound'
  }
}

/** The upload exists but not all of its bytes have arrived: it cannot be claimed yet. */
export class UploadNotFinished extends Error {
  readonly code = 'UPLOAD_NOT_FINISHED'
  constructor(
    readonly uploadId: string,
    readonly offset: number,
    readonly size: number | undefined,
  ) {
    super(`Upload ${uploadId} is not finished (${offset} of ${size ?? '?'} bytes)`)
    this.name = 'UploadNotFinished'
  }
}

/** The info tus keeps beside an upload (`<id>.json` on disk, `info.json` in the bucket). */
export type StoredInfo = { id?: string; size?: number; metadata?: Record<string, string | null>; creation_date?: string }

const readInfo = async (infoPath: string): Promise<StoredInfo | undefined> => {
  try {
    return JSON.parse(await fs.readFile(infoPath, 'utf8')) as StoredInfo
  } catch {
    return undefined
  }
}

/** An upload's record from its info and what is stored of it, wherever that is. */
export const recordFrom = (
  id: string,
  owner: UploadOwner,
  info: StoredInfo,
  stored: { offset: number; filePath: string; createdFallback: Date | number },
): UploadRecord => {
  const metadata: Record<string, string> = {}
  for (const [key, value] of Object.entries(info.metadata ?? {})) metadata[key] = value ?? ''
  const size = typeof info.size === 'number' ? info.size : undefined
  return {
    id,
    size,
    offset: stored.offset,
    metadata,
    createdAt: new Date(info.creation_date ?? stored.createdFallback),
    filePath: stored.filePath,
    finished: size !== undefined && stored.offset === size,
    owner,
  }
}

const toRecord = async (id: string, owner: UploadOwner, info: StoredInfo, filePath: string): Promise<UploadRecord | undefined> => {
  const stat = await fs.stat(filePath).catch(() => null)
  if (!stat?.isFile()) return undefined
  return recordFrom(id, owner, info, { offset: stat.size, filePath, createdFallback: stat.birthtime })
}

/** One upload's record, from whichever owner's folder holds it; undefined when there is none. */
export const readUpload = async (id: string): Promise<UploadRecord | undefined> => {
  if (!isUploadId(id)) return undefined
  const store = objectStore()
  if (store) return readBucketUpload(store, id)
  for (const owner of UPLOAD_OWNERS) {
    const dir = uploadsDir(owner)
    const info = await readInfo(path.join(dir, `${id}.json`))
    if (info) return toRecord(id, owner, info, path.join(dir, id))
  }
  return undefined
}

/**
 * Takes a finished upload for good: moves its bytes to `<intoDir>/<id>` and removes its info, so
 * it can be used once only. The info file is renamed first, which is atomic: of two claims at
 * the same time one wins, the other gets UploadNotFound. Returns the new path of the bytes.
 * `intoDir` should be on MEDIA_DIR's filesystem (a rename); across filesystems it is copied.
 * Throws UploadNotFound (unknown, expired, already claimed) or UploadNotFinished (left as it was).
 * With a bucket the upload is downloaded to `<intoDir>/<id>` and its objects deleted, under the
 * upload's lock (src/uploads/bucketRecords.ts).
 */
export const claimUpload = async (id: string, intoDir: string): Promise<string> => {
  if (!isUploadId(id)) throw new UploadNotFound(id)
  const store = objectStore()
  if (store) return claimBucketUpload(store, id, intoDir)
  for (const owner of UPLOAD_OWNERS) {
    const dir = uploadsDir(owner)
    const infoPath = path.join(dir, `${id}.json`)
    const claimedInfo = path.join(dir, `${id}.claiming-${process.pid}-${Date.now()}`)
    try {
      await fs.rename(infoPath, claimedInfo)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw error
    }
    const info = await readInfo(claimedInfo)
    const record = info ? await toRecord(id, owner, info, path.join(dir, id)) : undefined
    if (!record) {
      await fs.rm(claimedInfo, { force: true })
      throw new UploadNotFound(id)
    }
    if (!record.finished) {
      // Give it back untouched: the client may still finish it.
      await fs.rename(claimedInfo, infoPath)
      throw new UploadNotFinished(id, record.offset, record.size)
    }
    const target = path.join(intoDir, id)
    await moveFile(record.filePath, target)
    await fs.rm(claimedInfo, { force: true })
    return target
  }
  throw new UploadNotFound(id)
}

const moveFile = async (from: string, to: string): Promise<void> => {
  try {
    await fs.rename(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await fs.copyFile(from, to)
    await fs.rm(from, { force: true })
  }
}

/**
 * A local file with a finished upload's bytes, for checks before it is claimed: the upload's own
 * file on disk, or with a bucket a copy downloaded into `intoDir` (which the claim then keeps
 * instead of downloading again). The upload is not taken.
 */
export const uploadedFile = async (record: UploadRecord, intoDir: string): Promise<string> => {
  const store = objectStore()
  return store ? localCopy(store, record, intoDir) : record.filePath
}
