import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * PAYLOAD_SECRET signs sessions. In production it must be given; elsewhere a random one is
 * generated once into the data folder, so a new user needs no configuration and logins
 * survive restarts.
 */
export const resolveSecret = (env: NodeJS.ProcessEnv, dataDir: string): string => {
  const given = env.PAYLOAD_SECRET?.trim()
  if (given) return given
  // `next build` loads the config to prerender the admin shell; nothing is signed then.
  if (env.NEXT_PHASE === 'phase-production-build') return 'next-build-placeholder-never-used-to-sign'
  if (env.NODE_ENV === 'production') {
    throw new Error('PAYLOAD_SECRET must be set in production (see .env.example)')
  }
  const file = path.join(dataDir, '.payload-secret')
  try {
    const stored = fs.readFileSync(file, 'utf8').trim()
    if (stored) return stored
  } catch {
    // first start: generated below
  }
  fs.mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  // 'wx' refuses to overwrite a secret another process wrote in the meantime
  try {
    fs.writeFileSync(file, secret + '\n', { flag: 'wx', mode: 0o600 })
    return secret
  } catch {
    return fs.readFileSync(file, 'utf8').trim()
  }
}
