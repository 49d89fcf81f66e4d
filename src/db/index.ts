import fs from 'node:fs'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as postgresMigrations } from '../migrations/postgres'
import { serializePostgresMigrations } from './postgresMigrationLock'
import { migrations as sqliteMigrations } from '../migrations/sqlite'
import { managePostgresPool } from './postgresPool'
import { storyTextSearchIndexes, TEXT_SEARCH_EXTENSIONS } from './postgresTextSearch'
import { resolveDatabase } from './resolveDatabase'
import { guardSqliteClient, type LibsqlClient } from './sqliteWriteGate'
import { surfaceCommitFailures, type DrizzleSqliteAdapter } from './sqliteTransactions'

// Relative to the project root: the payload CLI (migrate:create) runs from there.
const migrationsRoot = path.resolve(process.cwd(), 'src/migrations')

/** How long a write may wait for the SQLite file's lock before it is answered 503. */
const lockWaitMs = () => {
  const seconds = Number(process.env.DB_LOCK_WAIT_SECONDS)
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 20) * 1000
}

/**
 * The adapter for DATABASE_URI. SQLite and PostgreSQL push their schema in development and
 * tests and apply their committed migrations on start in production; MongoDB needs no schema
 * migrations.
 */
export const databaseAdapter = (uri: string | undefined): DatabaseAdapterObj => {
  const choice = resolveDatabase(uri)
  if (choice.kind === 'mongodb') {
    return mongooseAdapter({
      url: choice.url,
      migrationDir: path.join(migrationsRoot, 'mongodb'),
    })
  }
  if (choice.kind === 'postgres') {
    // A server with row locks and MVCC: none of SQLite's write gate, WAL or busy retries.
    // Every operation already runs in one transaction (Payload's default for PostgreSQL).
    const base = postgresAdapter({
      pool: { connectionString: choice.url },
      migrationDir: path.join(migrationsRoot, 'postgres'),
      prodMigrations: postgresMigrations,
      push: process.env.NODE_ENV !== 'production',
      extensions: TEXT_SEARCH_EXTENSIONS,
      afterSchemaInit: [storyTextSearchIndexes],
    })
    return {
      ...base,
      init: (args) => {
        const adapter = base.init(args)
        // The same drizzle transactions as on SQLite: a COMMIT that fails (the connection lost,
        // a serialization failure) must fail the operation, not answer 201 for a rolled-back write.
        surfaceCommitFailures(adapter as unknown as DrizzleSqliteAdapter)
        managePostgresPool(adapter)
        serializePostgresMigrations(adapter)
        return adapter
      },
    }
  }
  // libsql does not create missing folders; a new user has no data/ yet
  fs.mkdirSync(path.dirname(choice.filePath), { recursive: true })
  const base = sqliteAdapter({
    client: { url: choice.url },
    migrationDir: path.join(migrationsRoot, 'sqlite'),
    prodMigrations: sqliteMigrations,
    push: process.env.NODE_ENV !== 'production',
    // Every operation in one transaction (BEGIN IMMEDIATE): without this option Payload's SQLite
    // adapter writes a document's rows one autocommit statement at a time, so a failure halfway
    // leaves half a document.
    transactionOptions: { behavior: 'immediate' },
  })
  return {
    ...base,
    init: (args) => {
      const adapter = base.init(args) as ReturnType<typeof base.init> & { client?: unknown; clientConfig: { url: string } }
      // The adapter keeps a client it finds in place (and then skips its own pragmas): ours
      // comes with the write gate and sets WAL, the busy timeout and synchronous=FULL itself,
      // before the first statement (schema push and migrations included).
      const client = createClient(adapter.clientConfig)
      guardSqliteClient(client as unknown as LibsqlClient, { waitMs: lockWaitMs(), busyTimeoutMs: 100 })
      adapter.client = client
      surfaceCommitFailures(adapter as unknown as DrizzleSqliteAdapter)
      return adapter
    },
  }
}
