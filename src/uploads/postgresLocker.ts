import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/server'
import type { Notification, Pool, PoolClient } from 'pg'

/** Where a process asks another to let go of an upload (the payload is the upload id). */
const RELEASE_CHANNEL = 'b2c_upload_release'
const POLL_MS = 100
const ASK_AGAIN_MS = 1000

/**
 * A tus locker across web processes and machines, on PostgreSQL: one session-level advisory
 * lock per upload id (`pg_try_advisory_lock(hashtextextended('b2c-upload:' || id, 0))`).
 *
 * All of a process's upload locks are held on one pooled connection, taken from Payload's pool
 * when the first lock is taken and given back when the last one goes: an advisory lock lives as
 * long as the session that took it, and a connection per upload would starve Payload's pool.
 * Within the process a map keeps two requests for one upload apart (advisory locks are
 * re-entrant within a session).
 *
 * tus's requestRelease (the holder should end its request so a newer one for the same upload
 * can go on, e.g. a client retrying through another process while its old request dies) reaches
 * the holder through NOTIFY: the waiter notifies the upload's id, and the process holding it ends
 * that request, which unlocks. The waiter polls until it has the lock or acquireLockTimeout.
 *
 * Limits: if the lock connection breaks, PostgreSQL frees that process's locks at once while its
 * requests may still be writing; they fail on their next unlock and the next writer proceeds.
 * A hash collision of two ids (1 in 2^64) only makes the two uploads wait for each other.
 */
export class PostgresLocker implements Locker {
  /** Uploads this process holds or is taking, so two of its own requests never share one. */
  private readonly taken = new Set<string>()
  /** How to end the request holding each upload this process holds. */
  private readonly held = new Map<string, RequestRelease>()
  private connection: Promise<PoolClient> | undefined
  private connectionUsers = 0

  constructor(
    private readonly pool: Pool,
    private readonly acquireLockTimeout = 30_000,
  ) {}

  newLock(id: string): Lock {
    return new PostgresLock(id, this)
  }

  /** Tries once; true when this process now holds the upload's lock. */
  async tryLock(id: string, requestRelease: RequestRelease): Promise<boolean> {
    if (this.taken.has(id)) return false
    this.taken.add(id)
    let locked = false
    try {
      const client = await this.useConnection()
      const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [lockName(id)])
      locked = rows[0]?.locked === true
    } finally {
      if (locked) this.held.set(id, requestRelease)
      else {
        this.taken.delete(id)
        await this.leaveConnection()
      }
    }
    return locked
  }

  async unlock(id: string): Promise<void> {
    if (!this.held.delete(id)) throw new Error('Releasing an unlocked lock!')
    this.taken.delete(id)
    try {
      const client = await this.connection?.catch(() => undefined)
      await client?.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [lockName(id)])
    } finally {
      await this.leaveConnection()
    }
  }

  /** Asks whoever holds the upload, in this process or another, to end its request. */
  async askRelease(id: string): Promise<void> {
    await this.held.get(id)?.()
    await this.pool.query(`SELECT pg_notify($1, $2)`, [RELEASE_CHANNEL, id])
  }

  get timeout(): number {
    return this.acquireLockTimeout
  }

  private onNotification = (message: Notification) => {
    if (message.channel !== RELEASE_CHANNEL || !message.payload) return
    void Promise.resolve(this.held.get(message.payload)?.()).catch(() => undefined)
  }

  private onConnectionError = (error: Error) => {
    // The session is gone and with it this process's advisory locks: the next lock takes a new one.
    const broken = this.connection
    this.connection = undefined
    void broken?.then((client) => this.giveBack(client, error)).catch(() => undefined)
  }

  private giveBack(client: PoolClient, error?: Error) {
    client.off('notification', this.onNotification)
    client.off('error', this.onConnectionError)
    client.release(error)
  }

  private async useConnection(): Promise<PoolClient> {
    this.connectionUsers += 1
    this.connection ??= this.connect().catch((error: unknown) => {
      this.connection = undefined
      throw error
    })
    return this.connection
  }

  private async connect(): Promise<PoolClient> {
    const client = await this.pool.connect()
    client.on('notification', this.onNotification)
    client.on('error', this.onConnectionError)
    await client.query(`LISTEN ${RELEASE_CHANNEL}`)
    return client
  }

  private async leaveConnection(): Promise<void> {
    this.connectionUsers -= 1
    if (this.connectionUsers > 0 || !this.connection) return
    const connection = this.connection
    this.connection = undefined
    const client = await connection.catch(() => undefined)
    if (!client) return
    try {
      // Back to the pool as any other connection: no listener, no lock left behind.
      await client.query(`UNLISTEN *; SELECT pg_advisory_unlock_all()`)
      this.giveBack(client)
    } catch (error) {
      this.giveBack(client, error as Error)
    }
  }
}

const lockName = (id: string) => `b2c-upload:${id}`

class PostgresLock implements Lock {
  constructor(
    private readonly id: string,
    private readonly locker: PostgresLocker,
  ) {}

  async lock(stopSignal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const deadline = Date.now() + this.locker.timeout
    let askedAt = 0
    while (!stopSignal.aborted && Date.now() < deadline) {
      if (await this.locker.tryLock(this.id, requestRelease)) return
      if (Date.now() - askedAt >= ASK_AGAIN_MS) {
        askedAt = Date.now()
        await this.locker.askRelease(this.id).catch(() => undefined)
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
    throw ERRORS.ERR_LOCK_TIMEOUT
  }

  async unlock(): Promise<void> {
    await this.locker.unlock(this.id)
  }
}
