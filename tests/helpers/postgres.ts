/**
 * PostgreSQL for tests: TEST_DATABASE_URI=postgres://… names a server (the throw-away cluster
 * of scripts/postgres/start-test-cluster.sh), and each test file gets its own database on it.
 */
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
