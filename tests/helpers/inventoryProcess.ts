/**
 * The media inventory (src/jobs/mediaInventory.ts) as another process of a deployment sees it:
 * its own Payload on the deployment's database and store, run once, the result printed. For
 * tests whose processes use settings the test process itself does not (the fleet test's
 * PostgreSQL and bucket in production mode).
 *
 * As a script (spawned by inventoryOf): prints `INVENTORY <json>` and exits.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import type { MediaInventory } from '../../src/jobs/mediaInventory'
import { NODE_FLAGS } from './process'

const self = fileURLToPath(import.meta.url)

export const inventoryOf = (env: NodeJS.ProcessEnv): Promise<MediaInventory> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, self], { env: { ...env, B2C_INVENTORY_PROCESS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.once('exit', (code) => {
      const line = /^INVENTORY (.*)$/m.exec(output)?.[1]
      if (code === 0 && line) resolve(JSON.parse(line) as MediaInventory)
      else reject(new Error(`inventory process exited ${code}:\n${output}`))
    })
  })

if (process.env.B2C_INVENTORY_PROCESS === '1' && process.argv[1] === self) {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../src/payload.config')
  const { inspectMediaStore } = await import('../../src/jobs/mediaInventory')
  const payload = await getPayload({ config })
  console.log(`INVENTORY ${JSON.stringify(await inspectMediaStore(payload))}`)
  await payload.destroy()
  process.exit(0)
}
