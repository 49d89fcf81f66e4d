import fs from 'node:fs/promises'
import path from 'node:path'

import { NotFound, type CollectionSlug, type PayloadRequest, type UploadConfig, type Where } from 'payload'

import { objectExists, objectStore } from '../storage/objectStore'
import { UPLOAD_PREFIXES } from '../storage/payloadStorage'

type UploadHandler = NonNullable<UploadConfig['handlers']>[number]

/** The documents of `collection` that name `filename` as their file or one of their sizes. */
const documentsNaming = async (req: PayloadRequest, collection: CollectionSlug, filename: string) => {
  const sizes = req.payload.collections[collection]?.config.upload?.imageSizes ?? []
  const where: Where = {
    or: [{ filename: { equals: filename } }, ...sizes.map(({ name }) => ({ [`sizes.${name}.filename`]: { equals: filename } }))],
  }
  const { totalDocs } = await req.payload.count({ collection, where, overrideAccess: true, req })
  return totalDocs
}

/**
 * Payload serves `/api/<upload collection>/file/<name>` from disk and answers a name that is
 * not there with a 500 and an error in the log (to staff; others are refused earlier, as
 * nothing readable names it). It runs after Payload's access check, so it tells no one more
 * than they may know: a name nothing has is a 404, answered through Payload's own NotFound.
 * A file that a document names but the disk lost is a 404 too, and a warning for the
 * operators. A file that is there is left to Payload.
 */
export const missingFileIsNotFound: UploadHandler = async (req, { params }) => {
  const collection = params.collection as CollectionSlug
  const { filename } = params
  const upload = req.payload.collections[collection]?.config.upload
  const where = upload?.disableLocalStorage ? await inBucket(collection, filename) : await onDisk(upload?.staticDir, filename)
  if (where.found) return
  if ((await documentsNaming(req, collection, filename)) > 0) {
    req.payload.logger.warn(`${collection}: ${filename} is named by a document but missing from ${where.place}`)
  }
  throw new NotFound(req.t)
}

type Lookup = { found: boolean; place?: string }

/** Found, or not there; anything unusable (no folder, a name outside it) counts as found: Payload's own checks decide. */
const onDisk = async (dir: string | undefined, filename: string): Promise<Lookup> => {
  if (!dir) return { found: true }
  const root = path.resolve(dir)
  const file = path.resolve(root, filename)
  // Outside the folder: Payload's own check refuses it.
  if (!file.startsWith(root + path.sep)) return { found: true }
  try {
    await fs.stat(file)
    return { found: true }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { found: code !== 'ENOENT' && code !== 'ENOTDIR', place: `the disk (${file})` }
  }
}

/** With S3_BUCKET: the object under the collection's folder (src/storage/payloadStorage.ts). */
const inBucket = async (collection: CollectionSlug, filename: string): Promise<Lookup> => {
  const store = objectStore()
  const prefix = UPLOAD_PREFIXES[collection as keyof typeof UPLOAD_PREFIXES]
  if (!store || !prefix || filename.includes('/') || filename.startsWith('.')) return { found: true }
  const key = `${prefix}/${filename}`
  return { found: await objectExists(store, key), place: `the bucket (${key})` }
}
