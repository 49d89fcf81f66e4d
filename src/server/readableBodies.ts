import type { NextFunction, Request, Response } from 'express'
import type { SanitizedConfig } from 'payload'

import { payloadLanguage } from './payloadLanguage'
import type { Bilingual } from '../lib/bilingual'

const WRITES = new Set(['POST', 'PATCH', 'PUT'])

const MESSAGE: Bilingual = {
  da: 'Indholdet skal sendes som application/json eller multipart/form-data',
  en: 'Send the body as application/json or multipart/form-data',
}

/** What Payload reads a body as: exactly its own test (`Content-Type` up to the first `;`). */
const readableByPayload = (contentType: string | undefined) => {
  const [type] = (contentType ?? '').split(';', 1)
  return type === 'application/json' || type.includes('multipart/')
}

const hasBody = (req: Request) =>
  Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined

/**
 * The admin's relationship search posts a urlencoded query with this header; Payload then
 * treats the request as a GET and reads the body itself.
 */
const isOverriddenGet = (req: Request) =>
  req.method === 'POST' &&
  (req.get('x-payload-http-method-override') === 'GET' || req.get('x-http-method-override') === 'GET')

/**
 * Payload reads only JSON and multipart bodies; any other (`text/plain`, a urlencoded form)
 * reaches its create or update operation as no data at all, which fails with a TypeError and a
 * 500. Such a request is refused here with 415 in Payload's error shape: any write with a body
 * Payload would not read, and a create or update of a document without a readable body at all.
 */
export const refuseUnreadableBodies = (config: Promise<SanitizedConfig> | SanitizedConfig) => {
  let slugs: Promise<{ collections: Set<string>; globals: Set<string> }> | undefined
  const load = async () => {
    const resolved: SanitizedConfig = await config
    return {
      collections: new Set<string>(resolved.collections.map((collection) => collection.slug)),
      globals: new Set<string>(resolved.globals.map((global) => global.slug)),
    }
  }
  const documentSlugs = () => (slugs ??= load())

  /** POST /<collection>, PATCH|PUT /<collection>[/<id>], POST /globals/<slug>: they need data. */
  const writesDocument = async (req: Request) => {
    const { collections, globals } = await documentSlugs()
    const [first, second, third, ...more] = req.path.split('/').filter(Boolean)
    if (more.length > 0 || !first) return false
    if (first === 'globals') return req.method === 'POST' && !third && globals.has(second ?? '')
    if (!collections.has(first)) return false
    if (req.method === 'POST') return !second
    return !third
  }

  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      if (!WRITES.has(req.method) || isOverriddenGet(req) || readableByPayload(req.headers['content-type'])) return next()
      if (!hasBody(req) && !(await writesDocument(req))) return next()
      // What was sent is read and thrown away, so the answer reaches the client.
      req.resume()
      const language = payloadLanguage((name) => req.get(name))
      res.status(415).set('Cache-Control', 'no-store').json({ errors: [{ message: MESSAGE[language] }] })
    } catch (error) {
      next(error)
    }
  }
}
