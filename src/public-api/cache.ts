import { createHash } from 'node:crypto'

import type { Request, RequestHandler, Response } from 'express'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig } from 'payload'

import { readEnv } from '../config/env'
import { requestLocale } from './messages'

const MAX_ENTRIES = 2000
const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300'

type Entry = { body: Buffer; etag: string; type: string; locale: string; storedAt: number }
const entries = new Map<string, Entry>()
let ttl: number | undefined
/** Read once: this is on every request's path. */
const cacheTtlMs = () => (ttl ??= readEnv().publicCacheSeconds * 1000)
let generation = 0

/**
 * Forget every rendered answer. Called by hooks on everything the public API shows, so a
 * publish, an unpublish or a withdrawn consent is visible on the very next request. Changes made
 * by another process (a worker finishing a clip) are picked up within PUBLIC_CACHE_SECONDS.
 */
export const invalidatePublicCache = () => {
  generation++
  entries.clear()
}

const afterChange: CollectionAfterChangeHook = ({ doc }) => {
  invalidatePublicCache()
  return doc
}
const afterDelete: CollectionAfterDeleteHook = ({ doc }) => {
  invalidatePublicCache()
  return doc
}

/** Adds the invalidation hooks to a collection the public API reads. */
export const invalidatesPublicCache = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
    afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
  },
})

const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('base64url')}"`

const matches = (req: Request, etag: string) =>
  (req.headers['if-none-match'] ?? '')
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*')

const send = (req: Request, res: Response, entry: Entry) => {
  res.set({ ETag: entry.etag, 'Cache-Control': CACHE_CONTROL, 'Content-Language': entry.locale, Vary: 'Origin' })
  if (matches(req, entry.etag)) return res.status(304).end()
  res.type(entry.type).send(entry.body)
}

export type Rendered = { body: string | Buffer; type?: string; locale?: string }

/**
 * A GET answered from memory when it was rendered before and nothing changed since: ETag,
 * `Cache-Control: public, max-age=60, stale-while-revalidate=300`, and 304 for a matching
 * `If-None-Match`. Errors are never cached. The key is the path and the query as sent.
 */
export const cachedGet =
  (render: (req: Request) => Promise<Rendered>): RequestHandler =>
  async (req, res, next) => {
    try {
      const key = req.originalUrl
      const ttlMs = cacheTtlMs()
      const hit = entries.get(key)
      if (hit && Date.now() - hit.storedAt < ttlMs) return send(req, res, hit)
      const started = generation
      const rendered = await render(req)
      const body = Buffer.isBuffer(rendered.body) ? rendered.body : Buffer.from(rendered.body)
      const entry: Entry = {
        body,
        etag: etagOf(body),
        type: rendered.type ?? 'application/json; charset=utf-8',
        locale: rendered.locale ?? requestLocale(req),
        storedAt: Date.now(),
      }
      // Something changed while this was rendered: answer with it, but do not keep it.
      if (started === generation && ttlMs > 0) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
        entries.set(key, entry)
      }
      send(req, res, entry)
    } catch (error) {
      next(error)
    }
  }

export const json = (value: unknown, locale?: string): Rendered => ({ body: JSON.stringify(value), locale })
