import type { Payload } from 'payload'

import { readEnv } from '../config/env'
import { mailRunner } from '../email/queue'
import { watchLeases } from '../video/lease'
import { videoRunner } from '../video/runner'

/**
 * Everything a process that runs jobs starts in the background, in one place for the web
 * process (RUN_JOBS=true) and `npm run worker`, so the two can never drift apart. Returns one
 * function that stops it all.
 */
export const startBackgroundWork = (payload: Payload, { runJobs }: { runJobs: boolean }): (() => void) => {
  if (!runJobs) return () => {}
  const stops = [
    watchLeases(payload),
    videoRunner.start(payload, readEnv().transcodeConcurrency),
    mailRunner.start(payload, 10),
  ]
  return () => {
    for (const stop of stops) stop()
  }
}
