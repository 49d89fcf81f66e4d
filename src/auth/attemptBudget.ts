/**
 * Attempts per key in a sliding window, kept in this process's memory: fine for one web
 * process (a restart forgives everyone); several web processes need a shared store.
 */
export class AttemptBudget {
  private readonly attempts = new Map<string, number[]>()
  private lastSweep: number

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now()
  }

  /** Seconds until `key` may try again; 0 while it has attempts left. */
  retryAfterSeconds(key: string): number {
    const recent = this.recent(key)
    if (recent.length < this.limit) return 0
    const freedAt = recent[recent.length - this.limit] + this.windowMs
    return Math.max(1, Math.ceil((freedAt - this.now()) / 1000))
  }

  record(key: string): void {
    this.sweep()
    this.attempts.set(key, [...this.recent(key), this.now()])
  }

  /** Takes back the latest attempt (it turned out not to be a failure). */
  forgiveOne(key: string): void {
    const recent = this.recent(key).slice(0, -1)
    if (recent.length > 0) this.attempts.set(key, recent)
    else this.attempts.delete(key)
  }

  forget(key: string): void {
    this.attempts.delete(key)
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs
    return (this.attempts.get(key) ?? []).filter((at) => at > since)
  }

  /** Once a window, drops keys with nothing recent, so spraying fresh keys cannot grow memory for ever. */
  private sweep(): void {
    if (this.now() - this.lastSweep < this.windowMs) return
    this.lastSweep = this.now()
    for (const key of [...this.attempts.keys()]) {
      if (this.recent(key).length === 0) this.attempts.delete(key)
    }
  }
}

/**
 * Checks every budget first and records in all only when none is spent, in one synchronous
 * step, so parallel requests cannot all pass the check before any of them is counted.
 * Answers the seconds to wait (the longest of the spent budgets), or 0 when admitted.
 */
export const admit = (entries: Array<[AttemptBudget, string]>): number => {
  const wait = Math.max(0, ...entries.map(([budget, key]) => budget.retryAfterSeconds(key)))
  if (wait > 0) return wait
  for (const [budget, key] of entries) budget.record(key)
  return 0
}
