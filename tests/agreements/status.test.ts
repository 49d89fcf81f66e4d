/**
 * Where an agreement stands (SPEC §9), computed from an injected clock in Copenhagen time to the
 * day: across a year end, on both daylight-saving changes, and on the review day itself.
 */
import { describe, expect, test } from '@jest/globals'

import { copenhagenToday, firstReviewDay, reviewDayIn, storedDay } from '../../src/agreements/dates'
import { agreementStatus } from '../../src/agreements/status'

const active = (nextReview: string, endDay?: string) => ({
  state: 'active',
  nextReviewDate: storedDay(nextReview),
  endDate: endDay ? storedDay(endDay) : null,
})

describe('today in Copenhagen', () => {
  test('an instant late on 31 December UTC is already 1 January in Copenhagen', () => {
    expect(copenhagenToday(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31')
    expect(copenhagenToday(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01')
  })
  test('in summer the day turns at 22:00 UTC', () => {
    expect(copenhagenToday(new Date('2026-07-14T21:59:59Z'))).toBe('2026-07-14')
    expect(copenhagenToday(new Date('2026-07-14T22:00:00Z'))).toBe('2026-07-15')
  })
})

describe('agreement status', () => {
  test('a review due on 31 December becomes due at Copenhagen midnight, not UTC midnight', () => {
    const agreement = active('2026-12-31')
    expect(agreementStatus(agreement, new Date('2026-12-31T22:30:00Z'))).toBe('active')
    expect(agreementStatus(agreement, new Date('2026-12-31T23:00:00Z'))).toBe('review-due')
    expect(agreementStatus(agreement, new Date('2027-01-05T12:00:00Z'))).toBe('review-due')
  })

  test('the review day itself is not overdue; the day after is', () => {
    const agreement = active('2027-03-15')
    expect(agreementStatus(agreement, new Date('2027-03-15T22:59:00Z'))).toBe('active')
    expect(agreementStatus(agreement, new Date('2027-03-15T23:00:00Z'))).toBe('review-due')
  })

  test('across the spring change (last Sunday of March): the day turns at 23:00 UTC before, 22:00 UTC after', () => {
    // 2027-03-28 is the change: 02:00 CET becomes 03:00 CEST.
    const dueOnChange = active('2027-03-28')
    expect(agreementStatus(dueOnChange, new Date('2027-03-28T21:59:59Z'))).toBe('active')
    expect(agreementStatus(dueOnChange, new Date('2027-03-28T22:00:00Z'))).toBe('review-due')
    const dueBefore = active('2027-03-27')
    expect(agreementStatus(dueBefore, new Date('2027-03-27T22:59:59Z'))).toBe('active')
    expect(agreementStatus(dueBefore, new Date('2027-03-27T23:00:00Z'))).toBe('review-due')
  })

  test('across the autumn change (last Sunday of October)', () => {
    // 2027-10-31: 03:00 CEST becomes 02:00 CET.
    const dueOnChange = active('2027-10-31')
    expect(agreementStatus(dueOnChange, new Date('2027-10-31T22:59:59Z'))).toBe('active')
    expect(agreementStatus(dueOnChange, new Date('2027-10-31T23:00:00Z'))).toBe('review-due')
    const dueBefore = active('2027-10-30')
    expect(agreementStatus(dueBefore, new Date('2027-10-30T21:59:59Z'))).toBe('active')
    expect(agreementStatus(dueBefore, new Date('2027-10-30T22:00:00Z'))).toBe('review-due')
  })

  test('ended by its end date from the day after it, whatever review is due', () => {
    const agreement = active('2027-06-01', '2027-05-31')
    expect(agreementStatus(agreement, new Date('2027-05-31T12:00:00Z'))).toBe('active')
    expect(agreementStatus(agreement, new Date('2027-05-31T22:00:00Z'))).toBe('ended')
    expect(agreementStatus(agreement, new Date('2027-06-10T12:00:00Z'))).toBe('ended')
  })

  test('draft and ended are as set, with no clock in them', () => {
    expect(agreementStatus({ state: 'draft', nextReviewDate: storedDay('2020-01-01') }, new Date('2027-01-01'))).toBe('draft')
    expect(agreementStatus({ state: 'ended', nextReviewDate: storedDay('2030-01-01') }, new Date('2027-01-01'))).toBe('ended')
  })
})

describe('review days', () => {
  test('the first review is the cadence day strictly after the start', () => {
    expect(firstReviewDay('2025-01-10', 3, 15)).toBe('2025-03-15')
    expect(firstReviewDay('2025-03-15', 3, 15)).toBe('2026-03-15')
    expect(firstReviewDay('2025-12-31', 1, 1)).toBe('2026-01-01')
  })
  test('a day a shorter month lacks falls on its last day', () => {
    expect(reviewDayIn(2027, 4, 31)).toBe('2027-04-30')
    expect(reviewDayIn(2028, 2, 30)).toBe('2028-02-29')
  })
})
