/**
 * S3-compatible media storage (issue #13, item 2): on when S3_BUCKET is set, for more than one
 * machine; without it, everything stays under MEDIA_DIR as on one machine. Read lazily, like
 * readEnv, so a test file can point its own server at its own bucket.
 */
export type S3Settings = {
  bucket: string
  /** An S3-compatible server (MinIO, s3rver, a cloud's endpoint); AWS itself when empty. */
  endpoint?: string
  region: string
  /** Without keys the SDK's own chain decides (an instance role, AWS_PROFILE, …). */
  credentials?: { accessKeyId: string; secretAccessKey: string }
  /** `http://host/bucket/key` instead of `http://bucket.host/key`: most self-hosted servers need it. */
  forcePathStyle: boolean
}

export const s3Settings = (env: NodeJS.ProcessEnv = process.env): S3Settings | null => {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) return null
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim()
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim()
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the SDK\'s own credentials')
  }
  const endpoint = env.S3_ENDPOINT?.trim() || undefined
  if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint)) throw new Error(`S3_ENDPOINT must be an http(s) URL, got "${endpoint}"`)
  return {
    bucket,
    endpoint,
    region: env.S3_REGION?.trim() || 'us-east-1',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // Path style by default with a custom endpoint (every self-hosted server takes it), virtual
    // hosts by default on AWS; S3_FORCE_PATH_STYLE decides either way.
    forcePathStyle: flag(env.S3_FORCE_PATH_STYLE) ?? Boolean(endpoint),
  }
}

export const usesObjectStore = (): boolean => s3Settings() !== null

const flag = (raw: string | undefined): boolean | undefined => {
  const value = raw?.trim().toLowerCase()
  if (!value) return undefined
  if (['1', 'true', 'yes'].includes(value)) return true
  if (['0', 'false', 'no'].includes(value)) return false
  throw new Error(`S3_FORCE_PATH_STYLE must be true or false, got "${raw}"`)
}
