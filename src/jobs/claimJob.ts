import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

/**
 * Compare-and-set on a job's `processing` flag, in one statement the database decides alone.
 *
 * Payload 3.90 takes a job by reading it and writing `processing: true` afterwards ("to reduce
 * the chance" of another worker taking it too): two workers polling the same queue can both
 * read the job as free and both run it, so one clip would be transcoded twice at once. With a
 * fleet of workers on one database (issue #13, item 3) a job must have exactly one runner: a
 * worker only runs a job whose flag it turned from false to true itself.
 */
type SQL = ReturnType<typeof sql>
type SqliteDb = { run: (query: SQL) => Promise<{ rowsAffected: number }> }
type PostgresDb = { execute: (query: SQL) => Promise<{ rowCount: number | null }> }
type MongoModel = { findOneAndUpdate: (filter: object, update: object) => Promise<unknown> }

const changedRows = async (payload: Payload, query: SQL, mongo: { filter: object; set: object }): Promise<number> => {
  const db = payload.db as unknown as { name: string; drizzle?: unknown; collections?: Record<string, MongoModel> }
  if (db.name === 'sqlite') return (await (db.drizzle as SqliteDb).run(query)).rowsAffected
  if (db.name === 'postgres') return (await (db.drizzle as PostgresDb).execute(query)).rowCount ?? 0
  // MongoDB (selectable, never run on these machines): the same compare-and-set, one document.
  const model = db.collections?.['payload-jobs']
  if (!model) throw new Error(`no atomic job claim for the ${db.name} adapter`)
  return (await model.findOneAndUpdate(mongo.filter, { $set: mongo.set })) ? 1 : 0
}

const jobId = (id: number | string) => (typeof id === 'number' ? id : Number.isInteger(Number(id)) ? Number(id) : id)

/** Takes a free job for this process: true only for the one caller that turned its flag. */
export const claimJob = async (payload: Payload, id: number | string): Promise<boolean> => {
  const now = new Date().toISOString()
  const changed = await changedRows(
    payload,
    sql`UPDATE payload_jobs SET processing = ${true}, updated_at = ${now} WHERE id = ${jobId(id)} AND COALESCE(processing, ${false}) = ${false} AND completed_at IS NULL`,
    { filter: { _id: id, processing: { $ne: true }, completedAt: null }, set: { processing: true, updatedAt: new Date(now) } },
  )
  return changed === 1
}

/**
 * Hands a job back whose runner stopped beating before `before` (src/video/lease.ts): only if
 * it is still that stale, so a job another worker has just taken again is never taken from it.
 */
export const releaseStaleJob = async (payload: Payload, id: number | string, before: string): Promise<boolean> => {
  const changed = await changedRows(
    payload,
    sql`UPDATE payload_jobs SET processing = ${false} WHERE id = ${jobId(id)} AND processing = ${true} AND updated_at < ${before}`,
    { filter: { _id: id, processing: true, updatedAt: { $lt: new Date(before) } }, set: { processing: false } },
  )
  return changed === 1
}
