import type { Payload, TaskConfig } from 'payload'

import type { Call, Submission } from '../payload-types'
import { readEnv } from '../config/env'
import { faultPoint } from '../lib/faultPoint'
import { alertMail, declineMail, receiptMail, type Mail } from './templates'

export const MAIL_QUEUE = 'mail'
export type SubmissionMailKind = 'receipt' | 'alert' | 'declined'

/**
 * One mail about one submission, as a persistent job: stored first, sent after, retried with
 * backoff for hours while the SMTP server is down (5 s, 10 s, 20 s, … about 5.7 hours in all).
 * A mail that fails never touches the submission itself.
 *
 * At most once per submission and kind: the SMTP server's 250 is recorded on the submission
 * (`mailsSent.<kind>`) straight away, and a run that finds the record (the job handed back by
 * the lease after its worker died, or a second job for the same mail) sends nothing. Only a
 * crash in the milliseconds between the 250 and that write can send a mail twice, and then both
 * copies carry the same Message-ID, so mail clients and people see one message.
 */
export const sendSubmissionMailTask = {
  slug: 'sendSubmissionMail',
  // Payload takes one string here, not translations: the admin's default language.
  label: 'Send mail om indsendelse',
  inputSchema: [
    { name: 'submissionId', type: 'text', required: true },
    { name: 'kind', type: 'select', options: ['receipt', 'alert', 'declined'], required: true },
  ],
  outputSchema: [{ name: 'skipped', type: 'text' }],
  retries: { attempts: 12, backoff: { type: 'exponential', delay: 5_000 } },
  handler: async ({ input, req }) => {
    const { submissionId, kind } = input as { submissionId: string; kind: SubmissionMailKind }
    const submission = await req.payload
      .findByID({ collection: 'submissions', id: submissionId, depth: 1, overrideAccess: true })
      .catch(() => null)
    // Deleted in the meantime (or a decline taken back): there is nobody to write to about it.
    if (!submission) return { output: { skipped: 'submission deleted' } }
    if (kind === 'declined' && submission.status !== 'declined') return { output: { skipped: 'no longer declined' } }
    if (submission.mailsSent?.[kind]?.sentAt) return { output: { skipped: 'already sent' } }
    const mail = await composeMail(req.payload, submission, kind)
    const messageId = mailMessageId(submission.id, kind)
    await req.payload.sendEmail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, replyTo: mail.replyTo, messageId })
    faultPoint('mail-accepted')
    await recordSent(req.payload, submission.id, kind, messageId)
    faultPoint('mail-sent')
    return { output: {} }
  },
} satisfies TaskConfig<'sendSubmissionMail'>

/** The same Message-ID for every attempt at the same mail: a rare repeat is then one message. */
export const mailMessageId = (submissionId: number | string, kind: SubmissionMailKind): string =>
  `<submission-${submissionId}-${kind}@${new URL(readEnv().publicUrl).hostname}>`

/**
 * Writes the 250 down at once, on the database directly: no hooks (a save of a submission can
 * queue mail itself) and no new updatedAt (an editor's open form is not outdated by it). A write
 * that fails is logged, not thrown: a retry of the job would send the mail again.
 */
const recordSent = async (payload: Payload, submissionId: number | string, kind: SubmissionMailKind, messageId: string) => {
  try {
    await payload.db.updateOne({
        collection: 'submissions',
        id: submissionId,
        data: { mailsSent: { [kind]: { sentAt: new Date().toISOString(), messageId } } },
      })
  } catch (error) {
    payload.logger.error({ err: error }, `mail ${messageId} was sent, but could not be recorded as sent`)
  }
}

const composeMail = async (payload: Payload, submission: Submission, kind: SubmissionMailKind): Promise<Mail> => {
  const call = submission.call as Call
  if (kind === 'receipt') return receiptMail(submission, call)
  if (kind === 'declined') return declineMail(submission, call)
  const editors = await payload.find({
    collection: 'users',
    where: { role: { in: ['editor', 'admin'] } },
    depth: 0,
    limit: 200,
    pagination: false,
    overrideAccess: true,
  })
  const recipients = [...new Set([call.contactEmail, ...editors.docs.map((user) => user.email)].filter(Boolean))]
  const adminUrl = `${readEnv().publicUrl}/admin/collections/submissions/${submission.id}`
  return alertMail(submission, call, recipients, adminUrl)
}
