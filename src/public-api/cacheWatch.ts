import type { CollectionSlug, Payload } from 'payload'

import { invalidatePublicCache } from './cache'

const WATCHED: CollectionSlug[] = ['stories', 'clips', 'organisations', 'calls', 'media', 'agreements', 'agreement-reviews']

/**
 * Changes made by another process (a separate worker finishing a clip, a second web process
 * where an editor withdrew consent) run no hooks here. Once a second, this compares a cheap
 * fingerprint of everything the public API shows — each collection's count and latest
 * `updatedAt`, which a deletion or any save changes — and clears the rendered answers when it
 * moved. Ten indexed queries a second, against answers that would otherwise wait for their
 * PUBLIC_CACHE_SECONDS to run out.
 */
export const watchForOutsideChanges = (payload: Payload, everyMs = 1000): (() => Promise<void>) => {
  let last: string | undefined
  let running: Promise<void> | undefined
  const check = () => (running ??= compare().finally(() => (running = undefined)))
  const compare = async () => {
    try {
      const parts = await Promise.all(
        WATCHED.map(async (collection) => {
          const { docs, totalDocs } = await payload.find({
            collection,
            sort: '-updatedAt',
            limit: 1,
            depth: 0,
            overrideAccess: true,
            select: { updatedAt: true },
          })
          return `${collection}:${totalDocs}:${(docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? ''}`
        }),
      )
      const fingerprint = parts.join('|')
      if (last !== undefined && fingerprint !== last) invalidatePublicCache()
      last = fingerprint
    } catch (error) {
      payload.logger.warn({ err: error }, 'public cache: could not check for outside changes')
    }
  }
  void check()
  const timer = setInterval(() => void check(), everyMs)
  timer.unref()
  // Stopping waits for a check in flight: the database is closed right after.
  return async () => {
    clearInterval(timer)
    await running
  }
}
