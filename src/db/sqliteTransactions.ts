import { randomUUID } from 'node:crypto'

import { DatabaseBusyError, isDatabaseBusy } from './busy'

type Session = { db: unknown; resolve: () => Promise<void>; reject: () => Promise<void> }

/** The parts of Payload's drizzle-based adapters (SQLite, PostgreSQL) that their transactions are made of. */
export type DrizzleSqliteAdapter = {
  drizzle: { transaction: (run: (tx: unknown) => Promise<void>, options?: unknown) => Promise<unknown> }
  sessions: Record<string, Session>
  initializing: Promise<void>
  transactionOptions?: unknown
  beginTransaction: (options?: unknown) => Promise<null | number | string>
  commitTransaction: (id: number | Promise<number | string | null> | string) => Promise<void>
}

/** Thrown into drizzle's transaction callback to make it roll back. */
const ROLLBACK = Symbol('rollback')

const asBusy = (error: unknown) =>
  error instanceof DatabaseBusyError || !isDatabaseBusy(error) ? error : new DatabaseBusyError('another writer')

/**
 * Payload's own `beginTransaction` for drizzle swallows whatever the transaction ends with, so
 * a COMMIT that fails (the file locked, the disk full) still lets the operation answer 201 for
 * a write that was rolled back. These two replace it: the same sessions, but a failed COMMIT
 * is thrown from `commitTransaction`, so the operation fails and the client is told.
 */
export const surfaceCommitFailures = (adapter: DrizzleSqliteAdapter): void => {
  adapter.beginTransaction = async (options) => {
    await adapter.initializing
    let opened!: (tx: unknown) => void
    let failedToOpen!: (error: unknown) => void
    const ready = new Promise<unknown>((resolve, reject) => {
      opened = resolve
      failedToOpen = reject
    })
    let finish!: (commit: boolean) => void
    const outcome: Promise<unknown> = adapter.drizzle
      .transaction(async (tx) => {
        const commit = await new Promise<boolean>((resolve) => {
          finish = resolve
          opened(tx)
        })
        if (!commit) throw ROLLBACK
      }, options ?? adapter.transactionOptions)
      .then(
        () => undefined,
        (error: unknown) => error,
      )
    // BEGIN itself failed: the callback never ran.
    void outcome.then((error) => error && failedToOpen(error))

    let tx: unknown
    try {
      tx = await ready
    } catch (error) {
      throw asBusy(error)
    }
    const id = randomUUID()
    adapter.sessions[id] = {
      db: tx,
      resolve: async () => {
        finish(true)
        const error = await outcome
        if (error) throw asBusy(error)
      },
      reject: async () => {
        finish(false)
        await outcome
      },
    }
    return id
  }

  adapter.commitTransaction = async (incoming) => {
    const id = incoming instanceof Promise ? await incoming : incoming
    const session = id === null ? undefined : adapter.sessions[id]
    if (!session) return
    // Out of the registry first, as Payload does: nothing else may use a session being ended.
    delete adapter.sessions[id!]
    await session.resolve()
  }
}
