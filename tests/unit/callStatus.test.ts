/**
 * A call's status is derived from the clock (SPEC §2): deadlines are entered in Danish time,
 * stored as UTC instants and compared to the second. The first call closed on 24 May 2024,
 * 23:59 Danish time (SPEC §1).
 */
import { describe, expect, test } from '@jest/globals'

import { callStatus } from '../../src/collections/Calls/status'
import {
  copenhagenOffsetMinutes,
  formatCopenhagen,
  fromCopenhagenTime,
} from '../../src/lib/copenhagenTime'

const at = (iso: string) => new Date(iso)
const secondsAfter = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000)

describe('the first call (deadline 24 May 2024 23:59:59 Copenhagen time)', () => {
  const deadline = fromCopenhagenTime('2024-05-24T23:59:59')
  const opensAt = fromCopenhagenTime('2024-04-01T00:00')
  const call = { opensAt, deadline }

  test('the deadline is 21:59:59 UTC (summer time, UTC+2)', () => {
    expect(deadline.toISOString()).toBe('2024-05-24T21:59:59.000Z')
    expect(opensAt.toISOString()).toBe('2024-03-31T22:00:00.000Z')
  })

  test.each([
    ['2024-05-24T21:59:58.000Z', 'open'], // one second before
    ['2024-05-24T21:59:59.000Z', 'open'], // at 23:59:59 local
    ['2024-05-24T21:59:59.999Z', 'open'], // still within that second
    ['2024-05-24T22:00:00.000Z', 'closed'], // 25 May 00:00:00 local
    ['2024-05-25T10:00:00.000Z', 'closed'],
    ['2024-03-31T21:59:59.000Z', 'upcoming'], // one second before opening
    ['2024-03-31T22:00:00.000Z', 'open'], // exactly at opening
    ['2024-04-15T12:00:00.000Z', 'open'],
  ] as const)('at %s it is %s', (now, expected) => {
    expect(callStatus(call, at(now))).toBe(expected)
  })

  test('accepts ISO strings as stored by the database', () => {
    const stored = { opensAt: opensAt.toISOString(), deadline: deadline.toISOString() }
    expect(callStatus(stored, at('2024-05-24T21:59:59.000Z'))).toBe('open')
    expect(callStatus(stored, at('2024-05-24T22:00:00.000Z'))).toBe('closed')
  })

  test('a call without opensAt is open until its deadline', () => {
    expect(callStatus({ opensAt: null, deadline }, at('2000-01-01T00:00:00Z'))).toBe('open')
    expect(callStatus({ deadline }, at('2024-05-24T22:00:00Z'))).toBe('closed')
  })

  test('is shown in Danish as "24. maj 2024 kl. 23.59"', () => {
    expect(formatCopenhagen(deadline)).toBe('24. maj 2024 kl. 23.59')
  })
})

