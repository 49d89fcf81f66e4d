import { createHmac } from 'node:crypto'

import type { Payload, PayloadRequest, Where } from 'payload'

/**
 * Attempt budgets every web process of a deployment shares (the login throttle, password-reset
 * requests, the submission and upload rate limits): the attempts are rows of `attempts` in the
 * database, so N web processes behind a load balancer allow what one would, and a restart
 * forgives no one. A budget allows `limit` attempts per key in any sliding window of `windowMs`.
 */
export type Budget = { name: string; limit: number; windowMs: number }

export type Admission = { waitSeconds: number; used: number }

type Row = { id: number | string; at: number }

const COLLECTION = 'attempts'
/** Every budget of ours has a window of at most this: older rows are swept whoever asks. */
export const LONGEST_WINDOW_MS = 60 * 60_000
/** How often one process sweeps rows that no window can see any more. */
const SWEEP_EVERY_MS = 60_000
let lastSweep = 0

/** The stored key: keyed with the secret, so the ledger holds no address or e-mail. */
const hashed = (payload: Payload, budget: Budget, key: string) =>
  createHmac('sha256', payload.secret).update(`${budget.name}\n${key}`).digest('base64url')

const inWindow = (budget: Budget, key: string, since: number, extra: Where[] = []): Where => ({
  and: [{ budget: { equals: budget.name } }, { key: { equals: key } }, { at: { greater_than: since } }, ...extra],
})

/**
 * Counts an attempt in every budget, unless one of them is spent: then nothing is counted and
 * the answer says how long to wait (the longest of the spent budgets). Each attempt is written
 * first and then ranked among the attempts before it, so parallel attempts, in this process or
 * another, cannot all pass a check before any of them is counted. Never in a request's
 * transaction: a failed login must stay counted when its operation rolls back.
 */
export const admitAttempt = async (payload: Payload, entries: Array<[Budget, string]>): Promise<Admission> => {
  const now = Date.now()
  await sweep(payload, now, entries)
  const written = await Promise.all(
    entries.map(async ([budget, key]) => {
      const stored = hashed(payload, budget, key)
      const row = (await payload.db.create({ collection: COLLECTION, data: { budget: budget.name, key: stored, at: now } })) as unknown as Row
      return { budget, stored, id: row.id }
    }),
  )
  const ranked = await Promise.all(
    written.map(async ({ budget, stored, id }) => {
      const since = now - budget.windowMs
      const { totalDocs } = await payload.db.count({ collection: COLLECTION, where: inWindow(budget, stored, since, [{ id: { less_than_equal: id } }]) })
      if (totalDocs <= budget.limit) return { used: totalDocs, wait: 0 }
      // Spent: free again when the limit-th latest attempt before this one leaves the window.
      const { docs } = await payload.db.find<Row>({
        collection: COLLECTION,
        where: inWindow(budget, stored, since, [{ id: { less_than: id } }]),
        sort: '-at',
        limit: budget.limit,
        pagination: false,
      })
      const freedAt = Number(docs.at(-1)?.at ?? now) + budget.windowMs
      return { used: totalDocs, wait: Math.max(1, Math.ceil((freedAt - now) / 1000)) }
    }),
  )
  const waitSeconds = Math.max(0, ...ranked.map((rank) => rank.wait))
  if (waitSeconds > 0) {
    await payload.db.deleteMany({ collection: COLLECTION, where: { id: { in: written.map((row) => row.id) } } })
  }
  return { waitSeconds, used: Math.max(0, ...ranked.map((rank) => rank.used)) }
}

/**
 * Takes back the latest attempt of `key` (it turned out not to be a failure). With `req`, in its
 * transaction (a login's: the forgiveness commits with the login; on SQLite a write beside an
 * open transaction of the same process would wait for it).
 */
export const forgiveOne = async (payload: Payload, budget: Budget, key: string, req?: Partial<PayloadRequest>): Promise<void> => {
  const stored = hashed(payload, budget, key)
  const { docs } = await payload.db.find<Row>({
    collection: COLLECTION,
    where: inWindow(budget, stored, Date.now() - budget.windowMs),
    sort: '-at',
    limit: 1,
    pagination: false,
    req,
  })
  if (docs[0]) await payload.db.deleteMany({ collection: COLLECTION, where: { id: { equals: docs[0].id } }, req })
}

/** Forgets every attempt of `key` in the budget (with `req`, in its transaction). */
export const forgetAttempts = async (payload: Payload, budget: Budget, key: string, req?: Partial<PayloadRequest>): Promise<void> => {
  const stored = hashed(payload, budget, key)
  await payload.db.deleteMany({ collection: COLLECTION, where: { and: [{ budget: { equals: budget.name } }, { key: { equals: stored } }] }, req })
}

/** Rows older than every budget's window are of no use: one process removes them now and then. */
const sweep = async (payload: Payload, now: number, entries: Array<[Budget, string]>) => {
  if (now - lastSweep < SWEEP_EVERY_MS) return
  lastSweep = now
  const longest = Math.max(...entries.map(([budget]) => budget.windowMs), LONGEST_WINDOW_MS)
  await payload.db.deleteMany({ collection: COLLECTION, where: { at: { less_than: now - longest } } }).catch((error: unknown) => {
    payload.logger.warn({ err: error }, 'could not sweep old attempts')
  })
}
