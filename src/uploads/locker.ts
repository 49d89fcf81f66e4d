import type { Pool } from 'pg'
import type { Payload } from 'payload'
import { MemoryLocker, type Locker } from '@tus/server'

import { PostgresLocker } from './postgresLocker'

let shared: { locker: Locker; pool: Pool | undefined } | undefined

/**
 * The one locker of this process for uploads in the bucket: both tus servers and the claims
 * (src/uploads/bucketRecords.ts) take an upload's lock from it, so a claim never takes an upload
 * a PATCH is still writing.
 *
 * On PostgreSQL (the database of deployments with several machines) it is the advisory-lock
 * locker, which holds across processes. On SQLite, one machine's database, it is tus's
 * MemoryLocker: enough for one web process; two web processes on one SQLite file are not kept
 * apart (a client retrying through the other process while its first request still writes could
 * interleave pieces), so run one web process there.
 */
export const uploadLocker = (payload: Pick<Payload, 'db'>): Locker => {
  const pool = payload.db.name === 'postgres' ? (payload.db as unknown as { pool?: Pool }).pool : undefined
  if (!shared || shared.pool !== pool) shared = { locker: pool ? new PostgresLocker(pool) : new MemoryLocker(), pool }
  return shared.locker
}

/** The locker the tus servers were given; a process that serves no uploads gets a MemoryLocker of its own. */
export const currentUploadLocker = (): Locker => {
  shared ??= { locker: new MemoryLocker(), pool: undefined }
  return shared.locker
}
