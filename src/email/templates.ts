import type { Call, Submission } from '../payload-types'
import { MUNICIPALITIES } from '../constants/municipalities'
import { ORGANISATION_KINDS } from '../constants/organisationKinds'
import { THEMES } from '../constants/themes'
import { formatCopenhagen } from '../lib/copenhagenTime'
import { html, paragraphs, type SafeHtml } from '../lib/html'

export type Mail = { to: string | string[]; subject: string; text: string; html: string; replyTo?: string }

const themeLabels = (keys: readonly string[] | null | undefined) =>
  (keys ?? []).map((key) => THEMES.find((theme) => theme.key === key)?.label.da ?? key).join(', ')
const kindLabel = (key: string | null | undefined) => ORGANISATION_KINDS.find((kind) => kind.key === key)?.label.da ?? key ?? ''
const municipalityName = (code: string | null | undefined) => MUNICIPALITIES.find((m) => m.code === code)?.name ?? ''
const count = (value: unknown[] | null | undefined) => value?.length ?? 0

/** What was received, as label/value rows: the editors' alert shows it all. */
const summaryRows = (submission: Submission, call: Call): [string, string][] =>
  [
    ['Indkaldelse', call.title],
    ['Titel', submission.title],
    ['Organisation', `${submission.organisationName} (${kindLabel(submission.organisationKind)})`],
    ['Partnervirksomhed', [submission.partnerCompanyName, submission.partnerCompanyCvr ? `CVR ${submission.partnerCompanyCvr}` : ''].filter(Boolean).join(', ')],
    ['Temaer', themeLabels(submission.themes)],
    ['Kommune', municipalityName(submission.municipality)],
    ['Kontaktperson', [submission.contactName, submission.contactEmail, submission.contactPhone].filter(Boolean).join(', ')],
    ['Billeder', String(count(submission.photos))],
    ['Video', submission.video ? 'ja' : 'nej'],
  ].filter((row): row is [string, string] => Boolean(row[1]))

const textTable = (rows: [string, string][]) => rows.map(([label, value]) => `${label}: ${value}`).join('\n')
const htmlTable = (rows: [string, string][]) =>
  html`<table cellpadding="4" style="border-collapse:collapse">${rows.map(
    ([label, value]) => html`<tr><th align="left" valign="top">${label}</th><td>${value}</td></tr>`,
  )}</table>`

const page = (body: SafeHtml) =>
  html`<!doctype html><html lang="da"><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em">${body}</body></html>`.value

/**
 * To the submitter, in Danish: thank you, when, the receipt number, what happens next. The
 * address is whatever the sender typed and nobody has confirmed it, so the mail repeats none of
 * the sender's own text (title, names, description): it cannot carry a stranger's words to
 * someone else's inbox. The full summary goes to the editors only.
 */
export const receiptMail = (submission: Submission, call: Call): Mail => {
  const received = formatCopenhagen(new Date(submission.receivedAt ?? submission.createdAt))
  const rows: [string, string][] = [
    ['Indkaldelse', call.title],
    ['Modtaget', received],
    ['Kvitteringsnummer', String(submission.id)],
    ['Billeder', String(count(submission.photos))],
    ['Video', submission.video ? 'ja' : 'nej'],
  ]
  return {
    to: submission.contactEmail,
    replyTo: call.contactEmail,
    subject: `Kvittering for jeres indsendelse til "${call.title}"`,
    text: [
      'Hej',
      '',
      `Tak, fordi I har sendt en succeshistorie til "${call.title}". Vi modtog den ${received}.`,
      '',
      textTable(rows),
      '',
      `Redaktionen læser alle indsendelser og vender tilbage. Har I spørgsmål, så skriv til ${call.contactName} på ${call.contactEmail} og nævn kvitteringsnummeret.`,
      '',
      'Har I ikke sendt noget til os, kan I se bort fra denne mail.',
    ].join('\n'),
    html: page(html`
      <p>Hej</p>
      <p>Tak, fordi I har sendt en succeshistorie til <strong>${call.title}</strong>. Vi modtog den ${received}.</p>
      ${htmlTable(rows)}
      <p>Redaktionen læser alle indsendelser og vender tilbage. Har I spørgsmål, så skriv til
      ${call.contactName} på <a href="mailto:${call.contactEmail}">${call.contactEmail}</a> og nævn kvitteringsnummeret.</p>
      <p>Har I ikke sendt noget til os, kan I se bort fra denne mail.</p>`),
  }
}

/** To the call's contact and the editors: a new submission, with a link into the admin. */
export const alertMail = (submission: Submission, call: Call, recipients: string[], adminUrl: string): Mail => {
  const rows = summaryRows(submission, call)
  return {
    to: recipients,
    replyTo: submission.contactEmail,
    subject: `Ny indsendelse til "${call.title}": ${submission.title}`,
    text: [`En ny succeshistorie er indsendt.`, '', textTable(rows), '', submission.description, '', `Åbn den i administrationen: ${adminUrl}`].join('\n'),
    html: page(html`
      <p>En ny succeshistorie er indsendt.</p>
      ${htmlTable(rows)}
      ${paragraphs(submission.description)}
      <p><a href="${adminUrl}">Åbn indsendelsen i administrationen</a></p>`),
  }
}

/** To the submitter when an editor declines: polite, and an open door for the next call. */
export const declineMail = (submission: Submission, call: Call): Mail => ({
  to: submission.contactEmail,
  replyTo: call.contactEmail,
  subject: `Om jeres indsendelse: ${submission.title}`,
  text: [
    `Kære ${submission.contactName}`,
    '',
    `Tak for jeres historie "${submission.title}" til "${call.title}". Vi har læst den med interesse, men vi kan desværre ikke tage den med i kataloget denne gang.`,
    '',
    `Det er ikke en vurdering af jeres samarbejde, og I er meget velkomne til at sende en ny historie til en senere indkaldelse. Skriv gerne til ${call.contactName} på ${call.contactEmail}, hvis I vil høre mere.`,
    '',
    'Venlig hilsen',
    'Redaktionen, Business2Community',
  ].join('\n'),
  html: page(html`
    <p>Kære ${submission.contactName}</p>
    <p>Tak for jeres historie <strong>${submission.title}</strong> til ${call.title}. Vi har læst den med interesse, men vi kan desværre ikke tage den med i kataloget denne gang.</p>
    <p>Det er ikke en vurdering af jeres samarbejde, og I er meget velkomne til at sende en ny historie til en senere indkaldelse. Skriv gerne til ${call.contactName} på <a href="mailto:${call.contactEmail}">${call.contactEmail}</a>, hvis I vil høre mere.</p>
    <p>Venlig hilsen<br>Redaktionen, Business2Community</p>`),
})
