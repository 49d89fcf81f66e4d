import type { Payload } from 'payload'

import { runClaimedJobs } from './runClaimedJobs'

export type QueueRunner = {
  /** Runs the queue in this process until the returned function is called. */
  start: (payload: Payload, limit: number, everyMs?: number) => () => void
  /** Asks the runner (if this process has one) to look at the queue now. */
  kick: () => void
  /** Whether a batch of this queue is running in this process right now. */
  busy: () => boolean
}

export type QueueRunnerOptions = {
  /**
   * Asked before every batch: false leaves the queue alone for now. A lower-priority queue waits
   * this way while a more important one has work; it is asked again at the next kick or tick.
   */
  mayRun?: (payload: Payload) => Promise<boolean> | boolean
  /** Called whenever a pass over the queue ends (another queue may want the machine now). */
  onIdle?: () => void
}

/**
 * Runs one job queue in this process: at once when work is queued here (an upload is playable
 * in seconds and a receipt mail leaves at once, not at the next cron tick), and every few
 * seconds for retries and for work queued by other processes. One batch of `limit` jobs at a
 * time; a kick while a batch runs asks for one more pass, never a second batch beside it, and a
 * batch that found work is followed by another look, so queued work runs back to back.
 */
export const createQueueRunner = (queue: string, options: QueueRunnerOptions = {}): QueueRunner => {
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
          if (options.mayRun && !(await options.mayRun(runner.payload))) break
          // Each job is claimed before it runs: with several workers, exactly one runs it.
          const { found } = await runClaimedJobs(runner.payload, queue, runner.limit)
          if (found) runner.again = true
        } while (runner.again && active === runner)
      } catch (error) {
        runner.payload.logger.error({ err: error }, `${queue} queue run failed`)
      } finally {
        runner.busy = false
        options.onIdle?.()
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

  return { start, kick, busy: () => Boolean(active?.busy) }
}
