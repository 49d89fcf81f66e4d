/**
 * PostgreSQL (TEST_DATABASE_URI=postgres://…): production builds its schema from the committed
 * migrations under src/migrations/postgres, development and tests push it from the collections.
 * The two must be the same schema: tables, columns, enums and indexes (the stories'
 * published-order index included). Fix a difference with
 * `DATABASE_URI=postgres://… npm run migrate:create -- <name>`.
 * Skipped on SQLite and MongoDB (tests/migrations.test.ts covers SQLite).
 */
import { describe, expect, test } from '@jest/globals'
import pg from 'pg'

import { createPostgresDatabase, isPostgresUri, postgresDatabaseName, withPostgresDatabase } from '../helpers/postgres'
import { NODE_FLAGS, runCommand } from '../helpers/process'

const server = process.env.TEST_DATABASE_URI
const onPostgres = isPostgresUri(server)

const schemaOf = async (uri: string) => {
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    const columns = await client.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string; column_default: string | null }>(
      `select table_name, column_name, udt_name, is_nullable, column_default from information_schema.columns
        where table_schema = 'public' and table_name not like 'payload_migrations%' order by table_name, column_name`,
    )
    const indexes = await client.query<{ indexdef: string }>(
      `select indexdef from pg_indexes where schemaname = 'public' and tablename not like 'payload_migrations%' order by indexdef`,
    )
    const enums = await client.query<{ name: string; labels: string }>(
      `select t.typname as name, string_agg(e.enumlabel, ',' order by e.enumsortorder) as labels
         from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname order by t.typname`,
    )
    const constraints = await client.query<{ def: string }>(
      `select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) as def from pg_constraint
        where connamespace = 'public'::regnamespace and conrelid::regclass::text not like 'payload_migrations%' order by 1`,
    )
    const tables: Record<string, string[]> = {}
    for (const c of columns.rows) {
      ;(tables[c.table_name] ??= []).push(`${c.column_name} ${c.udt_name}${c.is_nullable === 'NO' ? ' not null' : ''}${c.column_default ? ` default ${c.column_default}` : ''}`)
    }
    return {
      tables,
      indexes: indexes.rows.map((r) => r.indexdef),
      enums: enums.rows.map((r) => `${r.name}: ${r.labels}`),
      constraints: constraints.rows.map((r) => r.def),
    }
  } finally {
    await client.end()
  }
}

const initialise = (uri: string, nodeEnv: string) =>
  runCommand(process.execPath, [...NODE_FLAGS, 'tests/helpers/initDatabase.ts'], {
    ...process.env,
    NODE_ENV: nodeEnv,
    DATABASE_URI: uri,
  } as NodeJS.ProcessEnv)

describe('PostgreSQL migrations', () => {
  ;(onPostgres ? test : test.skip)('the committed PostgreSQL migrations produce exactly the schema the collections define', async () => {
    const base = postgresDatabaseName(`${process.env.B2C_TEST_ROOT!.split('/').pop()}`)
    const migrated = withPostgresDatabase(server!, `${base}_migrated`)
    const pushed = withPostgresDatabase(server!, `${base}_pushed`)
    await Promise.all([createPostgresDatabase(server!, `${base}_migrated`), createPostgresDatabase(server!, `${base}_pushed`)])
    await Promise.all([initialise(migrated, 'production'), initialise(pushed, 'development')])

    const [fromMigrations, fromCollections] = await Promise.all([schemaOf(migrated), schemaOf(pushed)])
    expect(Object.keys(fromCollections.tables).length).toBeGreaterThan(10)
    expect(fromMigrations.tables).toEqual(fromCollections.tables)
    expect(fromMigrations.enums).toEqual(fromCollections.enums)
    expect(fromMigrations.indexes).toEqual(fromCollections.indexes)
    expect(fromMigrations.constraints).toEqual(fromCollections.constraints)
    // Every public read asks for published stories newest first (src/collections/Stories).
    expect(fromMigrations.indexes).toContainEqual(expect.stringMatching(/ON public\.stories USING btree \(_status, published_at, created_at\)/))
  }, 180_000)
})
