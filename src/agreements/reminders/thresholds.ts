import { addDays, copenhagenToday, dayOf, yearOf, type Day } from '../dates'
import { agreementStatus, type AgreementState } from '../status'

/**
 * When an agreement's parties are reminded of its yearly review (SPEC §9, issue #14 item 4):
 * 30 and 7 days before the review day, then weekly while it is overdue, at most four times.
 * Each threshold is the number of days from the review day to the day it falls due.
 */
export const REMINDER_THRESHOLDS = [
  { key: 'before-30', offset: -30 },
  { key: 'before-7', offset: -7 },
  { key: 'overdue-1', offset: 1 },
  { key: 'overdue-2', offset: 8 },
  { key: 'overdue-3', offset: 15 },
  { key: 'overdue-4', offset: 22 },
] as const

export type ReminderThreshold = (typeof REMINDER_THRESHOLDS)[number]['key']

export const THRESHOLD_KEYS = REMINDER_THRESHOLDS.map((threshold) => threshold.key) as ReminderThreshold[]

/**
 * The days around a review day in which some threshold can still be due: the scan asks the
 * database only for agreements whose review day lies between these bounds. The last threshold
 * is kept one day longer, so a process that was down on that day sends it the day after.
 */
export const SCAN_DAYS_BEFORE = 30
export const SCAN_DAYS_AFTER = 23

export const isOverdueThreshold = (threshold: ReminderThreshold): boolean => threshold.startsWith('overdue-')

/**
 * The threshold due on `today` for a review on `reviewDay`: the latest one whose day has come,
 * or none before the first or once the window after the last has closed. A threshold that was
 * skipped (the agreement was created, or made active, after its day) is not sent afterwards:
 * an agreement created 5 days before its review gets the 7-day reminder, never the 30-day one.
 */
export const dueThreshold = (reviewDay: Day, today: Day): ReminderThreshold | null => {
  if (today > addDays(reviewDay, SCAN_DAYS_AFTER)) return null
  let due: ReminderThreshold | null = null
  for (const { key, offset } of REMINDER_THRESHOLDS) {
    if (addDays(reviewDay, offset) <= today) due = key
  }
  return due
}

type ReminderInput = {
  state?: AgreementState | string | null
  endDate?: string | null
  nextReviewDate?: string | null
}

export type DueReminder = { reviewDay: Day; year: number; threshold: ReminderThreshold }

/**
 * The reminder an agreement is due at `now` (Copenhagen day), if any. Only agreements that are
 * running are reminded: active, or with their review due; never a draft, nor one that ended
 * (by its state or by its end date passing). The reminder's year is the review day's year, so
 * every reminder of one review (and the ledger row that makes it unique) names the same year.
 */
export const dueReminder = (agreement: ReminderInput, now: Date = new Date()): DueReminder | null => {
  if (!agreement.nextReviewDate) return null
  const status = agreementStatus(agreement, now)
  if (status !== 'active' && status !== 'review-due') return null
  const reviewDay = dayOf(agreement.nextReviewDate)
  const threshold = dueThreshold(reviewDay, copenhagenToday(now))
  return threshold ? { reviewDay, year: yearOf(reviewDay), threshold } : null
}

/** The ledger's unique key: one reminder per agreement, review year and threshold, ever. */
export const reminderKey = (agreementId: number | string, year: number, threshold: ReminderThreshold): string =>
  `${agreementId}:${year}:${threshold}`
