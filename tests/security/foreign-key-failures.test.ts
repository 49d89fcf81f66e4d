/**
 * The safety net behind the check for missing relationship ids (issue #10, item 9): a write
 * that reaches the database with an id that does not exist, past every hook, fails the
 * database's foreign key (SQLite, or PostgreSQL's SQLSTATE 23503). That is still the client's
 * 400 (MissingRelationError), never a 500, and no row is left behind. Reached here through the
 * database adapter itself, which skips the hooks. MongoDB has no foreign keys: skipped there.
 */
import { describe, expect, test } from '@jest/globals'

import { resolveDatabase } from '../../src/db/resolveDatabase'
import { useServer } from '../helpers/server'

const server = useServer()
const hasForeignKeys = resolveDatabase(process.env.DATABASE_URI).kind !== 'mongodb'

const organisations = async () =>
  (await server.current.payload.count({ collection: 'organisations', overrideAccess: true })).totalDocs

;(hasForeignKeys ? describe : describe.skip)("the database adapter's writes", () => {
  test('a create whose upload id does not exist fails with a 400 MissingRelationError; nothing stored', async () => {
    const before = await organisations()
    const write = server.current.payload.db.create({
      collection: 'organisations',
      data: { kind: 'network', name: 'Uden logo', slug: 'uden-logo', logo: 999999 },
    })
    await expect(write).rejects.toMatchObject({ name: 'MissingRelationError', status: 400 })
    expect(await organisations()).toBe(before)
  })

  test('an update whose relationship id does not exist fails the same way; the document is unchanged', async () => {
    const { payload } = server.current
    const doc = await payload.create({ collection: 'organisations', data: { kind: 'network', name: 'Netværket' } })
    const write = payload.db.updateOne({ collection: 'organisations', id: doc.id, data: { parent: 999999 } })
    await expect(write).rejects.toMatchObject({ name: 'MissingRelationError', status: 400 })
    const after = await payload.findByID({ collection: 'organisations', id: doc.id, depth: 0 })
    expect(after.parent ?? null).toBeNull()
  })

  test('any other failure of a write is left as it was: a unique value is still a ValidationError', async () => {
    const { payload } = server.current
    await payload.create({ collection: 'organisations', data: { kind: 'company', name: 'Firma A', cvr: '11223344' } })
    const write = payload.db.create({ collection: 'organisations', data: { kind: 'company', name: 'Firma B', slug: 'firma-b', cvr: '11223344' } })
    await expect(write).rejects.toMatchObject({ name: 'ValidationError' })
  })
})
