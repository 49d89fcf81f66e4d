import { copenhagenToday, dayOf } from './dates'

/** The state an editor or party sets; `review-due` is never stored, it is read off the clock. */
export type AgreementState = 'draft' | 'active' | 'ended'
export type AgreementStatus = 'draft' | 'active' | 'review-due' | 'ended'

type StatusInput = {
  state?: AgreementState | string | null
  endDate?: string | null
  nextReviewDate?: string | null
}

/**
 * Where an agreement stands on `now`'s day in Copenhagen: ended once its end date has passed,
 * `review-due` once its review date has passed with no review held (saving a review moves that
 * date a year on), otherwise as set.
 */
export const agreementStatus = (agreement: StatusInput, now: Date = new Date()): AgreementStatus => {
  if (agreement.state === 'draft') return 'draft'
  if (agreement.state === 'ended') return 'ended'
  const today = copenhagenToday(now)
  if (agreement.endDate && today > dayOf(agreement.endDate)) return 'ended'
  if (agreement.nextReviewDate && today > dayOf(agreement.nextReviewDate)) return 'review-due'
  return 'active'
}
