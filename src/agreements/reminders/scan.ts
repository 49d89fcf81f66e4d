import { commitTransaction, createLocalReq, initTransaction, killTransaction, ValidationError, type Payload } from 'payload'

import { mailRunner } from '../../email/queue'
import { MAIL_QUEUE } from '../../email/task'
import type { Agreement } from '../../payload-types'
import { addDays, copenhagenToday, storedDay } from '../dates'
import { SEND_REVIEW_REMINDER_TASK } from './task'
import { dueReminder, reminderKey, SCAN_DAYS_AFTER, SCAN_DAYS_BEFORE, type DueReminder } from './thresholds'

/** The unique key refused the row: another scan (here, in another process, or earlier) wrote it. */
const isDuplicateKey = (error: unknown) =>
  error instanceof ValidationError && error.data.errors.some((problem) => problem.path === 'key')

/**
 * Writes the ledger row and queues its mail job in one transaction: both are stored, or neither.
 * Returns false when the row was already there.
 */
const queueReminder = async (payload: Payload, agreement: Agreement, due: DueReminder): Promise<boolean> => {
  const key = reminderKey(agreement.id, due.year, due.threshold)
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const reminder = await payload.create({
      collection: 'agreement-reminders',
      data: { agreement: agreement.id, year: due.year, threshold: due.threshold, key },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await payload.jobs.queue({ task: SEND_REVIEW_REMINDER_TASK, queue: MAIL_QUEUE, input: { reminderId: String(reminder.id) }, req })
    await commitTransaction(req)
    return true
  } catch (error) {
    await killTransaction(req)
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/**
 * Finds the agreements whose review reminder is due at `now` and queues each one that was never
 * queued before (housekeeping runs this at start and periodically, in every process that runs
 * jobs). Exactly once per agreement, review year and threshold: the ledger's unique key refuses
 * a second row, from a scan running beside this one in another process or from a later scan
 * after a restart. Returns the keys it queued.
 */
export const queueDueReminders = async (payload: Payload, now: Date = new Date()): Promise<string[]> => {
  const today = copenhagenToday(now)
  const { docs: agreements } = await payload.find({
    collection: 'agreements',
    where: {
      and: [
        { state: { equals: 'active' } },
        { nextReviewDate: { greater_than_equal: storedDay(addDays(today, -SCAN_DAYS_AFTER)) } },
        { nextReviewDate: { less_than_equal: storedDay(addDays(today, SCAN_DAYS_BEFORE)) } },
      ],
    },
    depth: 0,
    locale: 'da',
    pagination: false,
    overrideAccess: true,
  })
  const due = agreements.flatMap((agreement) => {
    const reminder = dueReminder(agreement, now)
    return reminder ? [{ agreement, reminder, key: reminderKey(agreement.id, reminder.year, reminder.threshold) }] : []
  })
  if (due.length === 0) return []
  // The ledger first, in one query: the usual case (already queued) writes nothing at all.
  const { docs: known } = await payload.find({
    collection: 'agreement-reminders',
    where: { key: { in: due.map((entry) => entry.key) } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { key: true },
  })
  const queued = new Set(known.map((row) => row.key))
  const added: string[] = []
  for (const { agreement, reminder, key } of due) {
    if (queued.has(key)) continue
    try {
      if (await queueReminder(payload, agreement, reminder)) added.push(key)
    } catch (error) {
      // One agreement's failure must not keep the others' reminders back; the next scan retries it.
      payload.logger.error({ err: error }, `review reminder ${key} could not be queued`)
    }
  }
  // After the commits: kicked earlier, the runner would look before the jobs are there.
  if (added.length > 0) mailRunner.kick()
  return added
}
