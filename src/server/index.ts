/**
 * The web process: `npm run dev` (Next compiles on demand) or `npm start` (production build).
 */
import 'dotenv/config'

import { isCatalogueEmpty, seed } from '../seed'
import { createServer } from './createServer'

process.env.NEXT_TELEMETRY_DISABLED ??= '1'
const dev = process.env.NODE_ENV !== 'production'
const running = await createServer({
  next: dev ? 'dev' : 'prod',
  // A new installation shows the Danish demo catalogue straight away (SEED_DEMO=false skips it).
  beforeListen: async (payload) => {
    if (process.env.SEED_DEMO === 'false' || !(await isCatalogueEmpty(payload))) return
    const { created } = await seed(payload)
    payload.logger.info(`Demo content added: ${JSON.stringify(created)}`)
  },
})
running.payload.logger.info(`Business2Community Stories kører på ${running.url}/admin`)

let stopping = false
const shutdown = (signal: string) => {
  if (stopping) return
  stopping = true
  running.payload.logger.info(`${signal}: stopping gracefully`)
  // A request that never ends must not keep the process alive forever.
  const force = setTimeout(() => process.exit(1), 15_000)
  force.unref()
  running
    .close()
    .then(() => process.exit(0))
    .catch((error) => {
      running.payload.logger.error({ err: error }, 'shutdown failed')
      process.exit(1)
    })
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
