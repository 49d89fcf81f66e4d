/**
 * PostgreSQL (TEST_DATABASE_URI=postgres://…): the database's own refusals are told apart as on
 * SQLite. A foreign key failure (SQLSTATE 23503) is one, and not busy (what a write answers then
 * is tests/security/foreign-key-failures.test.ts, run on PostgreSQL too); a lock not obtained in
 * time or a deadlock is "busy" (503 with Retry-After), not a 500. Real errors from the real
 * server, no imitations. Skipped on SQLite and MongoDB.
 */
import { describe, expect, test } from '@jest/globals'
import pg from 'pg'

import { isDatabaseBusy } from '../../src/db/busy'
import { isForeignKeyFailure } from '../../src/db/foreignKeyFailures'
import { isPostgresUri } from '../helpers/postgres'
import { useServer } from '../helpers/server'

const onPostgres = isPostgresUri(process.env.TEST_DATABASE_URI)
const server = onPostgres ? useServer() : undefined

/** The error a statement fails with on a connection of its own. */
const failureOf = async (run: (client: pg.Client) => Promise<unknown>): Promise<unknown> => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URI })
  await client.connect()
  try {
    await run(client)
  } catch (error) {
    return error
  } finally {
    await client.end()
  }
  throw new Error('the statement did not fail')
}

;(onPostgres ? describe : describe.skip)("PostgreSQL's refusals", () => {
  test("pg's foreign key error (23503) is a foreign key failure, and not busy", async () => {
    const error = await failureOf((client) => client.query('insert into organisations (kind, name, slug, logo_id) values ($1, $2, $3, $4)', ['network', 'x', 'fk-x', 999999]))
    expect(error).toMatchObject({ code: '23503' })
    expect(isForeignKeyFailure(error)).toBe(true)
    expect(isDatabaseBusy(error)).toBe(false)
  })

  test('a row lock not obtained within lock_timeout (55P03) is busy', async () => {
    const { payload } = server!.current
    const doc = await payload.create({ collection: 'organisations', data: { kind: 'network', name: 'Låst' } })
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URI })
    await holder.connect()
    try {
      await holder.query('begin')
      await holder.query('select id from organisations where id = $1 for update', [doc.id])
      const error = await failureOf(async (client) => {
        await client.query('begin')
        await client.query("set local lock_timeout = '100ms'")
        await client.query('update organisations set name = $1 where id = $2', ['Ventet', doc.id])
      })
      expect(error).toMatchObject({ code: '55P03' })
      expect(isDatabaseBusy(error)).toBe(true)
      expect(isForeignKeyFailure(error)).toBe(false)
    } finally {
      await holder.query('rollback')
      await holder.end()
    }
  })

  test('the loser of a deadlock (40P01) is busy', async () => {
    const { payload } = server!.current
    const [a, b] = await Promise.all(['Dødvande A', 'Dødvande B'].map((name) => payload.create({ collection: 'organisations', data: { kind: 'network', name } })))
    const first = new pg.Client({ connectionString: process.env.DATABASE_URI })
    const second = new pg.Client({ connectionString: process.env.DATABASE_URI })
    await Promise.all([first.connect(), second.connect()])
    try {
      await first.query('begin')
      await second.query('begin')
      await first.query('update organisations set name = name where id = $1', [a.id])
      await second.query('update organisations set name = name where id = $1', [b.id])
      // Each now waits for the other's row: PostgreSQL rolls one of them back.
      const results = await Promise.allSettled([
        first.query('update organisations set name = name where id = $1', [b.id]),
        second.query('update organisations set name = name where id = $1', [a.id]),
      ])
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      expect(failed).toHaveLength(1)
      expect(failed[0].reason).toMatchObject({ code: '40P01' })
      expect(isDatabaseBusy(failed[0].reason)).toBe(true)
    } finally {
      await Promise.all([first.query('rollback').catch(() => {}), second.query('rollback').catch(() => {})])
      await Promise.all([first.end(), second.end()])
    }
  })
})
