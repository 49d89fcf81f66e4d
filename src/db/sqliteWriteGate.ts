import { DatabaseBusyError, isDatabaseBusy } from './busy'

/**
 * How a shared SQLite file stays safe with several writers (this process's requests, and a
 * worker process beside it), given how libsql behaves:
 *
 * - libsql is synchronous: a busy timeout makes SQLite sleep *inside* the call, blocking this
 *   process's event loop. If the lock is held by another transaction of this same process
 *   (awaiting sharp or the file system), that sleep can never end well. So every write of this
 *   process passes one in-process gate, first come first served, and only one waits on the
 *   file's lock at a time.
 * - The file's lock held by another process is waited for asynchronously: a short busy
 *   timeout absorbs a blip, then the write is tried again every few milliseconds until
 *   `waitMs` has passed, when it fails with DatabaseBusyError (answered 503 with Retry-After).
 * - A statement that met the lock is left unfinished on its connection (libsql does not reset
 *   it): on that connection a later COMMIT failed ("cannot commit transaction - SQL statements
 *   in progress"), a read saw an old snapshot and a write failed SQLITE_BUSY_SNAPSHOT. So after
 *   every busy answer the connection is replaced before the statement is tried again.
 * - Each transaction takes the client's connection and libsql opens a new one for what comes
 *   next, with none of the first one's pragmas: the busy timeout and the durable
 *   `synchronous = FULL` are set again on every new connection before its first statement.
 */
export type GateOptions = { waitMs: number; busyTimeoutMs: number }

type Statement = string | { sql: string; args?: unknown }
type LibsqlTransaction = {
  commit: () => Promise<void>
  rollback: () => Promise<void>
  close: () => void
}
export type LibsqlClient = {
  execute: (stmt: Statement, args?: unknown) => Promise<unknown>
  batch: (stmts: Statement[], mode?: string) => Promise<unknown>
  migrate?: (stmts: Statement[]) => Promise<unknown>
  transaction: (mode?: string) => Promise<LibsqlTransaction>
}

const GUARDED = Symbol.for('b2c.sqliteWriteGate')

const READ_ONLY = /^\s*(select|pragma\s+\w+\s*;?\s*$|explain|with\s[\s\S]*?\)\s*select)/i
const isRead = (stmt: Statement) => READ_ONLY.test(typeof stmt === 'string' ? stmt : stmt.sql)

/**
 * A first-come-first-served lock within this process. Another process cannot queue here: it
 * polls the file's lock. So after the gate has been busy without a break for a while, it
 * pauses between two holders for a moment, in which a waiting worker can take the file.
 */
const createGate = () => {
  let tail: Promise<void> = Promise.resolve()
  let queued = 0
  let busySince: number | undefined
  return {
    /** Resolves with the release function once every earlier holder has released. */
    acquire: (deadline: number): Promise<() => void> => {
      let release!: () => void
      const released = new Promise<void>((resolve) => (release = resolve))
      const turn = tail
      tail = tail.then(() => released)
      queued++
      let timer: NodeJS.Timeout | undefined
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DatabaseBusyError('in-process')), Math.max(0, deadline - Date.now()))
      })
      return Promise.race([turn, timedOut]).then(
        () => {
          clearTimeout(timer)
          queued--
          busySince ??= Date.now()
          return once(() => {
            if (queued === 0) {
              busySince = undefined
              release()
            } else if (Date.now() - busySince! < FAIRNESS_STREAK_MS) {
              release()
            } else {
              busySince = undefined
              setTimeout(release, FAIRNESS_PAUSE_MS)
            }
          })
        },
        (error) => {
          clearTimeout(timer)
          queued--
          // Give the turn on when it comes, so those queued behind are not stuck.
          void turn.then(release)
          throw error
        },
      )
    },
  }
}

/** After this long with the gate never free, the next holder waits FAIRNESS_PAUSE_MS. */
const FAIRNESS_STREAK_MS = 150
const FAIRNESS_PAUSE_MS = 25

const once = (fn: () => void) => {
  let done = false
  return () => {
    if (done) return
    done = true
    fn()
  }
}

/**
 * Runs `attempt` again while the file is locked by another process, until the deadline. It
 * polls often (every few milliseconds): the lock is free only in short gaps between another
 * process's transactions. `beforeRetry` replaces the connection first.
 */
const untilUnlocked = async <T>(attempt: () => Promise<T>, deadline: number, beforeRetry?: () => Promise<void>): Promise<T> => {
  for (;;) {
    try {
      return await attempt()
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error
      if (Date.now() >= deadline) throw new DatabaseBusyError('another process')
      await beforeRetry?.()
      await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8))
    }
  }
}

