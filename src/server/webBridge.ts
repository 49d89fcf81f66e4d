import { Readable } from 'node:stream'
import type { ReadableStream as NodeWebStream } from 'node:stream/web'

import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'

import { multipartCheck, type MultipartCheck } from './multipartCheck'

/**
 * Payload's REST and GraphQL handlers speak the Fetch API (Request → Response). These two
 * functions translate at the edge of express, streaming bodies both ways so a 2 GiB upload is
 * never held in memory.
 */
export const toWebRequest = (req: ExpressRequest): Request => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((item) => headers.append(name, item))
    else if (value !== undefined) headers.set(name, value)
  }
  const url = new URL(req.originalUrl, `http://${req.headers.host ?? 'localhost'}`)
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? requestBodyStream(req, multipartCheck(req.headers)) : undefined,
    // Node's fetch needs this to stream a request body
    duplex: 'half',
  } as RequestInit)
}

/**
 * The request body as a web stream with backpressure. Unlike `Readable.toWeb`, it survives the
 * consumer giving up early (Payload refusing an upload past the size limit): the rest of the
 * body is drained and discarded instead of crashing the process on a closed stream.
 * A multipart body passes `check` chunk by chunk first: a chunk that makes it unreadable is
 * never handed on; the stream fails with the check's 400 instead, and the rest is discarded.
 */
const requestBodyStream = (req: Readable, check?: MultipartCheck): ReadableStream<Uint8Array> => {
  let stopped = false
  // Chunks are checked one after another, in the order they arrived.
  let queue = Promise.resolve()
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const fail = (error: unknown) => {
        if (stopped) return
        stopped = true
        controller.error(error)
        req.resume()
      }
      const hand = (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
        if ((controller.desiredSize ?? 0) <= 0) req.pause()
      }
      req.on('data', (chunk: Buffer) => {
        if (stopped) return
        if (!check) return hand(chunk)
        req.pause()
        queue = queue.then(async () => {
          const error = await check.write(chunk)
          if (stopped) return
          if (error) return fail(error)
          hand(chunk)
          if ((controller.desiredSize ?? 0) > 0) req.resume()
        })
      })
      req.on('end', () => {
        queue = queue.then(async () => {
          const error = await check?.end()
          if (stopped) return
          if (error) return fail(error)
          stopped = true
          controller.close()
        })
      })
      req.on('error', fail)
    },
    pull() {
      req.resume()
    },
    cancel() {
      stopped = true
      req.resume()
    },
  })
}

export const sendWebResponse = async (response: Response, res: ExpressResponse): Promise<void> => {
  res.status(response.status)
  // getSetCookie keeps multiple cookies apart; Headers would join them with commas
  const cookies = response.headers.getSetCookie()
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value)
  })
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(response.body as unknown as NodeWebStream)
      .on('error', reject)
      .pipe(res)
      .on('finish', resolve)
      .on('close', resolve)
  })
}
