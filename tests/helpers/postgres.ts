/**
 * PostgreSQL for tests: TEST_DATABASE_URI=postgres://… names a server (the throw-away cluster
 * of scripts/postgres/start-test-cluster.sh), and each test file gets its own database on it.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { promisify } from 'node:util'

import pg from 'pg'

import { resolveDatabase } from '../../src/db/resolveDatabase'

export const isPostgresUri = (uri: string | undefined): uri is string => Boolean(uri?.trim()) && resolveDatabase(uri).kind === 'postgres'

/** The same server, user and options, with `name` as the database. */
export const withPostgresDatabase = (uri: string, name: string): string => {
  const url = new URL(uri.trim())
  url.pathname = `/${encodeURIComponent(name)}`
  return url.toString()
}

/** A database name PostgreSQL takes unquoted or quoted alike: lower case letters, digits, `_`. */
export const postgresDatabaseName = (seed: string): string =>
  seed
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 63)

/**
 * Creates database `name` on the server of `uri` (connecting to the database `uri` names,
 * `postgres` on the test cluster). Created before the test file starts, not left to the
 * adapter's own create-on-first-connect: a file's API and worker processes start at once
 * and would race to create it.
 */
export const createPostgresDatabase = async (uri: string, name: string): Promise<void> => {
  const client = new pg.Client({ connectionString: uri.trim() })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }
}

/**
 * A PostgreSQL database for a test that needs one whatever the suite runs on (the fleet test):
 * the file's own database when TEST_DATABASE_URI names a PostgreSQL server (tests/setup/env.ts
 * made it), otherwise a throw-away cluster of scripts/postgres started for this file and
 * stopped by `stop`. Null when this machine has no PostgreSQL to start.
 */
export const postgresForTest = async (): Promise<{ uri: string; stop: () => Promise<void> } | null> => {
  if (isPostgresUri(process.env.DATABASE_URI)) return { uri: process.env.DATABASE_URI, stop: async () => {} }
  const run = promisify(execFile)
  const dir = fs.mkdtempSync('/tmp/b2c-pg.')
  fs.chmodSync(dir, 0o755)
  let server: string
  try {
    server = (await run('scripts/postgres/start-test-cluster.sh', [dir])).stdout.trim()
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true })
    if (/no pg_ctl found/.test(String((error as { stderr?: string }).stderr))) return null
    throw error
  }
  const stop = async () => {
    await run('scripts/postgres/stop-test-cluster.sh', [dir]).catch(() => {})
  }
  try {
    await createPostgresDatabase(server, 'fleet')
  } catch (error) {
    await stop()
    throw error
  }
  return { uri: withPostgresDatabase(server, 'fleet'), stop }
}
