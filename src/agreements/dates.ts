import { TIME_ZONE } from '../lib/copenhagenTime'

/**
 * Agreements live in days, not instants: a start, an end and a yearly review date. A day is kept
 * as `YYYY-MM-DD`, and stored in date fields at 12:00 UTC, which is the same day in Copenhagen
 * (UTC+1 or +2) whatever the season, so the day never shifts on its way through a time zone.
 */
export type Day = string

const dayFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })

/** Today in Copenhagen (to the day), at `now`. */
export const copenhagenToday = (now: Date = new Date()): Day => dayFormatter.format(now)

/** The day a stored date names (its UTC day: dates are stored at noon UTC). */
export const dayOf = (value: Date | string): Day => new Date(value).toISOString().slice(0, 10)

/** The stored form of a day. */
export const storedDay = (day: Day): string => `${day}T12:00:00.000Z`

const pad = (value: number) => String(value).padStart(2, '0')

/** Days in a month of a year (1-based month). */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate()

/**
 * The review day of a year for a cadence of month and day. The form allows 1–28 in February,
 * so the same date exists every year; a stored 29–31 in a shorter month falls on its last day.
 */
export const reviewDayIn = (year: number, month: number, day: number): Day =>
  `${year}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}`

/** The first review day strictly after `start`: an agreement is not reviewed on the day it starts. */
export const firstReviewDay = (start: Day, month: number, day: number): Day => {
  const year = Number(start.slice(0, 4))
  const sameYear = reviewDayIn(year, month, day)
  return sameYear > start ? sameYear : reviewDayIn(year + 1, month, day)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: Day, to: Day): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

export const addDays = (day: Day, days: number): Day =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

export const yearOf = (day: Day): number => Number(day.slice(0, 4))