describe('deadlines on daylight saving days', () => {
  test.each([
    { day: '2024-10-27', change: 'clocks go back at 03:00 → 02:00', utc: '2024-10-27T22:59:59.000Z', shown: '27. oktober 2024 kl. 23.59' },
    { day: '2024-03-31', change: 'clocks go forward at 02:00 → 03:00', utc: '2024-03-31T21:59:59.000Z', shown: '31. marts 2024 kl. 23.59' },
  ])('$day ($change): 23:59:59 local is $utc, open to that second', ({ day, utc, shown }) => {
    const deadline = fromCopenhagenTime(`${day}T23:59:59`)
    expect(deadline.toISOString()).toBe(utc)
    const call = { opensAt: at(`${day.slice(0, 8)}01T00:00:00Z`), deadline }
    expect(callStatus(call, secondsAfter(deadline, -1))).toBe('open')
    expect(callStatus(call, deadline)).toBe('open')
    expect(callStatus(call, secondsAfter(deadline, 1))).toBe('closed')
    expect(formatCopenhagen(deadline)).toBe(shown)
  })

  test('the day before each change still has the old offset', () => {
    expect(fromCopenhagenTime('2024-03-30T23:59:59').toISOString()).toBe('2024-03-30T22:59:59.000Z')
    expect(fromCopenhagenTime('2024-10-26T23:59:59').toISOString()).toBe('2024-10-26T21:59:59.000Z')
  })

  test('a deadline in the hour that happens twice (2024-10-27 02:30) is the earlier, summer-time one', () => {
    const deadline = fromCopenhagenTime('2024-10-27T02:30')
    expect(deadline.toISOString()).toBe('2024-10-27T00:30:00.000Z')
    expect(copenhagenOffsetMinutes(deadline)).toBe(120)
    const call = { deadline }
    expect(callStatus(call, at('2024-10-27T00:30:00Z'))).toBe('open')
    // An hour later the wall clock shows 02:30 again, but the deadline has passed.
    expect(callStatus(call, at('2024-10-27T01:30:00Z'))).toBe('closed')
    expect(formatCopenhagen(at('2024-10-27T01:30:00Z'))).toBe('27. oktober 2024 kl. 02.30')
  })

  test('the edges of the repeated hour', () => {
    expect(fromCopenhagenTime('2024-10-27T01:59:59').toISOString()).toBe('2024-10-26T23:59:59.000Z')
    expect(fromCopenhagenTime('2024-10-27T02:00').toISOString()).toBe('2024-10-27T00:00:00.000Z')
    expect(fromCopenhagenTime('2024-10-27T02:59:59').toISOString()).toBe('2024-10-27T00:59:59.000Z')
    expect(fromCopenhagenTime('2024-10-27T03:00').toISOString()).toBe('2024-10-27T02:00:00.000Z')
  })

  test('a time skipped in spring (2024-03-31 02:30) is moved forward by the skipped hour (03:30 summer time)', () => {
    const instant = fromCopenhagenTime('2024-03-31T02:30')
    expect(instant.toISOString()).toBe('2024-03-31T01:30:00.000Z')
    expect(formatCopenhagen(instant)).toBe('31. marts 2024 kl. 03.30')
    expect(fromCopenhagenTime('2024-03-31T02:00').toISOString()).toBe('2024-03-31T01:00:00.000Z')
  })

  test('the edges of the skipped hour', () => {
    expect(fromCopenhagenTime('2024-03-31T01:59:59').toISOString()).toBe('2024-03-31T00:59:59.000Z')
    expect(fromCopenhagenTime('2024-03-31T03:00').toISOString()).toBe('2024-03-31T01:00:00.000Z')
  })
})

describe('fromCopenhagenTime and copenhagenOffsetMinutes', () => {
  test.each([
    ['2024-01-15T12:00', '2024-01-15T11:00:00.000Z'],
    ['2024-07-01T00:00', '2024-06-30T22:00:00.000Z'],
    ['2024-12-31T23:59:59', '2024-12-31T22:59:59.000Z'],
    ['2025-01-01T00:00:00', '2024-12-31T23:00:00.000Z'],
  ])('%s local is %s', (local, utc) => {
    expect(fromCopenhagenTime(local).toISOString()).toBe(utc)
  })

  test('the offset is 60 minutes in winter and 120 in summer, switching at 01:00 UTC', () => {
    expect(copenhagenOffsetMinutes(at('2024-01-15T12:00:00Z'))).toBe(60)
    expect(copenhagenOffsetMinutes(at('2024-07-15T12:00:00Z'))).toBe(120)
    expect(copenhagenOffsetMinutes(at('2024-03-31T00:59:59Z'))).toBe(60)
    expect(copenhagenOffsetMinutes(at('2024-03-31T01:00:00Z'))).toBe(120)
    expect(copenhagenOffsetMinutes(at('2024-10-27T00:59:59Z'))).toBe(120)
    expect(copenhagenOffsetMinutes(at('2024-10-27T01:00:00Z'))).toBe(60)
  })

  test.each(['2024-05-24', '24-05-2024 23:59', '2024-05-24T23:59:59Z', '2024-05-24 23:59', ''])(
    'refuses %p, which is not a local date and time',
    (text) => {
      expect(() => fromCopenhagenTime(text)).toThrow(/YYYY-MM-DDTHH:mm/)
    },
  )
})

test.each(['2024-02-30T12:00', '2024-13-01T00:00', '2024-05-24T25:00', '2024-05-24T23:61'])(
  'fromCopenhagenTime refuses the impossible time %s instead of rolling it over',
  (local) => {
    expect(() => fromCopenhagenTime(local)).toThrow(/not a valid date/)
  },
)
