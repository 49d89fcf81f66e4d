/**
 * tus `Upload-Metadata`: comma-separated `key base64value` pairs (a key alone means an empty
 * value). Read here, before @tus/server does, because the creation checks need `call` and
 * `field` before anything is stored. Returns null for a header that is not well formed.
 */
export const parseUploadMetadata = (header: string | undefined): Record<string, string> | null => {
  const metadata: Record<string, string> = {}
  if (!header?.trim()) return metadata
  for (const pair of header.split(',')) {
    const [key, value, ...extra] = pair.trim().split(' ')
    if (!key || extra.length > 0 || !/^[\x21-\x7e]+$/.test(key) || Object.hasOwn(metadata, key)) return null
    if (value !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return null
    metadata[key] = value === undefined ? '' : Buffer.from(value, 'base64').toString('utf8')
  }
  return metadata
}
