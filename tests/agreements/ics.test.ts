/**
 * The review's calendar invitation (RFC 5545), read back with a real parser (ical.js): the
 * right day and time in Europe/Copenhagen by the file's own VTIMEZONE, escaping, folding.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import ICAL from 'ical.js'

import { escapeText, foldLine, reviewInvitation, type ReviewEvent } from '../../src/agreements/reminders/ics'

const event = (overrides: Partial<ReviewEvent> = {}): ReviewEvent => ({
  agreementId: 7,
  year: 2027,
  reviewDay: '2027-03-15',
  title: 'Job og naboskab i Gellerup',
  adminUrl: 'https://historier.example.dk/admin/collections/agreements/7',
  host: 'historier.example.dk',
  sequence: 0,
  now: new Date('2027-02-13T09:15:00Z'),
  ...overrides,
})

/** Parsed as a calendar client would: the file's own VTIMEZONE is the only Copenhagen it knows. */
const parse = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  const vevent = calendar.getFirstSubcomponent('vevent')!
  return { calendar, vevent, event: new ICAL.Event(vevent) }
}

afterEach(() => ICAL.TimezoneService.reset())

describe('the review invitation', () => {
  test('is a published calendar with a Copenhagen time zone and one event', () => {
    const { calendar, vevent, event: parsed } = parse(reviewInvitation(event()))
    expect(calendar.name).toBe('vcalendar')
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN')
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy()
    const zone = calendar.getFirstSubcomponent('vtimezone')!
    expect(zone.getFirstPropertyValue('tzid')).toBe('Europe/Copenhagen')
    expect(zone.getAllSubcomponents().map((part) => part.name).sort()).toEqual(['daylight', 'standard'])

    expect(parsed.uid).toBe('agreement-7-review-2027@historier.example.dk')
    expect(parsed.summary).toBe('Årlig gennemgang: Job og naboskab i Gellerup')
    expect(parsed.description).toContain('https://historier.example.dk/admin/collections/agreements/7')
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Copenhagen')
    expect(vevent.getFirstProperty('dtend')!.getParameter('tzid')).toBe('Europe/Copenhagen')
    expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe('2027-02-13T09:15:00.000Z')
  })

  test.each([
    ['winter (CET)', '2027-03-15', '2027-03-15T09:00:00.000Z', '2027-03-15T10:00:00.000Z'],
    ['summer (CEST)', '2027-06-15', '2027-06-15T08:00:00.000Z', '2027-06-15T09:00:00.000Z'],
    // The days the clocks change: 10:00 is after the change on both.
    ['the spring change, 28 March 2027', '2027-03-28', '2027-03-28T08:00:00.000Z', '2027-03-28T09:00:00.000Z'],
    ['the autumn change, 31 October 2027', '2027-10-31', '2027-10-31T09:00:00.000Z', '2027-10-31T10:00:00.000Z'],
  ])('names 10:00–11:00 Copenhagen time on the review day: %s', (_, reviewDay, start, end) => {
    const { event: parsed } = parse(reviewInvitation(event({ reviewDay })))
    expect(parsed.startDate.zone?.tzid).toBe('Europe/Copenhagen')
    expect(parsed.startDate.toString()).toBe(`${reviewDay}T10:00:00`)
    expect(parsed.startDate.toJSDate().toISOString()).toBe(start)
    expect(parsed.endDate.toJSDate().toISOString()).toBe(end)
  })

  test('a title with backslash, semicolon, comma and a line break survives, escaped', () => {
    const title = 'Bolig; job, og \\ naboskab\nanden linje'
    const text = reviewInvitation(event({ title }))
    expect(text).toContain('SUMMARY:Årlig gennemgang: Bolig\\; job\\, og \\\\ naboskab\\nanden linje')
    expect(parse(text).event.summary).toBe(`Årlig gennemgang: ${title}`)
  })

  test('lines end in CRLF and are folded at 75 octets without splitting a character', () => {
    const title = 'Æblehaven, Østerbro og Ålborg: '.repeat(6)
    const text = reviewInvitation(event({ title }))
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const lines = text.slice(0, -2).split('\r\n')
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    // Long lines were folded, and unfolding gives the summary back whole.
    expect(lines.some((line) => line.startsWith(' '))).toBe(true)
    expect(parse(text).event.summary).toBe(`Årlig gennemgang: ${title}`)
  })

  test('the same UID for every reminder of one review, a higher SEQUENCE for a later one', () => {
    const first = parse(reviewInvitation(event({ sequence: 0 }))).event
    const later = parse(reviewInvitation(event({ sequence: 3, now: new Date('2027-03-16T09:00:00Z') }))).event
    expect(later.uid).toBe(first.uid)
    expect(later.sequence).toBeGreaterThan(first.sequence)
    const nextYear = parse(reviewInvitation(event({ year: 2028, reviewDay: '2028-03-15' }))).event
    expect(nextYear.uid).not.toBe(first.uid)
  })
})

describe('the text rules', () => {
  test('escapeText', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf')
  })

  test('foldLine keeps a short line and folds a long one at 75 octets, continuations at 74 + a space', () => {
    expect(foldLine('SUMMARY:kort')).toBe('SUMMARY:kort')
    const folded = foldLine(`X:${'a'.repeat(200)}`).split('\r\n')
    expect(folded.map((line) => line.length)).toEqual([75, 75, 54])
    expect(folded.slice(1).every((line) => line.startsWith(' '))).toBe(true)
    // "ø" is two octets: it moves to the next line whole rather than be cut in half.
    const danish = foldLine(`X:${'a'.repeat(72)}ø`).split('\r\n')
    expect(danish).toEqual([`X:${'a'.repeat(72)}`, ' ø'])
  })
})
