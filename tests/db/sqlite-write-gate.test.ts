/**
 * The SQLite write gate (src/db/sqliteWriteGate.ts) against a real file that another
 * connection — standing in for the worker process — holds locked for longer than the busy
 * timeout. A statement that met the lock is left unfinished on its connection by libsql; on
 * that connection, a later COMMIT failed ("cannot commit transaction - SQL statements in
 * progress", answered 503 in CI) and an autocommit write could stay uncommitted.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, expect, test } from '@jest/globals'
import { createClient, type Client } from '@libsql/client'

import { guardSqliteClient, type LibsqlClient } from '../../src/db/sqliteWriteGate'

const BUSY_TIMEOUT_MS = 50
let dir: string
let url: string
let gated: Client
let other: Client

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b2c-gate-'))
  url = `file:${path.join(dir, 'gate.sqlite')}`
  gated = createClient({ url })
  guardSqliteClient(gated as unknown as LibsqlClient, { waitMs: 10_000, busyTimeoutMs: BUSY_TIMEOUT_MS })
  await gated.execute('create table rows (id integer primary key, label text)')
  other = createClient({ url })
})

afterEach(() => {
  gated.close()
  other.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** The other process holds the file's write lock for `ms`, then commits. */
const holdLock = async (ms: number): Promise<Promise<void>> => {
  const tx = await other.transaction('write')
  await tx.execute({ sql: 'insert into rows (label) values (?)', args: ['other'] })
  return new Promise((resolve, reject) => setTimeout(() => tx.commit().then(resolve, reject), ms))
}

/** What a third connection sees: only what is committed to the file. */
const committedLabels = async (): Promise<string[]> => {
  const reader = createClient({ url })
  try {
    const { rows } = await reader.execute('select label from rows order by id')
    return rows.map((row) => String(row.label))
  } finally {
    reader.close()
  }
}

test('a write that waited for another process is committed when it answers, and the next transaction commits', async () => {
  const released = await holdLock(BUSY_TIMEOUT_MS * 6)
  // Meets the lock (busy after the busy timeout), is tried again, and succeeds once released.
  await gated.execute({ sql: 'insert into rows (label) values (?) returning id', args: ['waited'] })
  await released
  expect(await committedLabels()).toEqual(['other', 'waited'])

  const tx = await gated.transaction('write')
  await tx.execute({ sql: 'insert into rows (label) values (?)', args: ['in transaction'] })
  await tx.commit()
  expect(await committedLabels()).toEqual(['other', 'waited', 'in transaction'])
})

test('a transaction whose BEGIN waited for another process commits', async () => {
  const released = await holdLock(BUSY_TIMEOUT_MS * 6)
  const tx = await gated.transaction('write')
  // The gate begins the transaction at its first write: this one meets the lock.
  await tx.execute({ sql: 'insert into rows (label) values (?)', args: ['after waiting'] })
  await tx.commit()
  await released
  expect(await committedLabels()).toEqual(['other', 'after waiting'])
})

test('under a busy neighbour, parallel operations of this process all commit and read back their own writes', async () => {
  // The neighbour takes the write lock again and again, each time for longer than the busy timeout.
  let stop = false
  const neighbour = (async () => {
    while (!stop) {
      await (await holdLock(BUSY_TIMEOUT_MS * 2))
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  })()
  const failures: string[] = []
  const operation = async (index: number) => {
    try {
      // Like the attempt ledger: an autocommit insert, then its row read back.
      const inserted = await gated.execute({ sql: 'insert into rows (label) values (?) returning id', args: [`ledger ${index}`] })
      const id = Number(inserted.rows[0]!.id)
      const back = await gated.execute({ sql: 'select label from rows where id = ?', args: [id] })
      if (back.rows.length !== 1) failures.push(`ledger ${index}: its row was not read back`)
      // Like a Payload operation: a transaction that reads, then writes, then commits.
      const tx = await gated.transaction('write')
      await tx.execute('select count(*) from rows')
      await tx.execute({ sql: 'insert into rows (label) values (?) returning id', args: [`operation ${index}`] })
      await tx.commit()
    } catch (error) {
      failures.push(`${index}: ${(error as Error).message}`)
    }
  }
  await Promise.all(Array.from({ length: 40 }, (_, index) => operation(index)))
  stop = true
  await neighbour
  expect(failures).toEqual([])
  const labels = await committedLabels()
  for (let index = 0; index < 40; index++) expect(labels).toEqual(expect.arrayContaining([`ledger ${index}`, `operation ${index}`]))
}, 60_000)
