/**
 * Runs before each test file: a fresh SQLite database, media folder and data folder under the
 * system temp dir, so files never share state and nothing touches the developer's own data.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { resolveDatabase } from '../../src/db/resolveDatabase'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'b2c-test-'))
Object.assign(process.env, { NODE_ENV: 'test' })
process.env.DATA_DIR = path.join(root, 'data')
process.env.MEDIA_DIR = path.join(root, 'media')
process.env.PAYLOAD_SECRET = 'test-secret-not-for-production'
process.env.RUN_JOBS = 'false'
process.env.NEXT_TELEMETRY_DISABLED = '1'
process.env.DISABLE_PAYLOAD_HMR = 'true'
// TEST_DATABASE_URI=mongodb://… or postgres://… runs the suite on MongoDB or PostgreSQL, one
// database per test file. A PostgreSQL database is created here, before the file starts (this
// setup file is ESM, and Jest awaits an ESM setup file, top-level await included).
const server = process.env.TEST_DATABASE_URI
const databaseName = path.basename(root).replace(/\W/g, '_')
if (server && resolveDatabase(server).kind === 'postgres') {
  // Loaded only here: the SQLite and MongoDB runs need no PostgreSQL client.
  const { createPostgresDatabase, postgresDatabaseName, withPostgresDatabase } = await import('../helpers/postgres')
  const name = postgresDatabaseName(databaseName)
  await createPostgresDatabase(server, name)
  process.env.DATABASE_URI = withPostgresDatabase(server, name)
} else {
  process.env.DATABASE_URI = server
    ? withDatabaseName(server, databaseName)
    : `file:${path.join(root, 'data', 'test.sqlite')}`
}
process.env.B2C_TEST_ROOT = root

/** Puts `name` in a MongoDB URI's database slot, keeping hosts (several, for a replica set) and options. */
function withDatabaseName(uri: string, name: string): string {
  const [base, query] = uri.split(/\?(.*)/s, 2)
  const hostsStart = base.indexOf('://') + 3
  const slash = base.indexOf('/', hostsStart)
  const hosts = slash === -1 ? base : base.slice(0, slash)
  return `${hosts}/${name}${query ? `?${query}` : ''}`
}
