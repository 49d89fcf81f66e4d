/**
 * When a review reminder is due (issue #14, item 4), with an injected clock: 30 and 7 days
 * before the review day, weekly while it is overdue (at most 4 times), in Copenhagen days.
 */
import { describe, expect, test } from '@jest/globals'

import { addDays, storedDay } from '../../src/agreements/dates'
import { dueReminder, dueThreshold, reminderKey } from '../../src/agreements/reminders/thresholds'

const review = '2027-03-15'

describe('the threshold due on a day', () => {
  test.each([
    [-45, null],
    [-31, null],
    [-30, 'before-30'],
    [-29, 'before-30'],
    [-8, 'before-30'],
    [-7, 'before-7'],
    [-1, 'before-7'],
    [0, 'before-7'],
    [1, 'overdue-1'],
    [7, 'overdue-1'],
    [8, 'overdue-2'],
    [14, 'overdue-2'],
    [15, 'overdue-3'],
    [21, 'overdue-3'],
    [22, 'overdue-4'],
    // One day of grace for the last one (a process that was down on its day), then never again.
    [23, 'overdue-4'],
    [24, null],
    [60, null],
    [365, null],
  ])('%i days from the review day: %s', (offset, expected) => {
    expect(dueThreshold(review, addDays(review, offset))).toBe(expected)
  })

  test('a threshold that was missed is not sent later: created 5 days before, the 7-day one is the first', () => {
    // The first look at it is 5 days before the review: the 30-day reminder is long gone.
    expect(dueThreshold(review, addDays(review, -5))).toBe('before-7')
  })

  test('across a year end: a review on 10 January is announced on 11 December of the year before', () => {
    expect(dueThreshold('2027-01-10', '2026-12-10')).toBeNull()
    expect(dueThreshold('2027-01-10', '2026-12-11')).toBe('before-30')
    expect(dueReminder({ state: 'active', nextReviewDate: storedDay('2027-01-10') }, new Date('2026-12-11T11:00:00Z'))).toEqual({
      reviewDay: '2027-01-10',
      year: 2027,
      threshold: 'before-30',
    })
  })
})

describe('the reminder an agreement is due at an instant', () => {
  const active = { state: 'active', nextReviewDate: storedDay(review) }

  test('the Copenhagen day counts, not the UTC day (winter, UTC+1)', () => {
    // 23:59:59 in Copenhagen on 12 February is 31 days before; one second later it is 30.
    expect(dueReminder(active, new Date('2027-02-12T22:59:59Z'))).toBeNull()
    expect(dueReminder(active, new Date('2027-02-12T23:00:00Z'))).toMatchObject({ threshold: 'before-30', year: 2027 })
  })

  test('the Copenhagen day counts, not the UTC day (summer, UTC+2)', () => {
    const summer = { state: 'active', nextReviewDate: storedDay('2027-06-15') }
    expect(dueReminder(summer, new Date('2027-06-07T21:59:59Z'))).toMatchObject({ threshold: 'before-30' })
    expect(dueReminder(summer, new Date('2027-06-07T22:00:00Z'))).toMatchObject({ threshold: 'before-7' })
  })

  test('overdue while the review is due; the year stays the review day’s', () => {
    const overdue = dueReminder(active, new Date('2027-03-23T11:00:00Z'))
    expect(overdue).toEqual({ reviewDay: review, year: 2027, threshold: 'overdue-2' })
  })

  test('drafts, ended agreements and agreements past their end date are never reminded', () => {
    const now = new Date('2027-03-10T11:00:00Z')
    expect(dueReminder(active, now)).toMatchObject({ threshold: 'before-7' })
    expect(dueReminder({ ...active, state: 'draft' }, now)).toBeNull()
    expect(dueReminder({ ...active, state: 'ended' }, now)).toBeNull()
    expect(dueReminder({ ...active, endDate: storedDay('2027-03-09') }, now)).toBeNull()
    // Its last day is still a day of the agreement.
    expect(dueReminder({ ...active, endDate: storedDay('2027-03-10') }, now)).toMatchObject({ threshold: 'before-7' })
    expect(dueReminder({ ...active, nextReviewDate: null }, now)).toBeNull()
  })

  test('the ledger key names the agreement, the review year and the threshold', () => {
    expect(reminderKey(42, 2027, 'overdue-3')).toBe('42:2027:overdue-3')
  })
})
