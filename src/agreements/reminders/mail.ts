import { html, type SafeHtml } from '../../lib/html'
import type { Day } from '../dates'
import { isOverdueThreshold, type ReminderThreshold } from './thresholds'

export type ReminderMail = { subject: string; text: string; html: string }

export type ReminderMailInput = {
  title: string
  reviewDay: Day
  threshold: ReminderThreshold
  /** The agreement in the admin, where the review is entered. */
  adminUrl: string
  /** The user's own account page, where reminders are turned off. */
  accountUrl: string
}

const dayFormatter = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** `2027-03-15` as "15. marts 2027". */
export const danishDay = (day: Day): string => dayFormatter.format(new Date(`${day}T12:00:00Z`))

const page = (body: SafeHtml) =>
  html`<!doctype html><html lang="da"><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em">${body}</body></html>`.value

const WHAT_A_REVIEW_IS =
  'Ved den årlige gennemgang ser parterne på, om aftalens potentiale blev indfriet, og om fokus og ambitioner skal justeres. Resultaterne og beslutningen registreres som en gennemgang på aftalen.'

/** The sentence that says where the review stands: coming up, or overdue. */
const situation = ({ title, reviewDay, threshold }: ReminderMailInput): string => {
  const day = danishDay(reviewDay)
  if (threshold === 'before-30') return `Samarbejdsaftalen "${title}" skal have sin årlige gennemgang den ${day}, om 30 dage.`
  if (threshold === 'before-7') return `Samarbejdsaftalen "${title}" skal have sin årlige gennemgang den ${day}, om en uge.`
  const count = Number(threshold.slice('overdue-'.length))
  const last = count === 4 ? ' Det er den sidste påmindelse.' : ''
  return `Samarbejdsaftalen "${title}" skulle have haft sin årlige gennemgang den ${day}, og der er endnu ikke registreret en gennemgang.${last}`
}

/**
 * A reminder of an agreement's yearly review, in Danish, as text and HTML. The calendar
 * invitation travels beside it as `gennemgang.ics` (./ics.ts). The title was typed by a party:
 * the HTML shows it as text, never as markup.
 */
export const reminderMail = (input: ReminderMailInput): ReminderMail => {
  const day = danishDay(input.reviewDay)
  const subject = isOverdueThreshold(input.threshold)
    ? `Den årlige gennemgang af "${input.title}" er forfalden`
    : `Årlig gennemgang af "${input.title}" den ${day}`
  const calendar = isOverdueThreshold(input.threshold)
    ? `Den vedhæftede kalenderinvitation (gennemgang.ics) opdaterer gennemgangen i jeres kalender. Når gennemgangen er holdt og registreret på aftalen, stopper påmindelserne.`
    : `Den vedhæftede kalenderinvitation (gennemgang.ics) sætter gennemgangen i kalenderen den ${day} kl. 10-11; flyt den gerne til det tidspunkt, I aftaler.`
  const optOut = `Har du en konto, kan du slå påmindelserne fra under "Påmindelser om årlige gennemgange" på din kontoside:`
  const noAccount = 'Har du ingen konto, så skriv til redaktionen.'
  return {
    subject,
    text: [
      'Hej',
      '',
      situation(input),
      '',
      WHAT_A_REVIEW_IS,
      '',
      `Åbn aftalen i administrationen: ${input.adminUrl}`,
      '',
      calendar,
      '',
      '-- ',
      `Du får denne mail som kontaktperson på aftalen eller som redaktør. ${optOut} ${input.accountUrl}`,
      noAccount,
    ].join('\n'),
    html: page(html`
      <p>Hej</p>
      <p>${situation(input)}</p>
      <p>${WHAT_A_REVIEW_IS}</p>
      <p><a href="${input.adminUrl}">Åbn aftalen i administrationen</a></p>
      <p>${calendar}</p>
      <hr>
      <p style="font-size:0.9em;color:#555">Du får denne mail som kontaktperson på aftalen eller som redaktør.
      ${optOut} <a href="${input.accountUrl}">${input.accountUrl}</a>. ${noAccount}</p>`),
  }
}
