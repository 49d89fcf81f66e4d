import fs from 'node:fs/promises'
import path from 'node:path'

import { NotFound, type CollectionSlug, type PayloadRequest, type UploadConfig, type Where } from 'payload'

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
  const dir = req.payload.collections[collection]?.config.upload?.staticDir
  if (!dir) return
  const root = path.resolve(dir)
  const file = path.resolve(root, filename)
  // Outside the folder: Payload's own check refuses it.
  if (!file.startsWith(root + path.sep)) return
  try {
    await fs.stat(file)
    return
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return
  }
  if ((await documentsNaming(req, collection, filename)) > 0) {
    req.payload.logger.warn(`${collection}: ${filename} is named by a document but missing on the disk (${file})`)
  }
  throw new NotFound(req.t)
}
