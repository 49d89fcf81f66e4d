import type { Payload, TaskConfig } from 'payload'

import { readEnv } from '../../config/env'
import { relationId } from '../../lib/relationId'
import type { Agreement, AgreementReminder } from '../../payload-types'
import { dayOf, yearOf } from '../dates'
import { agreementStatus } from '../status'
import { reviewInvitation } from './ics'
import { reminderMail } from './mail'
import { reminderRecipients } from './recipients'
import { THRESHOLD_KEYS } from './thresholds'

export const SEND_REVIEW_REMINDER_TASK = 'sendReviewReminder'

const publicHost = () => new URL(readEnv().publicUrl).hostname

/** The same Message-ID for every attempt at one reminder: a rare repeat is then one message. */
export const reminderMessageId = (reminder: Pick<AgreementReminder, 'year' | 'threshold'>, agreementId: number | string): string =>
  `<agreement-${agreementId}-review-${reminder.year}-${reminder.threshold}@${publicHost()}>`

/**
 * One review reminder, as a persistent job on the mail queue: retried with backoff while the
 * SMTP server is down, like the submission mails (src/email/task.ts), and at most once in the
 * same way: the ledger row's `sentAt` is written straight after the SMTP server's 250, and a run
 * that finds it (a job handed back by the lease after its worker died) sends nothing. Only a
 * crash between the 250 and that write can repeat a reminder, and the repeat has the same
 * Message-ID. Who gets it is decided now, not when it was queued: a member who turned reminders
 * off in the meantime is left out.
 */
export const sendReviewReminderTask = {
  slug: SEND_REVIEW_REMINDER_TASK,
  label: 'Send påmindelse om årlig gennemgang',
  inputSchema: [{ name: 'reminderId', type: 'text', required: true }],
  outputSchema: [{ name: 'skipped', type: 'text' }],
  retries: { attempts: 12, backoff: { type: 'exponential', delay: 5_000 } },
  handler: async ({ input, req }) => {
    const { payload } = req
    const reminder = await payload
      .findByID({ collection: 'agreement-reminders', id: input.reminderId, depth: 0, overrideAccess: true })
      .catch(() => null)
    if (!reminder) return { output: { skipped: 'reminder deleted' } }
    if (reminder.sentAt) return { output: { skipped: 'already sent' } }
    if (reminder.skipped) return { output: { skipped: reminder.skipped } }
    const agreementId = relationId(reminder.agreement)
    const agreement =
      agreementId === undefined
        ? null
        : ((await payload
            .findByID({ collection: 'agreements', id: agreementId, depth: 0, locale: 'da', overrideAccess: true })
            .catch(() => null)) as Agreement | null)
    const reason = whyNotSend(reminder, agreement)
    if (reason) return { output: { skipped: await recordSkipped(payload, reminder.id, reason) } }

    const recipients = await reminderRecipients(payload, agreement!)
    if (recipients.length === 0) return { output: { skipped: await recordSkipped(payload, reminder.id, 'no recipients') } }

    const { publicUrl } = readEnv()
    const reviewDay = dayOf(agreement!.nextReviewDate!)
    const adminUrl = `${publicUrl}/admin/collections/agreements/${agreement!.id}`
    const mail = reminderMail({ title: agreement!.title, reviewDay, threshold: reminder.threshold, adminUrl, accountUrl: `${publicUrl}/admin/account` })
    const invitation = reviewInvitation({
      agreementId: agreement!.id,
      year: reminder.year,
      reviewDay,
      title: agreement!.title,
      adminUrl,
      host: publicHost(),
      sequence: THRESHOLD_KEYS.indexOf(reminder.threshold),
      now: new Date(),
    })
    const messageId = reminderMessageId(reminder, agreement!.id)
    await payload.sendEmail({
      to: recipients,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId,
      attachments: [
        {
          filename: 'gennemgang.ics',
          content: Buffer.from(invitation, 'utf8'),
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        },
      ],
    })
    await recordSent(payload, reminder.id, messageId, recipients)
    return { output: {} }
  },
} satisfies TaskConfig<'sendReviewReminder'>

/** A reminder queued for a review that is no longer ahead: held since, or the agreement ended. */
const whyNotSend = (reminder: AgreementReminder, agreement: Agreement | null): string | null => {
  if (!agreement) return 'agreement deleted'
  const status = agreementStatus(agreement)
  if (status !== 'active' && status !== 'review-due') return `agreement ${status}`
  if (!agreement.nextReviewDate || yearOf(dayOf(agreement.nextReviewDate)) !== reminder.year) return 'review held'
  return null
}

/**
 * Writes the 250 down at once. A write that fails is logged, not thrown: a retry of the job would
 * send the reminder again.
 */
const recordSent = async (payload: Payload, id: number | string, messageId: string, recipients: string[]) => {
  try {
    await payload.update({
      collection: 'agreement-reminders',
      id,
      data: { sentAt: new Date().toISOString(), messageId, recipients },
      depth: 0,
      overrideAccess: true,
    })
  } catch (error) {
    payload.logger.error({ err: error }, `review reminder ${messageId} was sent, but could not be recorded as sent`)
  }
}

const recordSkipped = async (payload: Payload, id: number | string, reason: string): Promise<string> => {
  await payload.update({ collection: 'agreement-reminders', id, data: { skipped: reason }, depth: 0, overrideAccess: true })
  return reason
}
