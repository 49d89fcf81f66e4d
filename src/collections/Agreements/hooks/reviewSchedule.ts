import type { CollectionBeforeChangeHook } from 'payload'

import { dayOf, firstReviewDay, reviewDayIn, storedDay, yearOf } from '../../../agreements/dates'

/**
 * Keeps the agreement's days as days (noon UTC) and its next review date in step with the
 * cadence: set from the start date on creation, moved to the new month and day (same year) when
 * the cadence changes. Only a held review moves it a year on (AgreementReviews' applyReview).
 */
export const keepReviewSchedule: CollectionBeforeChangeHook = ({ data, originalDoc, operation, context }) => {
  for (const name of ['startDate', 'endDate'] as const) {
    if (data[name]) data[name] = storedDay(dayOf(data[name]))
  }
  // The review hook writes the date it computed; nothing here second-guesses it.
  if (context.reviewApplied) return data
  const merged = { ...originalDoc, ...data }
  const month = Number(merged.reviewMonth)
  const day = Number(merged.reviewDay)
  if (!merged.startDate || !month || !day) return data
  const previous = operation === 'update' ? originalDoc?.nextReviewDate : undefined
  const cadenceChanged =
    operation === 'update' && (Number(originalDoc?.reviewMonth) !== month || Number(originalDoc?.reviewDay) !== day)
  if (!previous) data.nextReviewDate = storedDay(firstReviewDay(dayOf(merged.startDate), month, day))
  else if (cadenceChanged) data.nextReviewDate = storedDay(reviewDayIn(yearOf(dayOf(previous)), month, day))
  else data.nextReviewDate = previous
  return data
}
