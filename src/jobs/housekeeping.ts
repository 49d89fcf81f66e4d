import type { Payload } from 'payload'

import { readEnv } from '../config/env'
import { leaseSeconds } from '../video/lease'
import { sweepOrphanFiles } from './orphanSweep'
import { reconcileClipJobs } from './reconcileClips'
import { sweepTempDirs } from './tempFiles'
import { expireUploads } from '../uploads/expiry'

/**
 * The clean-up after crashes (issue #9, items 3 and 4), at start and every SWEEP_EVERY_MINUTES:
 * - every process: temp folders of processes that are gone (a web process killed mid-upload
 *   is swept by its own successor at once);
 * - processes that run jobs: clips that say queued/processing without a job get one, and files
 *   under MEDIA_DIR that no document names are removed after ORPHAN_GRACE_MINUTES, and tus
 *   uploads (MEDIA_DIR/.uploads) unfinished or unclaimed for UPLOAD_EXPIRY_HOURS are deleted.
 * Timers, not Payload jobs: each sweep is idempotent and safe to run in several processes at
 * once, and a job would need its own row (and a migration) for work that keeps no state.
 * Returns a function that stops the schedule and waits for a sweep in progress.
 */
export const startHousekeeping = (payload: Payload, { runJobs }: { runJobs: boolean }): (() => Promise<void>) => {
  const env = readEnv()
  let stopped = false
  const step = async (name: string, work: () => Promise<unknown>) => {
    if (stopped) return
    try {
      await work()
    } catch (error) {
      payload.logger.error({ err: error }, `${name} failed`)
    }
  }
  const sweep = async () => {
    await step('temp sweep', () => sweepTempDirs(payload, { maxAgeHours: env.tempMaxAgeHours }))
    if (!runJobs) return
    // Files first: the jobs the reconcile queues then start on a swept store.
    await step('media sweep', () => sweepOrphanFiles(payload, { graceMinutes: env.orphanGraceMinutes }))
    await step('upload expiry', () => expireUploads(payload, { expiryHours: env.uploadExpiryHours }))
    await step('clip job reconcile', () => reconcileClipJobs(payload, { settleSeconds: leaseSeconds() }))
  }
  let running = sweep()
  const timer = setInterval(() => {
    running = running.then(sweep)
  }, env.sweepEveryMinutes * 60_000)
  timer.unref()
  return async () => {
    stopped = true
    clearInterval(timer)
    await running
  }
}
