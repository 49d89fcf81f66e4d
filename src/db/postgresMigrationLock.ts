import type { PostgresAdapter } from '@payloadcms/db-postgres'

/** One application-wide advisory lock key ("b2c-migrations"): any fixed 64-bit number would do. */
const MIGRATION_LOCK = 6_268_034_812_003n

/**
 * Migrations one process at a time. Every web process and worker applies the committed
 * migrations on start (`npm start`, `npm run worker`), and a deployment starts them together:
 * without a lock, two would read the same pending migration and both run it (the second then
 * fails half-way on "already exists"). A session-level advisory lock on a connection of its own
 * holds the others until the first has finished; they then find nothing pending.
 */
export const serializePostgresMigrations = (adapter: PostgresAdapter): void => {
  const migrate = adapter.migrate
  adapter.migrate = async function (this: unknown, ...args: Parameters<typeof migrate>) {
    const client = await adapter.pool.connect()
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()])
      try {
        return await migrate.apply(this, args)
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()])
      }
    } finally {
      client.release()
    }
  }
}
