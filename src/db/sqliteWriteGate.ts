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
 *   timeout absorbs a blip, then the write is tried again with a jittered back-off until
 *   `waitMs` has passed, when it fails with DatabaseBusyError (answered 503 with Retry-After).
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

/** A first-come-first-served lock within this process. */
const createGate = () => {
  let tail: Promise<void> = Promise.resolve()
  return {
    /** Resolves with the release function once every earlier holder has released. */
    acquire: (deadline: number): Promise<() => void> => {
      let release!: () => void
      const released = new Promise<void>((resolve) => (release = resolve))
      const turn = tail
      tail = tail.then(() => released)
      let timer: NodeJS.Timeout | undefined
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DatabaseBusyError('in-process')), Math.max(0, deadline - Date.now()))
      })
      const asked = Date.now()
      const stack = process.env.B2C_DEBUG_GATE ? new Error('gate').stack : undefined
      return Promise.race([turn.then(() => release), timedOut]).then(
        (value) => {
          clearTimeout(timer)
          if (stack) {
            const waited = Date.now() - asked
            const took = Date.now()
            if (waited > 1000) console.error(`[gate ${process.pid}] waited ${waited} ms`)
            return once(() => {
              const held = Date.now() - took
              if (held > 1000) console.error(`[gate ${process.pid}] held ${held} ms by ${stack}`)
              value()
            })
          }
          return once(value)
        },
        (error) => {
          clearTimeout(timer)
          // Give the turn on when it comes, so those queued behind are not stuck.
          void turn.then(release)
          throw error
        },
      )
    },
  }
}

const once = (fn: () => void) => {
  let done = false
  return () => {
    if (done) return
    done = true
    fn()
  }
}

/** Runs `attempt` again while the file is locked by another process, until the deadline. */
const untilUnlocked = async <T>(attempt: () => Promise<T>, deadline: number): Promise<T> => {
  for (let round = 0; ; round++) {
    try {
      return await attempt()
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error
      if (process.env.B2C_DEBUG_GATE && round === 40) {
        const fs = await import('node:fs')
        console.error(`[gate ${process.pid}] still locked after ${round} rounds:\n${fs.readFileSync('/proc/locks', 'utf8')}`)
      }
      if (Date.now() >= deadline) throw new DatabaseBusyError('another process')
      const pause = Math.min(250, 10 * 2 ** Math.min(round, 5)) * (0.5 + Math.random())
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, Math.max(1, deadline - Date.now()))))
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

  const gated = async <T>(write: () => Promise<T>): Promise<T> => {
    const deadline = Date.now() + waitMs
    const release = await gate.acquire(deadline)
    try {
      await prepareConnection()
      return await untilUnlocked(write, deadline)
    } finally {
      release()
    }
  }

  client.execute = async (stmt, args) => {
    if (isRead(stmt)) {
      // Readers in WAL mode do not wait for writers, but may meet a lock for a moment while
      // another connection opens, checkpoints or recovers the log: tried again, never queued.
      await prepareConnection()
      return untilUnlocked(() => original.execute(stmt, args), Date.now() + waitMs)
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
          real = await untilUnlocked(() => original.transaction(mode), deadline)
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

