/**
 * The migration that stores a failed clip's reason in each language apart (issue #15) splits
 * the "Danish / English" text of clips that failed before it, and its down joins them again.
 * Run on the database the suite runs on (SQLite, or PostgreSQL with TEST_DATABASE_URI), on the
 * real clips table.
 */
import { expect, test } from '@jest/globals'
import { sql as postgresSql } from '@payloadcms/db-postgres'
import { sql as sqliteSql } from '@payloadcms/db-sqlite'

import * as onPostgres from '../../src/migrations/postgres/20261128_040830_clip_failure_english'
import * as onSqlite from '../../src/migrations/sqlite/20261128_040817_clip_failure_english'
import { useServer } from '../helpers/server'

const server = useServer()

type Drizzle = { run?: (query: unknown) => Promise<unknown>; execute?: (query: unknown) => Promise<{ rows: unknown[] }>; all?: (query: unknown) => Promise<unknown[]> }

test('reasons joined before are split into Danish and English; down joins them again', async () => {
  const payload = server.current.payload
  const postgres = payload.db.name === 'postgres'
  const db = (payload.db as unknown as { drizzle: Drizzle }).drizzle
  const sql = postgres ? postgresSql : sqliteSql
  const migration = postgres ? onPostgres : onSqlite
  const exec = (query: unknown) => (postgres ? db.execute!(query) : db.run!(query))
  const select = async <Row>(text: string) =>
    (postgres ? (await db.execute!(sql.raw(text))).rows : await db.all!(sql.raw(text))) as Row[]
  const reasons = () => select<{ da: string | null; en: string | null }>('SELECT processing_error AS da, processing_error_en AS en FROM clips ORDER BY id')
  await exec(sql.raw('DELETE FROM clips'))
  await exec(
    sql.raw(`INSERT INTO clips (processing_error, processing_error_en) VALUES
      ('Disken er fuld', 'The disk is full: no space left on device'),
      ('Koderen stoppede uventet (signal SIGKILL)', 'The encoder stopped unexpectedly (signal SIGKILL)'),
      ('connect ECONNREFUSED', NULL),
      (NULL, NULL)`),
  )

  await migration.down({ db, payload } as never)
  const joined = await select<{ da: string | null }>('SELECT processing_error AS da FROM clips ORDER BY id')
  expect(joined.map((row) => row.da)).toEqual([
    'Disken er fuld / The disk is full: no space left on device',
    'Koderen stoppede uventet (signal SIGKILL) / The encoder stopped unexpectedly (signal SIGKILL)',
    'connect ECONNREFUSED',
    null,
  ])

  await migration.up({ db, payload } as never)
  expect(await reasons()).toEqual([
    { da: 'Disken er fuld', en: 'The disk is full: no space left on device' },
    { da: 'Koderen stoppede uventet (signal SIGKILL)', en: 'The encoder stopped unexpectedly (signal SIGKILL)' },
    { da: 'connect ECONNREFUSED', en: null },
    { da: null, en: null },
  ])
}, 60_000)
