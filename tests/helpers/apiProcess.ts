/**
 * A web process without Next (the API, the form page and /media): what fault tests kill and
 * restart. Next's dev server refuses a second instance in the same folder, and tests run side by
 * side, so a test that only needs HTTP starts this instead of src/server/index.ts.
 *
 * As a script (spawned by startApiProcess): starts the server on $PORT and stops on SIGTERM.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { freePort, NODE_FLAGS, waitUntilHealthy, type AppProcess } from './process'

const self = fileURLToPath(import.meta.url)

/** Starts this file as its own process and waits for /healthz, as startAppProcess does. */
export const startApiProcess = async (env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<AppProcess> => {
  const port = await freePort()
  const child = spawn(process.execPath, [...NODE_FLAGS, self], { env: { ...env, PORT: String(port), B2C_API_PROCESS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
  return waitUntilHealthy(child, port, timeoutMs)
}

if (process.env.B2C_API_PROCESS === '1' && process.argv[1] === self) {
  const { createServer } = await import('../../src/server/createServer')
  const running = await createServer({ next: false, port: Number(process.env.PORT) })
  process.once('SIGTERM', () => {
    running.close().then(() => process.exit(0), () => process.exit(1))
  })
}
