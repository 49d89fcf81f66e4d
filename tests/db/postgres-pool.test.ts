/**
 * PostgreSQL (TEST_DATABASE_URI=postgres://…): Payload's pool ends with Payload
 * (src/db/postgresPool.ts) without taking a connection from under a query still running. A
 * server stopped while it answered requests used to die with pg-pool's "Release called on
 * client which has already been released to the pool". Skipped on SQLite and MongoDB.
 */
import { expect, test } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'

import { isPostgresUri } from '../helpers/postgres'
import { useServer } from '../helpers/server'

const onPostgres = isPostgresUri(process.env.TEST_DATABASE_URI)
const server = onPostgres ? useServer() : undefined

;(onPostgres ? test : test.skip)('destroying Payload while a query runs lets the query finish, then closes the pool', async () => {
  const { payload } = server!.current
  const db = payload.db as unknown as { drizzle: { execute: (query: unknown) => Promise<{ rows: unknown[] }> } }
  const uncaught: unknown[] = []
  const onUncaught = (error: unknown) => uncaught.push(error)
  process.on('uncaughtException', onUncaught)
  try {
    // A drizzle query runs once something awaits it: Promise.resolve starts it now.
    const slow = Promise.resolve(db.drizzle.execute(sql`SELECT pg_sleep(1) AS slept`))
    // Running on the server (not just queued in the pool) before Payload is destroyed.
    await new Promise((resolve) => setTimeout(resolve, 400))
    await payload.destroy()
    expect((await slow).rows).toHaveLength(1)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(uncaught).toEqual([])
  } finally {
    process.off('uncaughtException', onUncaught)
  }
})
