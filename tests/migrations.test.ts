/**
 * Production builds its SQLite schema from the committed migrations, development and tests push
 * it from the collections. The two must be the same schema, or production breaks on a column
 * nobody generated a migration for (fix: `npm run migrate:create -- <name>`).
 */
import path from 'node:path'

import { createClient } from '@libsql/client'
import { expect, test } from '@jest/globals'

import { NODE_FLAGS, runCommand } from './helpers/process'

const root = process.env.B2C_TEST_ROOT!

const schemaOf = async (file: string) => {
  const client = createClient({ url: `file:${file}` })
  try {
    const tables = await client.execute(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'payload_migrations%' order by name",
    )
    const schema: Record<string, string[]> = {}
    for (const { name } of tables.rows) {
      const columns = await client.execute(`pragma table_info("${String(name)}")`)
      schema[String(name)] = columns.rows
        .map((c) => `${c.name} ${c.type}${c.notnull ? ' not null' : ''}${c.pk ? ' pk' : ''}`)
        .sort()
    }
    return schema
  } finally {
    client.close()
  }
}

const initialise = (file: string, nodeEnv: string) =>
  runCommand(process.execPath, [...NODE_FLAGS, 'tests/helpers/initDatabase.ts'], {
    ...process.env,
    NODE_ENV: nodeEnv,
    DATABASE_URI: `file:${file}`,
  } as NodeJS.ProcessEnv)

test('the committed SQLite migrations produce exactly the schema the collections define', async () => {
  const migrated = path.join(root, 'migrated.sqlite')
  const pushed = path.join(root, 'pushed.sqlite')
  await Promise.all([initialise(migrated, 'production'), initialise(pushed, 'development')])

  const [fromMigrations, fromCollections] = await Promise.all([schemaOf(migrated), schemaOf(pushed)])
  expect(Object.keys(fromCollections).length).toBeGreaterThan(10)
  expect(fromMigrations).toEqual(fromCollections)
}, 120_000)
