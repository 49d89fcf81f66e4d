/**
 * Review reminders on the mail queue (issue #14, item 4) with a real SMTP server: each
 * threshold once, none once the review is held, none to whoever turned them off, no duplicate
 * from a second scan, a concurrent one or a restart, and an `.ics` that a real parser reads.
 * The scan runs with an injected clock; the mail runner is the app's own.
 *
 * Every review day is in the past and the agreements' days lie months apart, so the
 * housekeeping's own scan (real clock) never touches them, and one agreement's scans never
 * reach another's thresholds.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import ICAL from 'ical.js'
import { getPayload, type Payload } from 'payload'

import { addDays } from '../../src/agreements/dates'
import { queueDueReminders } from '../../src/agreements/reminders/scan'
import { mailRunner } from '../../src/email/queue'
import config from '../../src/payload.config'
import type { Agreement, AgreementReminder } from '../../src/payload-types'
import { createAgreement, createParties, type AgreementParties } from '../helpers/agreements'
import { PASSWORD } from '../helpers/fixtures'
import { login, useServer } from '../helpers/server'
import { startSmtpServer, type ReceivedMail } from '../helpers/smtp'

const smtp = await startSmtpServer()
process.env.SMTP_URL = smtp.url
process.env.PUBLIC_URL = 'https://historier.example.dk'
const server = useServer({ runJobs: true })
const payload = (): Payload => server.current.payload

let parties: AgreementParties
let memberOff: { id: number | string; email: string }

beforeAll(async () => {
  parties = await createParties(payload(), 'Påmindelse')
  const user = (email: string, role: 'editor' | 'member', extra: Record<string, unknown> = {}) =>
    payload().create({
      collection: 'users',
      data: { email, password: PASSWORD, role, name: email.split('@')[0], ...(role === 'member' ? { organisation: parties.company.id } : {}), ...extra },
    })
  await user('redaktoer@aftale.dk', 'editor')
  // An editor may turn the reminders off too.
  await user('stille.redaktoer@aftale.dk', 'editor', { reviewReminders: false })
  await user('medlem@aftale.dk', 'member')
  const off = await user('medlem.fra@aftale.dk', 'member')
  memberOff = { id: off.id, email: off.email }
})
afterAll(async () => {
  await smtp.close()
})

/** Noon in Copenhagen on a day, as the injected clock. */
const noonOf = (day: string) => new Date(`${day}T11:00:00Z`)

/** Waits until no review reminder job is left to run (Payload deletes the completed ones). */
const settle = async (on: Payload = payload(), timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const { totalDocs } = await on.count({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'sendReviewReminder' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
      overrideAccess: true,
    })
    if (totalDocs === 0) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('review reminder jobs did not finish')
}

const scanAt = async (day: string, on: Payload = payload()) => {
  const queued = await queueDueReminders(on, noonOf(day))
  await settle(on)
  return queued
}

const MESSAGE_ID = /^<agreement-(\d+)-review-(\d{4})-([a-z0-9-]+)@historier\.example\.dk>$/

/** The reminders this agreement got, in the order they arrived. */
const mailsOf = (agreement: Agreement) => smtp.mails.filter((mail) => MESSAGE_ID.exec(mail.messageId ?? '')?.[1] === String(agreement.id))
const thresholdsOf = (agreement: Agreement) => mailsOf(agreement).map((mail) => MESSAGE_ID.exec(mail.messageId!)![3])

const ledgerOf = async (agreement: Agreement, on: Payload = payload()): Promise<AgreementReminder[]> =>
  (await on.find({ collection: 'agreement-reminders', where: { agreement: { equals: agreement.id } }, sort: 'createdAt', pagination: false, overrideAccess: true, depth: 0 }))
    .docs

/** An active agreement reviewed on `reviewDay` (its first review after a start a year earlier). */
const agreementReviewedOn = (reviewDay: string, overrides: Partial<Agreement> = {}) => {
  const [year, month, day] = reviewDay.split('-').map(Number)
  return createAgreement(payload(), parties, { startDate: `${year - 1}-${String(month).padStart(2, '0')}-28`, review: { month, day }, ...overrides })
}

