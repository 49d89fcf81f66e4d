import fs from 'node:fs/promises'

import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook } from 'payload'

import { relationId } from '../../../lib/relationId'
import { clipOutputRoot } from '../../../video/paths'
import { kickVideoQueue } from '../../../video/runner'
import { VIDEO_QUEUE } from '../../../video/task'

const hasNewFile = (doc: { filename?: string | null; filesize?: number | null }, previous?: typeof doc) =>
  Boolean(doc.filename) && (!previous || doc.filename !== previous.filename || doc.filesize !== previous.filesize)

/** A new or replaced file starts over: queued, no progress, no error, old outputs gone. */
export const resetOnNewFile: CollectionBeforeChangeHook = ({ data, originalDoc, operation, context }) => {
  if (context.fromPipeline) return data
  if (operation === 'create' || (data.filename && hasNewFile(data, originalDoc))) {
    data.processing = { status: 'queued', progress: 0, error: null }
    if (operation === 'update') {
      data.renditions = []
      data.hlsUrl = null
    }
  }
  return data
}

/** Uploading or replacing a clip's file queues the pipeline; the pipeline's own saves do not. */
export const queueProcessing: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, context, req }) => {
  if (context.fromPipeline) return doc
  const replaced = operation === 'update' && hasNewFile(doc, previousDoc)
  const posterOnly = operation === 'update' && doc.posterAt !== previousDoc?.posterAt && doc.processing?.status === 'ready'
  if (operation === 'create' || replaced || posterOnly) {
    await req.payload.jobs.queue({
      task: 'processClip',
      queue: VIDEO_QUEUE,
      input: { clipId: String(doc.id), ...(posterOnly && !replaced ? { posterOnly: true } : {}) },
      req,
    })
    // Once this save has committed, start right away rather than at the next tick.
    setTimeout(kickVideoQueue, 50)
  }
  return doc
}

/** Deleting a clip cancels its queued work and removes every rendition, playlist and poster. */
export const removeOutputs: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await req.payload.jobs
    .cancel({ where: { and: [{ taskSlug: { equals: 'processClip' } }, { 'input.clipId': { equals: String(doc.id) } }] } as never, req })
    .catch(() => {})
  await fs.rm(clipOutputRoot(doc.id), { recursive: true, force: true })
  const poster = relationId(doc.poster)
  if (poster) await req.payload.delete({ collection: 'media', id: poster, overrideAccess: true, req }).catch(() => {})
}
