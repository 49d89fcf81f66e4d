import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'

import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3'
import type { Request, Response } from 'express'

import { isNotFound, type ObjectStore } from './objectStore'

export type SendOutcome = 'sent' | 'not_found' | 'range_not_satisfiable'

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/

/**
 * Streams an object from the bucket as /media answers it from disk: one byte range passed
 * through to S3 (206 with Content-Range), validators (ETag, Last-Modified, 304 on If-None-Match),
 * HEAD without a body. The bytes flow through this process; nothing is buffered whole.
 * Headers already set by the caller (type, caching) are kept. What could not be sent is
 * reported to the caller, which owns the error answers.
 */
export const sendObject = async (req: Request, res: Response, store: ObjectStore, key: string): Promise<SendOutcome> => {
  const rangeHeader = req.headers.range?.trim()
  // Several ranges in one request (multipart/byteranges) are rare and S3 does not do them: the whole file, as RFC 9110 allows.
  const range = rangeHeader && SINGLE_RANGE.test(rangeHeader) && rangeHeader !== 'bytes=-' ? rangeHeader : undefined
  const ifNoneMatch = req.headers['if-none-match']
  const abort = new AbortController()
  res.on('close', () => abort.abort())
  try {
    if (req.method === 'HEAD') {
      const head = await store.client.send(new HeadObjectCommand({ Bucket: store.bucket, Key: key }), { abortSignal: abort.signal })
      validators(res, head.ETag, head.LastModified)
      res.setHeader('Accept-Ranges', 'bytes')
      if (head.ContentLength !== undefined) res.setHeader('Content-Length', String(head.ContentLength))
      res.status(200).end()
      return 'sent'
    }
    const object = await store.client.send(
      new GetObjectCommand({ Bucket: store.bucket, Key: key, Range: range, IfNoneMatch: ifNoneMatch }),
      { abortSignal: abort.signal },
    )
    validators(res, object.ETag, object.LastModified)
    res.setHeader('Accept-Ranges', 'bytes')
    if (object.ContentLength !== undefined) res.setHeader('Content-Length', String(object.ContentLength))
    if (range && object.ContentRange) {
      res.setHeader('Content-Range', object.ContentRange)
      res.status(206)
    } else res.status(200)
    await pipeline(object.Body as Readable, res).catch((error: unknown) => {
      // The player went away mid-file (seeking, closing the tab): nothing to answer any more.
      if (!res.writableFinished && (abort.signal.aborted || res.destroyed)) return
      throw error
    })
    return 'sent'
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode
    if (status === 304) {
      res.status(304).end()
      return 'sent'
    }
    if (res.headersSent) throw error
    if (isNotFound(error)) return 'not_found'
    if (status === 416 || (error as { name?: string })?.name === 'InvalidRange') {
      const size = await objectSize(store, key)
      if (size === null) return 'not_found'
      res.setHeader('Content-Range', `bytes */${size}`)
      return 'range_not_satisfiable'
    }
    throw error
  }
}

const validators = (res: Response, etag: string | undefined, lastModified: Date | undefined) => {
  if (etag) res.setHeader('ETag', etag)
  if (lastModified) res.setHeader('Last-Modified', lastModified.toUTCString())
}

const objectSize = async (store: ObjectStore, key: string): Promise<number | null> => {
  try {
    const head = await store.client.send(new HeadObjectCommand({ Bucket: store.bucket, Key: key }))
    return head.ContentLength ?? null
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
}
