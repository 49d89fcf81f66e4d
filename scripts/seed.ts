/** `npm run seed`: adds the Danish demo content; safe to run again (nothing is duplicated). */
import 'dotenv/config'

import { getPayload } from 'payload'

import config from '../src/payload.config'
import { seed } from '../src/seed'

const payload = await getPayload({ config })
try {
  const { created, skipped } = await seed(payload)
  payload.logger.info(`Demo content: created ${JSON.stringify(created)}, already there ${JSON.stringify(skipped)}`)
} finally {
  await payload.destroy()
}
process.exit(0)
