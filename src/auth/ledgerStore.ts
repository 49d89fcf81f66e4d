import type { RequestHandler } from 'express'
import { rateLimit, type Options, type Store } from 'express-rate-limit'
import type { Payload } from 'payload'

import { admitAttempt, forgetAttempts, forgiveOne, type Budget } from './attemptLedger'

/**
 * express-rate-limit's store over the attempt ledger (src/auth/attemptLedger.ts): the budget is
 * every web process's together. A refused request is not counted (as the login throttle), so a
 * client waits out the window of what it was allowed, not of what it kept sending.
 */
const ledgerStore = (payload: Payload, budget: Budget): Store => ({
  localKeys: false,
  prefix: budget.name,
  increment: async (key) => {
    const { waitSeconds, used } = await admitAttempt(payload, [[budget, key]])
    return waitSeconds > 0
      ? { totalHits: budget.limit + 1, resetTime: new Date(Date.now() + waitSeconds * 1000) }
      : // At the latest, every attempt counted now has left the window.
        { totalHits: used, resetTime: new Date(Date.now() + budget.windowMs) }
  },
  decrement: (key) => forgiveOne(payload, budget, key),
  resetKey: (key) => forgetAttempts(payload, budget, key),
})

/**
 * A rate limit per client address on the ledger: the window and the limit are the budget's own
 * (the store ranks attempts by them), with the standard RateLimit headers. `options` say what
 * is counted (`skip`) and how a refusal is answered (`handler`).
 */
export const ledgerRateLimit = (payload: Payload, budget: Budget, options: Pick<Partial<Options>, 'skip' | 'handler'>): RequestHandler =>
  rateLimit({
    windowMs: budget.windowMs,
    limit: budget.limit,
    store: ledgerStore(payload, budget),
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    ...options,
  })