/** Puts the gate in front of a libsql client (the one Payload's SQLite adapter and drizzle share). */
export const guardSqliteClient = (client: LibsqlClient, { waitMs, busyTimeoutMs }: GateOptions): void => {
  const marked = client as LibsqlClient & { [GUARDED]?: boolean }
  if (marked[GUARDED]) return
  marked[GUARDED] = true

  const original = {
    execute: client.execute.bind(client),
    batch: client.batch.bind(client),
    migrate: client.migrate?.bind(client),
    transaction: client.transaction.bind(client),
  }
  const gate = createGate()
  let freshConnection = true
  let walChecked = false

  /** The pragmas a new connection lacks; libsql opens one after every transaction. */
  const prepareConnection = async () => {
    if (!freshConnection) return
    freshConnection = false
    await original.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
    if (!walChecked) {
      // Write-ahead log: readers never wait for a writer, and a COMMIT never waits for readers
      // (in the default rollback journal it does, and fails busy under load). Stored in the file.
      walChecked = true
      await untilUnlocked(() => original.execute('PRAGMA journal_mode = WAL'), Date.now() + waitMs)
    }
    // FULL: the log is on disk before COMMIT returns, so a 201 survives a power cut.
    await original.execute('PRAGMA synchronous = FULL')
  }

  /**
   * Swaps the client's connection for a new one, after a statement on it met the lock. libsql
   * leaves that statement unfinished until the garbage collector finalises it, and while it is:
   * a COMMIT on the connection fails, an autocommit write on it is not committed when it
   * returns (SQLite commits when the last writing statement ends), every read sees the past and
   * every write fails with SQLITE_BUSY_SNAPSHOT however long it waits. So nothing more runs on
   * it: libsql opens a new connection after handing its current one to a transaction, and the
   * stale one is handed to a transaction that is rolled back at once (it holds nothing of ours:
   * it is replaced right after the busy answer, before any other write).
   */
  const replaceConnection = async () => {
    try {
      const stale = await original.transaction('deferred')
      await stale.rollback().catch(() => {})
    } catch {
      // Already inside a transaction that nobody ended: end it, then hand the connection off.
      await original.execute('ROLLBACK').catch(() => {})
      const stale = await original.transaction('deferred').catch(() => undefined)
      await stale?.rollback().catch(() => {})
    }
    freshConnection = true
    await prepareConnection()
  }

  const gated = async <T>(write: () => Promise<T>): Promise<T> => {
    const deadline = Date.now() + waitMs
    const release = await gate.acquire(deadline)
    try {
      await prepareConnection()
      return await untilUnlocked(write, deadline, replaceConnection)
    } finally {
      release()
    }
  }

  client.execute = async (stmt, args) => {
    if (isRead(stmt)) {
      // Readers in WAL mode do not wait for writers, but may meet a lock for a moment while
      // another connection opens, checkpoints or recovers the log: tried again, never queued.
      // A read that failed may have left its snapshot behind: the next try is on a new connection.
      await prepareConnection()
      return untilUnlocked(() => original.execute(stmt, args), Date.now() + waitMs, replaceConnection)
    }
    return gated(() => original.execute(stmt, args))
  }
  client.batch = (stmts, mode) => gated(() => original.batch(stmts, mode))
  if (original.migrate) client.migrate = (stmts) => gated(() => original.migrate!(stmts))

  /**
   * A transaction takes the gate and the file's write lock (BEGIN IMMEDIATE) at its first
   * write, not when Payload opens it: an upload's file work (sharp's sizes, copying the
   * original) comes before its first INSERT, and must not hold every other writer up. Reads
   * before the first write see the latest committed state, as they would without a
   * transaction; from the first write on, the transaction has the file to itself.
   */
  client.transaction = async (mode) => {
    let real: LibsqlTransaction | undefined
    let beginning: Promise<LibsqlTransaction> | undefined
    let release: (() => void) | undefined
    const begin = () =>
      (beginning ??= (async () => {
        const deadline = Date.now() + waitMs
        release = await gate.acquire(deadline)
        try {
          await prepareConnection()
          // BEGIN IMMEDIATE: no statement inside the transaction, nor its COMMIT, can then
          // meet a lock another connection took since.
          real = await untilUnlocked(() => original.transaction(mode), deadline, replaceConnection)
          freshConnection = true
          return real
        } catch (error) {
          release()
          throw error
        }
      })())
    const lazy: LibsqlTransaction & { execute: LibsqlClient['execute']; batch: LibsqlClient['batch']; readonly closed: boolean } = {
      execute: async (stmt, args) => {
        if (!beginning && isRead(stmt)) return client.execute(stmt, args)
        return ((await begin()) as unknown as Pick<LibsqlClient, 'execute'>).execute(stmt, args)
      },
      batch: async (stmts, batchMode) => ((await begin()) as unknown as Pick<LibsqlClient, 'batch'>).batch(stmts, batchMode),
      commit: async () => {
        if (!beginning) return
        await (await begin()).commit()
        // Only once committed: a failed COMMIT is rolled back by drizzle, which releases then.
        release?.()
      },
      rollback: async () => {
        if (!beginning) return
        try {
          await (await begin()).rollback()
        } finally {
          release?.()
        }
      },
      close: () => {
        try {
          real?.close()
        } finally {
          release?.()
        }
      },
      get closed() {
        return real ? (real as unknown as { closed: boolean }).closed : false
      },
    }
    return lazy
  }
}

