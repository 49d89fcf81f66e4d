import fs from 'node:fs/promises'
import path from 'node:path'

import { isNotFound, type ObjectStore } from '../storage/objectStore'
import { deleteUploadObjects, downloadPieces, listPieces, piecesEnd, readInfo, uploadPrefix } from './bucketLayout'
import { currentUploadLocker } from './locker'
import { UPLOAD_OWNERS, type UploadOwner } from './paths'
import { recordFrom, UploadNotFinished, UploadNotFound, type StoredInfo, type UploadRecord } from './records'

/** Where a claim waits for a PATCH still writing the upload (tus's own lock timeout is 30 s). */
const CLAIM_SIGNAL_MS = 60_000

const toRecord = async (store: ObjectStore, id: string, owner: UploadOwner, info: StoredInfo): Promise<UploadRecord> =>
  recordFrom(id, owner, info, {
    offset: piecesEnd(await listPieces(store, owner, id)),
    // Not a local file: the bytes are objects until a claim (or localCopy) downloads them.
    filePath: `s3:${uploadPrefix(owner, id)}`,
    createdFallback: 0,
  })

const findInfo = async (store: ObjectStore, id: string): Promise<{ owner: UploadOwner; info: StoredInfo } | undefined> => {
  for (const owner of UPLOAD_OWNERS) {
    const info = await readInfo(store, owner, id)
    if (info) return { owner, info }
  }
  return undefined
}

/** readUpload for uploads in the bucket: the state as every process sees it. */
export const readBucketUpload = async (store: ObjectStore, id: string): Promise<UploadRecord | undefined> => {
  const found = await findInfo(store, id)
  return found ? toRecord(store, id, found.owner, found.info) : undefined
}

/**
 * claimUpload for uploads in the bucket: under the upload's lock (no PATCH writes it meanwhile,
 * and of two claims the second finds nothing), downloads the finished upload to `<intoDir>/<id>`
 * and then deletes its objects. A download that fails leaves the upload as it was. A copy
 * already at `<intoDir>/<id>` with the upload's size (localCopy's, for the checks before a
 * claim) is kept rather than downloaded again: a finished upload never changes.
 */
export const claimBucketUpload = async (store: ObjectStore, id: string, intoDir: string): Promise<string> => {
  const lock = currentUploadLocker().newLock(id)
  await lock.lock(AbortSignal.timeout(CLAIM_SIGNAL_MS), () => undefined)
  try {
    const found = await findInfo(store, id)
    if (!found) throw new UploadNotFound(id)
    const record = await toRecord(store, id, found.owner, found.info)
    if (!record.finished) throw new UploadNotFinished(id, record.offset, record.size)
    const target = await localCopy(store, record, intoDir)
    await deleteUploadObjects(store, found.owner, id)
    return target
  } finally {
    await lock.unlock()
  }
}

/**
 * The finished upload's bytes as a local file `<intoDir>/<id>` (downloaded once), without taking
 * it: for the checks a caller makes before claiming. Throws UploadNotFound when it went meanwhile.
 */
export const localCopy = async (store: ObjectStore, record: UploadRecord, intoDir: string): Promise<string> => {
  const target = path.join(intoDir, record.id)
  const have = await fs.stat(target).catch(() => null)
  if (have?.isFile() && have.size === record.offset) return target
  const pieces = await listPieces(store, record.owner, record.id)
  if (piecesEnd(pieces) !== record.offset) throw new UploadNotFound(record.id)
  try {
    await downloadPieces(store, pieces, target)
  } catch (error) {
    await fs.rm(target, { force: true })
    // Claimed or expired while it was being read.
    throw isNotFound(error) ? new UploadNotFound(record.id) : error
  }
  return target
}
