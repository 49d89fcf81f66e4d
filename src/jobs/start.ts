import type { Payload } from 'payload'

import { readEnv } from '../config/env'
import { mailRunner } from '../email/queue'
import { watchLeases } from '../video/lease'
import { startVideoRunners } from '../video/runner'
import { housekeepingRunner } from '../uploads/expiryTask'
import { startHousekeeping } from './housekeeping'

/**
 * Everything a process starts in the background, in one place for the web process and `npm run
 * worker`, so the two can never drift apart: the housekeeping sweeps always (their job-related
 * part only where jobs run), the lease watch and the queue runners where jobs run. Returns one
 * function that stops it all.
 */
export const startBackgroundWork = (payload: Payload, { runJobs }: { runJobs: boolean }): (() => Promise<void>) => {
  const stopHousekeeping = startHousekeeping(payload, { runJobs })
  const stops = runJobs
    ? [watchLeases(payload), startVideoRunners(payload, readEnv().transcodeConcurrency), mailRunner.start(payload, 10), housekeepingRunner.start(payload, 1)]
    : []
  return async () => {
    for (const stop of stops) stop()
    await stopHousekeeping()
  }
}
