/**
 * A small tus 1.0 client over real HTTP, for tests: create (with Upload-Metadata), PATCH chunks,
 * HEAD, DELETE. No server imports, so a test can set its env first. Endpoints (issue #11):
 * members `/api/public/uploads`, staff `/api/uploads` (send `authorization: JWT <token>`).
 */
export const TUS = { 'tus-resumable': '1.0.0' } as const
export const MEMBER_UPLOADS = '/api/public/uploads'
export const STAFF_UPLOADS = '/api/uploads'

export const encodeMetadata = (metadata: Record<string, string>): string =>
  Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',')

export type Created = {
  res: Response
  /** The absolute URL of the upload (the Location resolved against the server), when created. */
  url?: string
  /** The upload id: the last segment of the Location. */
  id?: string
}

/**
 * POST a new upload. `length` undefined sends `Upload-Defer-Length: 1`; `body` sends the first
 * bytes with the creation (creation-with-upload).
 */
export const createUpload = async (
  baseUrl: string,
  endpoint: string,
  { length, metadata = {}, headers = {}, body }: { length?: number; metadata?: Record<string, string>; headers?: Record<string, string>; body?: Uint8Array },
): Promise<Created> => {
  const res = await fetch(`${baseUrl}${endpoint}`, {
    method: 'POST',
    headers: {
      ...TUS,
      ...(length === undefined ? { 'upload-defer-length': '1' } : { 'upload-length': String(length) }),
      ...(Object.keys(metadata).length > 0 ? { 'upload-metadata': encodeMetadata(metadata) } : {}),
      ...(body ? { 'content-type': 'application/offset+octet-stream' } : {}),
      ...headers,
    },
    body: body as BodyInit | undefined,
  })
  const location = res.headers.get('location')
  if (!location) return { res }
  const url = new URL(location, baseUrl).toString()
  return { res, url, id: url.split('/').pop() }
}

/** PATCH one chunk at `offset`. */
export const patchUpload = (url: string, offset: number, chunk: Uint8Array, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'PATCH',
    headers: { ...TUS, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), ...headers },
    body: chunk as BodyInit,
  })

/** HEAD: the server's offset (and length) of an upload. */
export const headUpload = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { method: 'HEAD', headers: { ...TUS, ...headers } })
  const offset = res.headers.get('upload-offset')
  const length = res.headers.get('upload-length')
  return { res, offset: offset === null ? undefined : Number(offset), length: length === null ? undefined : Number(length) }
}

/** DELETE (termination). */
export const deleteUpload = (url: string, headers: Record<string, string> = {}) => fetch(url, { method: 'DELETE', headers: { ...TUS, ...headers } })

/**
 * Sends `data` from the server's current offset in chunks of `chunkSize`; returns the last
 * PATCH's response (204 when all went well). Throws on an unexpected status, with its body.
 */
export const sendAll = async (url: string, data: Uint8Array, { chunkSize = 256 * 1024, headers = {} }: { chunkSize?: number; headers?: Record<string, string> } = {}) => {
  let { offset = 0 } = await headUpload(url, headers)
  let last: Response | undefined
  while (offset < data.length) {
    const chunk = data.subarray(offset, Math.min(offset + chunkSize, data.length))
    last = await patchUpload(url, offset, chunk, headers)
    if (last.status !== 204) throw new Error(`PATCH at ${offset}: ${last.status} ${await last.text()}`)
    offset = Number(last.headers.get('upload-offset'))
  }
  return last
}

/** Create and send a whole file in one go; returns the upload's URL and id. */
export const uploadFile = async (
  baseUrl: string,
  endpoint: string,
  data: Uint8Array,
  { metadata = {}, headers = {}, chunkSize }: { metadata?: Record<string, string>; headers?: Record<string, string>; chunkSize?: number } = {},
): Promise<{ url: string; id: string }> => {
  const created = await createUpload(baseUrl, endpoint, { length: data.length, metadata, headers })
  if (created.res.status !== 201 || !created.url) throw new Error(`create: ${created.res.status} ${await created.res.text()}`)
  await sendAll(created.url, data, { chunkSize, headers })
  return { url: created.url, id: created.id! }
}

/**
 * Dates a member upload's creation back in tus's own info file (where the store keeps it), so a
 * test can stand hours after it without waiting. The server's folders are imported only here,
 * once the test has set its environment.
 */
export const backdateUpload = async (id: string, createdAt: Date) => {
  const fs = await import('node:fs/promises')
  const path = await import('node:path')
  const { uploadsDir } = await import('../../src/uploads/paths')
  const infoPath = path.join(uploadsDir('member'), `${id}.json`)
  const info = JSON.parse(await fs.readFile(infoPath, 'utf8')) as Record<string, unknown>
  await fs.writeFile(infoPath, JSON.stringify({ ...info, creation_date: createdAt.toISOString() }))
}
