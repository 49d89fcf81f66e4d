import type { IncomingMessage, ServerResponse } from 'node:http'

import { PIECE_BYTES } from './durableAppend'

/**
 * The request body in pieces of PIECE_BYTES instead of the socket's 64 KiB reads. @tus/server
 * carries a PATCH's body through a web stream, back to a Node stream and two more (a pass-through
 * and its size limiter) before the store; each stage costs per chunk, not per byte, so 16 times
 * fewer chunks is most of that cost gone, for one copy of the bytes. Read only when tus reads it
 * (a PATCH refused before its body, e.g. a wrong offset, reads nothing), and ended or failed as
 * the request is, as srvx's conversion does. What a cut connection leaves in the piece being
 * gathered is lost with it (as tus drops what its streams hold): the client resends it after
 * HEAD, so a cut costs up to about a piece more than before.
 */
async function* pieces(req: IncomingMessage): AsyncGenerator<Buffer> {
  let parts: Buffer[] = []
  let bytes = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    parts.push(chunk)
    bytes += chunk.length
    if (bytes >= PIECE_BYTES) {
      yield parts.length === 1 ? parts[0] : Buffer.concat(parts, bytes)
      parts = []
      bytes = 0
    }
  }
  if (bytes > 0) yield Buffer.concat(parts, bytes)
}

/** A web stream that reads `source` only when pulled, one piece at a time (no read-ahead). */
const pulled = (source: AsyncGenerator<Buffer>): ReadableStream<Uint8Array> =>
  new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await source.next()
        if (next.done) controller.close()
        else controller.enqueue(next.value)
      },
      async cancel() {
        await source.return(undefined)
      },
    },
    { highWaterMark: 0 },
  )

/**
 * A PATCH as the web Request that `tus.handleWeb` takes, in place of the one `tus.handle`
 * builds with srvx: the same method, path and headers, the body in large pieces, and the Node
 * request and response where srvx puts them (`runtime.node`), which tus uses to notice a
 * client that went away and our onResponseError to pick the language.
 */
export const tusPatchRequest = (req: IncomingMessage, res: ServerResponse): Request => {
  const headers = new Headers()
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1])
  const request = new Request(new URL(req.url ?? '/', 'http://localhost'), {
    method: 'PATCH',
    headers,
    body: pulled(pieces(req)),
    duplex: 'half',
  } as RequestInit)
  Object.defineProperty(request, 'runtime', { value: { name: 'node', node: { req, res } } })
  return request
}

/** tus's answer to a PATCH (204 with the new offset, or an error's short body) onto `res`. */
export const sendTusResponse = async (res: ServerResponse, response: Response): Promise<void> => {
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined
  if (res.headersSent) return void res.end()
  const rawHeaders: string[] = []
  for (const [name, value] of response.headers) rawHeaders.push(name, value)
  res.writeHead(response.status, rawHeaders)
  res.end(body)
}
