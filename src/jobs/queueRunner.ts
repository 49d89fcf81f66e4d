import type { Payload } from 'payload'

export type QueueRunner = {
  /** Runs the queue in this process until the returned function is called. */
  start: (payload: Payload, limit: number, everyMs?: number) => () => void
  /** Asks the runner (if this process has one) to look at the queue now. */
  kick: () => void
}

/**
 * Runs one job queue in this process: at once when work is queued here (an upload is playable
 * in seconds and a receipt mail leaves at once, not at the next cron tick), and every few
 * seconds for retries and for work queued by other processes. One batch of `limit` jobs at a
 * time; a kick while a batch runs asks for one more pass, never a second batch beside it.
 */
export const createQueueRunner = (queue: string): QueueRunner => {
  let active: { payload: Payload; limit: number; busy: boolean; again: boolean } | null = null

  const kick = () => {
    const runner = active
    if (!runner) return
    if (runner.busy) {
      runner.again = true
      return
    }
    runner.busy = true
    void (async () => {
      try {
        do {
          runner.again = false
          await runner.payload.jobs.run({ queue, limit: runner.limit })
        } while (runner.again && active === runner)
      } catch (error) {
        runner.payload.logger.error({ err: error }, `${queue} queue run failed`)
      } finally {
        runner.busy = false
      }
    })()
  }

  const start = (payload: Payload, limit: number, everyMs = 5000) => {
    active = { payload, limit, busy: false, again: false }
    const timer = setInterval(kick, everyMs)
    timer.unref()
    kick()
    return () => {
      clearInterval(timer)
      active = null
    }
  }

  return { start, kick }
}
