import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook } from 'payload'

import { relationId } from '../../../lib/relationId'
import { cancelClipJobs, queueClipJob } from '../../../video/clipJobs'
import { clipOutputStore } from '../../../video/outputStore'
import { deleteClipPosters } from '../../../video/posterDocs'
import { storedFailure } from '../../../video/storedFailure'
import { sameSource, SupersededError, type PipelineSource } from '../../../video/supersession'

const hasNewFile = (doc: { filename?: string | null; filesize?: number | null }, previous?: typeof doc) =>
  Boolean(doc.filename) && (!previous || doc.filename !== previous.filename || doc.filesize !== previous.filesize)

/**
 * A new or replaced file starts over: queued, no progress, no error, and nothing of the old
 * file shown (renditions, HLS address, poster).
 */
export const resetOnNewFile: CollectionBeforeChangeHook = ({ data, originalDoc, operation, context }) => {
  if (context.fromPipeline) return data
  if (operation === 'create' || (data.filename && hasNewFile(data, originalDoc))) {
    data.processing = { status: 'queued', progress: 0, ...storedFailure(null) }
    if (operation === 'update') {
      data.renditions = []
      data.hlsUrl = null
      data.poster = null
    }
  }
  return data
}

/**
 * The pipeline's saves name the file they were made from; once the clip holds another file such
 * a save is refused, so a transcode of the old file can never show its outputs as the new one's,
 * even when its save races the replace.
 */
export const refuseStalePipelineWrite: CollectionBeforeChangeHook = ({ data, originalDoc, context }) => {
  const source = context.pipelineSource as PipelineSource | undefined
  if (!source || !originalDoc) return data
  if (!sameSource(originalDoc, source)) {
    throw new SupersededError(`the file of clip ${originalDoc.id} was replaced`)
  }
  // A preview of a file whose ladder another attempt has already published would take a ready
  // clip back to its lowest rung: that attempt is the one that counts.
  if (context.previewOnly && originalDoc.processing?.status === 'ready') {
    throw new SupersededError(`clip ${originalDoc.id} is already ready`)
  }
  return data
}

/**
 * Uploading or replacing a clip's file queues the pipeline in place of any job of the old file
 * (whose ffmpeg then stops within a second, in whatever process it runs); the pipeline's own
 * saves do not.
 */
export const queueProcessing: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, context, req }) => {
  if (context.fromPipeline) return doc
  const replaced = operation === 'update' && hasNewFile(doc, previousDoc)
  const posterOnly = operation === 'update' && doc.posterAt !== previousDoc?.posterAt && doc.processing?.status === 'ready'
  if (replaced) {
    // The old file's outputs and posters: nothing names them any more.
    await cancelClipJobs(req.payload, doc.id, req)
    await clipOutputStore().removeAll(doc.id)
    await deleteClipPosters(req.payload, doc.id, { also: relationId(previousDoc?.poster), req })
  }
  if (operation === 'create' || replaced || posterOnly) {
    await queueClipJob(req.payload, doc.id, { posterOnly: posterOnly && !replaced, req })
  }
  return doc
}

/** Deleting a clip cancels its work and removes every rendition, playlist and poster it ever had. */
export const removeOutputs: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await cancelClipJobs(req.payload, doc.id, req).catch(() => {})
  await clipOutputStore().removeAll(doc.id)
  await deleteClipPosters(req.payload, doc.id, { also: relationId(doc.poster), req })
}
