import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as sqliteMigrations } from '../migrations/sqlite'
import { resolveDatabase } from './resolveDatabase'

// Relative to the project root: the payload CLI (migrate:create) runs from there.
const migrationsRoot = path.resolve(process.cwd(), 'src/migrations')

/**
 * The adapter for DATABASE_URI. SQLite pushes its schema in development and tests and applies
 * the committed migrations on start in production; MongoDB needs no schema migrations.
 */
export const databaseAdapter = (uri: string | undefined): DatabaseAdapterObj => {
  const choice = resolveDatabase(uri)
  if (choice.kind === 'mongodb') {
    return mongooseAdapter({
      url: choice.url,
      migrationDir: path.join(migrationsRoot, 'mongodb'),
    })
  }
  // libsql does not create missing folders; a new user has no data/ yet
  fs.mkdirSync(path.dirname(choice.filePath), { recursive: true })
  return sqliteAdapter({
    client: { url: choice.url },
    migrationDir: path.join(migrationsRoot, 'sqlite'),
    prodMigrations: sqliteMigrations,
    push: process.env.NODE_ENV !== 'production',
  })
}
