import type { PostgresAdapter } from '@payloadcms/db-postgres'

type PoolClient = {
  end: () => Promise<void>
  once: (event: 'end', listener: () => void) => unknown
  /** Set by the pool on a checked-out connection; `true` closes it and takes it out of the pool. */
  release?: (destroy?: boolean) => void
}
type Pool = PostgresAdapter['pool']

const MANAGED = Symbol.for('b2c.postgresPool')

/**
 * The connection pool of Payload's PostgreSQL adapter, made to end with Payload:
 *
 * - `payload.destroy()` leaves the adapter's pool open (its `destroy` only forgets the schema),
 *   and `connect`, when it makes the pool itself, keeps one connection checked out for good, so
 *   a closed Payload still held connections (a test file's process could not exit, a database
 *   could not be dropped). Here the pool is made before `connect` (which then keeps none), and
 *   `destroy` ends it and every connection it opened; a later `connect` makes a new one.
 * - An idle connection the server drops (a restart, a terminated backend) makes the pool emit
 *   'error', which with no listener ends the process: it is logged instead, and the pool opens
 *   a new connection when one is next needed.
 */
export const managePostgresPool = (adapter: PostgresAdapter): void => {
  const marked = adapter as PostgresAdapter & { [MANAGED]?: boolean }
  if (marked[MANAGED]) return
  marked[MANAGED] = true

  const clients = new Set<PoolClient>()
  const createPool = (): Pool => {
    const pool = new adapter.pg.Pool(adapter.poolOptions)
    pool.on('connect', (client) => {
      const tracked = client as unknown as PoolClient
      clients.add(tracked)
      tracked.once('end', () => clients.delete(tracked))
    })
    pool.on('error', (error) => {
      adapter.payload?.logger.warn(`PostgreSQL: an idle connection failed (${error.message}); a new one is opened when needed`)
    })
    return pool
  }

  const connect = adapter.connect!
  adapter.connect = async function (this: unknown, options) {
    // The adapter's connect makes its own pool only when it has none: it uses this one.
    if (!adapter.pool) adapter.pool = createPool()
    return connect.call(this, options)
  }

  const destroy = adapter.destroy!
  adapter.destroy = async function (this: unknown) {
    await destroy.call(this)
    const pool = adapter.pool
    if (!pool) return
    adapter.pool = undefined as unknown as Pool
    // end() closes the idle connections and waits for the checked-out ones to come back: a
    // query still running (a request the server is finishing) ends normally first. They are
    // never released here: their owner releases them, and a second release throws inside
    // pg-pool, which ended the process. Those not back within 5 s are closed below.
    const ended = pool.end().catch(() => {})
    let timer: NodeJS.Timeout | undefined
    const stuck = await Promise.race([ended.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(resolve, 5000, true)))])
    clearTimeout(timer)
    if (stuck) await Promise.all([...clients].map((client) => client.end().catch(() => {})))
    clients.clear()
  }
}