/** The invitation attached to a reminder, read by ical.js with the file's own time zone. */
const invitationOf = (mail: ReceivedMail) => {
  const attachment = mail.attachments.find((file) => file.filename === 'gennemgang.ics')
  expect(attachment).toBeDefined()
  expect(attachment!.contentType).toBe('text/calendar')
  const text = attachment!.content.toString('utf8')
  ICAL.TimezoneService.reset()
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  const vevent = calendar.getFirstSubcomponent('vevent')!
  return { text, calendar, vevent, event: new ICAL.Event(vevent) }
}

describe('review reminders', () => {
  test('each threshold is sent once: 30 and 7 days before, then weekly while overdue, at most 4 times', async () => {
    const review = '2025-02-14'
    const agreement = await agreementReviewedOn(review, { title: 'Job & <b>naboskab</b>' })
    expect(agreement.nextReviewDate?.slice(0, 10)).toBe(review)

    const steps: [number, string[]][] = [
      [-31, []],
      [-30, ['before-30']],
      [-29, []],
      [-8, []],
      [-7, ['before-7']],
      [-1, []],
      [0, []],
      [1, ['overdue-1']],
      [2, []],
      [8, ['overdue-2']],
      [14, []],
      [15, ['overdue-3']],
      [22, ['overdue-4']],
      [23, []],
      [29, []],
      [36, []],
    ]
    const expected: string[] = []
    for (const [offset, added] of steps) {
      const queued = await scanAt(addDays(review, offset))
      expect({ offset, queued: queued.filter((key) => key.startsWith(`${agreement.id}:`)) }).toEqual({
        offset,
        queued: added.map((threshold) => `${agreement.id}:2025:${threshold}`),
      })
      expected.push(...added)
      expect({ offset, sent: thresholdsOf(agreement) }).toEqual({ offset, sent: expected })
    }
    expect(thresholdsOf(agreement)).toEqual(['before-30', 'before-7', 'overdue-1', 'overdue-2', 'overdue-3', 'overdue-4'])

    // The ledger: one row per threshold, each with its 250 on record.
    const ledger = await ledgerOf(agreement)
    expect(ledger.map((row) => row.key)).toEqual(expected.map((threshold) => `${agreement.id}:2025:${threshold}`))
    for (const row of ledger) {
      expect(row).toMatchObject({ year: 2025, sentAt: expect.any(String), skipped: null })
      expect(row.messageId).toBe(`<agreement-${agreement.id}-review-2025-${row.threshold}@historier.example.dk>`)
      expect(row.recipients).toContain(agreement.contacts![0].email)
    }

    // What it says: Danish, the review day, the agreement in the admin, how to turn it off.
    const [before30, before7, overdue1] = mailsOf(agreement)
    expect(before30.subject).toBe('Årlig gennemgang af "Job & <b>naboskab</b>" den 14. februar 2025')
    expect(overdue1.subject).toBe('Den årlige gennemgang af "Job & <b>naboskab</b>" er forfalden')
    for (const mail of [before30, overdue1]) {
      expect(mail.text).toContain(`https://historier.example.dk/admin/collections/agreements/${agreement.id}`)
      expect(mail.text).toContain('https://historier.example.dk/admin/account')
      expect(mail.html).toContain(`href="https://historier.example.dk/admin/collections/agreements/${agreement.id}"`)
      // A title a party typed is text in the HTML, never markup.
      expect(mail.html).toContain('Job &amp; &lt;b&gt;naboskab&lt;/b&gt;')
      expect(mail.html).not.toContain('<b>naboskab</b>')
    }
    expect(before30.text).toContain('den 14. februar 2025, om 30 dage')

    // The invitation: 10:00 Copenhagen time (CET in February: 09:00 UTC), the same UID each time.
    const first = invitationOf(before30)
    expect(first.calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(first.vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Copenhagen')
    expect(first.event.startDate.zone?.tzid).toBe('Europe/Copenhagen')
    expect(first.event.startDate.toJSDate().toISOString()).toBe('2025-02-14T09:00:00.000Z')
    expect(first.event.endDate.toJSDate().toISOString()).toBe('2025-02-14T10:00:00.000Z')
    expect(first.event.uid).toBe(`agreement-${agreement.id}-review-2025@historier.example.dk`)
    expect(first.event.description).toContain(`https://historier.example.dk/admin/collections/agreements/${agreement.id}`)
    const second = invitationOf(before7)
    expect(second.event.uid).toBe(first.event.uid)
    expect(second.event.sequence).toBeGreaterThan(first.event.sequence)
  })

  test('none after the review is held: the review date moves a year on', async () => {
    const review = '2025-05-20'
    const agreement = await agreementReviewedOn(review)
    await scanAt(addDays(review, -30))
    expect(thresholdsOf(agreement)).toEqual(['before-30'])

    await payload().create({
      collection: 'agreement-reviews',
      data: { agreement: agreement.id, heldOn: '2025-05-02', decision: 'continue', participants: 'Alle parter' } as never,
    })
    const moved = await payload().findByID({ collection: 'agreements', id: agreement.id })
    expect(moved.nextReviewDate?.slice(0, 10)).toBe('2026-05-20')

    for (const offset of [-7, 0, 1, 8, 15, 22]) await scanAt(addDays(review, offset))
    expect(thresholdsOf(agreement)).toEqual(['before-30'])
    expect((await ledgerOf(agreement)).map((row) => row.threshold)).toEqual(['before-30'])
  })

  test('none to a member who turned reminders off; the other contacts and the editors still get it, each once', async () => {
    // The member turns their own reminders off, over HTTP, as in the admin's account page.
    const member = await login(server.current.url, memberOff.email, PASSWORD)
    const res = await member.request(`/api/users/${memberOff.id}`, { method: 'PATCH', json: { reviewReminders: false } })
    expect(res.status).toBe(200)

    const review = '2025-08-20'
    const agreement = await agreementReviewedOn(review, {
      contacts: [
        { name: 'Medlem fra', email: memberOff.email },
        { name: 'Uden konto', email: 'Kontakt.Uden@Konto.dk' },
        { name: 'Medlem', email: 'medlem@aftale.dk' },
        // An editor who is also a contact gets one copy.
        { name: 'Redaktør', email: 'REDAKTOER@aftale.dk' },
      ] as never,
    })
    await scanAt(addDays(review, -30))
    const [mail] = mailsOf(agreement)
    expect(mailsOf(agreement)).toHaveLength(1)

    const staff = await payload().find({ collection: 'users', where: { role: { in: ['editor', 'admin'] } }, pagination: false, overrideAccess: true })
    const staffOn = staff.docs.filter((user) => user.reviewReminders !== false).map((user) => user.email)
    expect(staffOn).toContain('redaktoer@aftale.dk')
    const expected = [...new Set([...staffOn, 'kontakt.uden@konto.dk', 'medlem@aftale.dk'])].sort()
    expect([...mail.envelopeTo].sort()).toEqual(expected)
    expect(mail.envelopeTo).not.toContain(memberOff.email)
    expect(mail.envelopeTo).not.toContain('stille.redaktoer@aftale.dk')
    const [row] = await ledgerOf(agreement)
    expect([...(row.recipients ?? [])].sort()).toEqual(expected)

    // In August the invitation is in summer time: 10:00 in Copenhagen is 08:00 UTC.
    expect(invitationOf(mail).event.startDate.toJSDate().toISOString()).toBe('2025-08-20T08:00:00.000Z')
  })

  test('with nobody left to tell, the reminder is recorded as skipped and nothing is sent', async () => {
    const review = '2025-11-05'
    const agreement = await agreementReviewedOn(review, { contacts: [{ name: 'Medlem fra', email: memberOff.email }] as never })
    const staff = await payload().find({ collection: 'users', where: { role: { in: ['editor', 'admin'] } }, pagination: false, overrideAccess: true })
    const staffOn = staff.docs.filter((user) => user.reviewReminders !== false)
    const setReminders = (value: boolean) =>
      Promise.all(staffOn.map((user) => payload().update({ collection: 'users', id: user.id, data: { reviewReminders: value }, overrideAccess: true })))
    await setReminders(false)
    try {
      await scanAt(addDays(review, -30))
    } finally {
      await setReminders(true)
    }
    expect(mailsOf(agreement)).toHaveLength(0)
    const [row] = await ledgerOf(agreement)
    expect(row).toMatchObject({ threshold: 'before-30', skipped: 'no recipients', sentAt: null })
    // Skipped is done: a later scan does not try it again.
    await scanAt(addDays(review, -29))
    expect(mailsOf(agreement)).toHaveLength(0)
    expect(await ledgerOf(agreement)).toHaveLength(1)
  })

  test('two scans at once, and a scan run again, send no duplicate', async () => {
    const review = '2026-02-01'
    const agreement = await agreementReviewedOn(review)
    const now = noonOf(addDays(review, -7))
    const [a, b] = await Promise.all([queueDueReminders(payload(), now), queueDueReminders(payload(), now)])
    // The unique key lets exactly one of them write the row and queue the job.
    expect([...a, ...b].filter((key) => key.startsWith(`${agreement.id}:`))).toEqual([`${agreement.id}:2026:before-7`])
    await settle()
    expect(await queueDueReminders(payload(), now)).toEqual([])
    await settle()
    expect(thresholdsOf(agreement)).toEqual(['before-7'])
    expect(await ledgerOf(agreement)).toHaveLength(1)
  })

  // Last: it stops this file's server and goes on with a new Payload on the same database.
  test('after a restart, nothing is sent again; a reminder queued for a review held since is not sent', async () => {
    const review = '2026-04-20'
    const agreement = await agreementReviewedOn(review)
    const heldLater = await agreementReviewedOn('2026-08-25')
    await scanAt(addDays(review, -30))
    expect(thresholdsOf(agreement)).toEqual(['before-30'])

    await server.current.close()
    // The same config, less the type generation Payload starts in the background on every start
    // outside production: this start comes at the end of the file, and Jest would wait for it.
    const sanitized = await config
    const restarted = await getPayload({
      config: { ...sanitized, typescript: { ...sanitized.typescript, autoGenerate: false } },
      key: 'reminders-after-restart',
    })
    let stopRunner: (() => void) | undefined
    try {
      expect(restarted).not.toBe(server.current.payload)
      // Nothing in memory survived: only the ledger in the database knows what was sent.
      expect(await queueDueReminders(restarted, noonOf(addDays(review, -30)))).toEqual([])
      expect(await queueDueReminders(restarted, noonOf(addDays(review, -29)))).toEqual([])

      // Queued while no runner runs, then the review is held before the job runs.
      expect(await queueDueReminders(restarted, noonOf('2026-07-26'))).toEqual([`${heldLater.id}:2026:before-30`])
      await restarted.create({
        collection: 'agreement-reviews',
        data: { agreement: heldLater.id, heldOn: '2026-07-28', decision: 'continue', participants: 'Alle parter' } as never,
      })

      stopRunner = mailRunner.start(restarted, 10)
      expect(await scanAt(addDays(review, -7), restarted)).toEqual([`${agreement.id}:2026:before-7`])
      await settle(restarted)
      expect(thresholdsOf(agreement)).toEqual(['before-30', 'before-7'])
      const [before30, before7] = mailsOf(agreement)
      expect(invitationOf(before7).event.uid).toBe(invitationOf(before30).event.uid)
      // April is summer time.
      expect(invitationOf(before7).event.startDate.toJSDate().toISOString()).toBe('2026-04-20T08:00:00.000Z')

      expect(mailsOf(heldLater)).toHaveLength(0)
      const [row] = await ledgerOf(heldLater, restarted)
      expect(row).toMatchObject({ threshold: 'before-30', skipped: 'review held', sentAt: null })
    } finally {
      stopRunner?.()
      await restarted.destroy()
    }
  })
})
