import type { Payload } from 'payload'

import { readEnv } from '../config/env'
import { leaseSeconds } from '../video/lease'
import { sweepOrphanFiles } from './orphanSweep'
import { reconcileClipJobs } from './reconcileClips'
import { sweepTempDirs, tempRoots } from './tempFiles'
import { queueUploadExpiry } from '../uploads/expiryTask'
import { queueDueReminders } from '../agreements/reminders/scan'

/**
 * The clean-up after crashes (issue #9, items 3 and 4), at start and every SWEEP_EVERY_MINUTES:
 * - every process: temp folders (os.tmpdir() and MEDIA_DIR/.tmp) of processes that are gone (a web process killed mid-upload
 *   is swept by its own successor at once);
 * - processes that run jobs: clips that say queued/processing without a job get one, and files
 *   under MEDIA_DIR that no document names are removed after ORPHAN_GRACE_MINUTES, and the
 *   expiry of tus uploads (MEDIA_DIR/.uploads, UPLOAD_EXPIRY_HOURS) is queued as a job.
 * The sweeps are timers, not Payload jobs: each is idempotent and safe to run in several
 * processes at once, and keeps no state worth a row. The upload expiry is a job because the
 * issue asks for it on the queue: its runs (and failures) are then on record for editors.
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
    for (const root of tempRoots()) await step('temp sweep', () => sweepTempDirs(payload, { maxAgeHours: env.tempMaxAgeHours, root }))
    if (!runJobs) return
    // Files first: the jobs the reconcile queues then start on a swept store.
    await step('media sweep', () => sweepOrphanFiles(payload, { graceMinutes: env.orphanGraceMinutes }))
    await step('upload expiry', () => queueUploadExpiry(payload))
    await step('clip job reconcile', () => reconcileClipJobs(payload, { settleSeconds: leaseSeconds() }))
    await step('review reminders', () => queueDueReminders(payload))
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
