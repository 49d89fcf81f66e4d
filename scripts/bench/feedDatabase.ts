/**
 * The databases of `npm run bench:feed`: every bench server starts on an empty one of its own,
 * so a figure never depends on what an earlier server left behind.
 *
 * - No DATABASE_URI (or a `file:` one): a new SQLite file in the server's folder, as always.
 * - DATABASE_URI=postgres://… names a server: the bench creates a new database on it for each
 *   bench server (connecting as the URI's user, to the URI's database) and drops them at the end.
 *   The bench makes them itself, not the caller, because it needs four.
 */
import path from 'node:path'

import pg from 'pg'

import { resolveDatabase } from '../../src/db/resolveDatabase'

export type BenchDatabases = {
  /** Which database the figures are for, for the table's heading. */
  label: string
  /** A DATABASE_URI for the bench server `name`, whose folder is `dir`. */
  create: (name: string, dir: string) => Promise<string>
  /** Drops what `create` made on a server (SQLite's files go with the bench's folder). */
  dropAll: () => Promise<void>
}

const sqlite: BenchDatabases = {
  label: 'SQLite (a new file per bench server)',
  create: async (_name, dir) => `file:${path.join(dir, 'data', 'bench.sqlite')}`,
  dropAll: async () => {},
}

/** Runs `sql` on the database `uri` names, on a connection of its own. */
const query = async (uri: string, sql: string) => {
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    return await client.query(sql)
  } finally {
    await client.end()
  }
}

const postgres = async (uri: string): Promise<BenchDatabases> => {
  const version = (await query(uri, 'SHOW server_version')).rows[0].server_version as string
  const url = new URL(uri)
  const created: string[] = []
  return {
    label: `PostgreSQL ${version} at ${url.host} (a new database per bench server)`,
    create: async (name) => {
      // Lower case, digits and `_` only: the same name quoted or not. The pid keeps two runs apart.
      const database = `b2c_bench_feed_${process.pid}_${name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`
      await query(uri, `CREATE DATABASE "${database}"`)
      created.push(database)
      const own = new URL(uri)
      own.pathname = `/${database}`
      return own.toString()
    },
    dropAll: async () => {
      // FORCE: a server the bench could not stop cleanly must not keep its database alive.
      for (const database of created.splice(0)) await query(uri, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    },
  }
}

export const benchDatabases = async (uri: string | undefined): Promise<BenchDatabases> => {
  if (!uri?.trim()) return sqlite
  const choice = resolveDatabase(uri)
  if (choice.kind === 'postgres') return postgres(choice.url)
  // A given SQLite path is not used: the bench needs a new file per server, and must never
  // seed thousands of stories into someone's own database.
  if (choice.kind === 'sqlite') return sqlite
  throw new Error('bench:feed runs on SQLite (no DATABASE_URI) or PostgreSQL (DATABASE_URI=postgres://…), not MongoDB')
}
