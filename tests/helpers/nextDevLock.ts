/**
 * Next 16 lets one dev server run per project folder ("Another next dev server is already
 * running") and Jest runs test files in parallel workers, so the files that start the admin in
 * Next dev take turns through this lock. It names the Next server's process once started, so a
 * lock whose server is gone (a crashed worker, a killed run) is taken over instead of waited on.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { processAlive } from '../../src/jobs/tempFiles'

const LOCK = path.join(os.tmpdir(), `b2c-next-dev-${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12)}.lock`)

/** The lock's holder: the Next server's pid when started, else the Jest worker waiting on its start. */
const holderAlive = (): boolean => {
  let content: string
  try {
    content = fs.readFileSync(LOCK, 'utf8')
  } catch {
    return false
  }
  const [worker, server] = content.split(' ').map(Number)
  return server ? processAlive(server) : Boolean(worker) && processAlive(worker)
}

export const acquireNextDevLock = async (timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      fs.writeFileSync(LOCK, `${process.pid}`, { flag: 'wx' })
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    if (!holderAlive()) {
      fs.rmSync(LOCK, { force: true })
      continue
    }
    if (Date.now() > deadline) throw new Error(`another test's Next dev server held ${LOCK} for ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** Records the started server, so the lock outlives this worker only as long as that server. */
export const recordNextDevServer = (serverPid: number) => fs.writeFileSync(LOCK, `${process.pid} ${serverPid}`)

export const releaseNextDevLock = () => {
  try {
    if (fs.readFileSync(LOCK, 'utf8').split(' ')[0] === String(process.pid)) fs.rmSync(LOCK, { force: true })
  } catch {
    // Already gone.
  }
}
