import type { Day } from '../dates'
import { TIME_ZONE } from '../../lib/copenhagenTime'

/**
 * The review as an RFC 5545 calendar invitation (`gennemgang.ics`), attached to every reminder.
 * METHOD:PUBLISH: the event is put in the recipient's calendar, with no reply asked for. Every
 * reminder of one review carries the same UID and a higher SEQUENCE, so a calendar updates the
 * event it has (a moved date included) instead of adding a second one.
 */

const CRLF = '\r\n'

/** Copenhagen's rules since 1996 (the EU's): summer time from the last Sunday of March, 02:00. */
const COPENHAGEN_TIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`. */
export const escapeText = (text: string): string =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')

/**
 * A content line folded at 75 octets (RFC 5545 §3.1): each continuation starts with a space,
 * and a multi-byte UTF-8 character is never split between two lines.
 */
export const foldLine = (line: string): string => {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8')
    // The first line holds 75 octets; a continuation 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join(`${CRLF} `)
}

/** `2027-03-15` and `10:00:00` as a local DATE-TIME, `20270315T100000`. */
const localDateTime = (day: Day, time: string) => `${day.replace(/-/g, '')}T${time.replace(/:/g, '')}`

/** An instant as a UTC DATE-TIME, `20270213T101500Z`. */
const utcDateTime = (instant: Date) => `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`

export type ReviewEvent = {
  agreementId: number | string
  /** The review's year: with the agreement, what makes the UID. */
  year: number
  reviewDay: Day
  title: string
  adminUrl: string
  /** PUBLIC_URL's host name: UIDs are globally unique by ending in a host of ours. */
  host: string
  /** Higher for each later reminder of the same review, so a calendar takes it as an update. */
  sequence: number
  now: Date
}

/** The same for every reminder of one review: calendars match events by it. */
export const reviewEventUid = (agreementId: number | string, year: number, host: string): string =>
  `agreement-${agreementId}-review-${year}@${host}`

/** The review from 10:00 to 11:00 Copenhagen time on its day: a calendar needs a time, not just a day. */
export const reviewInvitation = (event: ReviewEvent): string => {
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Business2Community//Stories//DA',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...COPENHAGEN_TIMEZONE,
    'BEGIN:VEVENT',
    `UID:${reviewEventUid(event.agreementId, event.year, event.host)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcDateTime(event.now)}`,
    `DTSTART;TZID=${TIME_ZONE}:${localDateTime(event.reviewDay, '10:00:00')}`,
    `DTEND;TZID=${TIME_ZONE}:${localDateTime(event.reviewDay, '11:00:00')}`,
    `SUMMARY:${escapeText(`Årlig gennemgang: ${event.title}`)}`,
    `DESCRIPTION:${escapeText(
      [
        `Den årlige gennemgang af samarbejdsaftalen "${event.title}".`,
        'Gennemgå om aftalens potentiale blev indfriet, og om fokus og ambitioner skal justeres.',
        '',
        `Aftalen: ${event.adminUrl}`,
      ].join('\n'),
    )}`,
    `URL:${event.adminUrl}`,
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines.map(foldLine).join(CRLF) + CRLF
}
