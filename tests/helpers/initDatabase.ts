/**
 * Run as its own process: starts Payload once on DATABASE_URI and stops. With
 * NODE_ENV=production the committed migrations build the schema; otherwise it is pushed.
 */
import { getPayload } from 'payload'

import config from '../../src/payload.config'

const payload = await getPayload({ config })
await payload.destroy()
process.exit(0)
