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
  /** Minutes a file under MEDIA_DIR that no document names is left alone (an upload or transcode in progress). */
  orphanGraceMinutes: number
  /** Hours after which a temp folder of ours counts as abandoned even when its process seems alive. */
  tempMaxAgeHours: number
  /** Hours an unfinished tus upload, or a finished one nothing claimed, is kept (issue #11). */
  uploadExpiryHours: number
  /** tus upload creations one IP address may make per 15 minutes (a budget of their own). */
  uploadRateLimit: number
  /** Minutes between the housekeeping sweeps (temp folders, orphan files, clips without a job). */
  sweepEveryMinutes: number
  /** Minutes after a call's deadline that a submission whose first upload began in time may still be sent. */
  uploadGraceMinutes: number
  isProduction: boolean
  /**
   * Origins whose cookie-authenticated requests Payload accepts (CSRF): PUBLIC_URL's, any in
   * ADMIN_ORIGINS, and without a PUBLIC_URL this machine under both its local names.
   */
  trustedOrigins: string[]
}

const GIB = 1024 ** 3

/** Like positiveInt, but 0 is allowed (tests sweep at once with ORPHAN_GRACE_MINUTES=0). */
const wholeNumber = (name: string, raw: string | undefined, fallback: number): number =>
  raw?.trim() === '0' ? 0 : positiveInt(name, raw, fallback)

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
    orphanGraceMinutes: wholeNumber('ORPHAN_GRACE_MINUTES', env.ORPHAN_GRACE_MINUTES, 60),
    tempMaxAgeHours: positiveInt('TEMP_MAX_AGE_HOURS', env.TEMP_MAX_AGE_HOURS, 24),
    uploadExpiryHours: positiveInt('UPLOAD_EXPIRY_HOURS', env.UPLOAD_EXPIRY_HOURS, 24),
    uploadRateLimit: positiveInt('UPLOAD_RATE_LIMIT', env.UPLOAD_RATE_LIMIT, 60),
    sweepEveryMinutes: positiveInt('SWEEP_EVERY_MINUTES', env.SWEEP_EVERY_MINUTES, 60),
    uploadGraceMinutes: wholeNumber('UPLOAD_GRACE_MINUTES', env.UPLOAD_GRACE_MINUTES, 120),
    isProduction: env.NODE_ENV === 'production',
    trustedOrigins: trustedOrigins(env, port),
  }
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin
  } catch {
    throw new Error(`"${url}" is not an absolute URL (PUBLIC_URL and ADMIN_ORIGINS take e.g. https://historier.example.dk)`)
  }
}

const trustedOrigins = (env: NodeJS.ProcessEnv, port: number): string[] => {
  const publicUrl = env.PUBLIC_URL?.trim()
  const own = publicUrl ? [originOf(publicUrl)] : [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
  const extra = (env.ADMIN_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map(originOf)
  return [...new Set([...own, ...extra])]
}
