import path from 'node:path'

import { mediaDir } from './paths'

/**
 * Every setting of SPEC §10 in one place, read from the environment with the embedded defaults.
 * Read lazily (a function, not constants) so tests can point each file at its own database.
 */
export type AppEnv = {
  port: number
  databaseUri: string
  mediaDir: string
  dataDir: string
  publicUrl: string
  adminEmail?: string
  adminPassword?: string
  smtpUrl?: string
  /** Sender address of the receipts and alerts. */
  mailFrom: string
  corsOrigins: string[] | '*'
  transcodeConcurrency: number
  runJobs: boolean
  uploadMaxBytes: number
  /** How long the public API may reuse a rendered answer without a change seen in this process (0: never). */
  publicCacheSeconds: number
  /** Submissions one IP address may send per 15 minutes (SPEC §7: 429 past it). */
  submissionRateLimit: number
  isProduction: boolean
}

const GIB = 1024 ** 3

const positiveInt = (name: string, raw: string | undefined, fallback: number): number => {
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number, got "${raw}"`)
  }
  return value
}

export const readEnv = (env: NodeJS.ProcessEnv = process.env): AppEnv => {
  const port = positiveInt('PORT', env.PORT, 3000)
  const origins = (env.PUBLIC_CORS_ORIGINS ?? '*').trim()
  return {
    port,
    databaseUri: env.DATABASE_URI?.trim() || 'file:./data/b2c.sqlite',
    mediaDir: mediaDir(),
    dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
    publicUrl: (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, ''),
    adminEmail: env.ADMIN_EMAIL?.trim() || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    smtpUrl: env.SMTP_URL?.trim() || undefined,
    mailFrom: env.MAIL_FROM?.trim() || 'historier@business2community.dk',
    corsOrigins:
      origins === '*' || origins === ''
        ? '*'
        : origins
            .split(',')
            .map((origin) => origin.trim())
            .filter(Boolean),
    transcodeConcurrency: positiveInt('TRANSCODE_CONCURRENCY', env.TRANSCODE_CONCURRENCY, 1),
    runJobs: (env.RUN_JOBS ?? 'true').trim().toLowerCase() !== 'false',
    uploadMaxBytes: positiveInt('UPLOAD_MAX_BYTES', env.UPLOAD_MAX_BYTES, 2 * GIB),
    publicCacheSeconds: env.PUBLIC_CACHE_SECONDS?.trim() === '0' ? 0 : positiveInt('PUBLIC_CACHE_SECONDS', env.PUBLIC_CACHE_SECONDS, 10),
    submissionRateLimit: positiveInt('SUBMISSION_RATE_LIMIT', env.SUBMISSION_RATE_LIMIT, 20),
    isProduction: env.NODE_ENV === 'production',
  }
}
