import type { Payload } from 'payload'

import { VIDEO_QUEUE } from './task'

/**
 * Runs the video queue in this process: at once when a clip is queued here (an upload is
 * playable in seconds, not at the next cron tick), and every few seconds for retries and for
 * work queued by other processes. One batch of TRANSCODE_CONCURRENCY jobs at a time.
 */
let active: { payload: Payload; concurrency: number; busy: boolean; again: boolean } | null = null

export const startVideoRunner = (payload: Payload, concurrency: number, everyMs = 5000): (() => void) => {
  active = { payload, concurrency, busy: false, again: false }
  const timer = setInterval(kickVideoQueue, everyMs)
  timer.unref()
  kickVideoQueue()
  return () => {
    clearInterval(timer)
    active = null
  }
}

/** Asks the runner (if this process has one) to look at the queue now. */
export function kickVideoQueue(): void {
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
        await runner.payload.jobs.run({ queue: VIDEO_QUEUE, limit: runner.concurrency })
      } while (runner.again && active === runner)
    } catch (error) {
      runner.payload.logger.error({ err: error }, 'video queue run failed')
    } finally {
      runner.busy = false
    }
  })()
}
