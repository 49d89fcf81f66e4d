import type { Payload, TaskConfig } from 'payload'

import type { Call, Submission } from '../payload-types'
import { readEnv } from '../config/env'
import { alertMail, declineMail, receiptMail, type Mail } from './templates'

export const MAIL_QUEUE = 'mail'
export type SubmissionMailKind = 'receipt' | 'alert' | 'declined'

/**
 * One mail about one submission, as a persistent job: stored first, sent after, retried with
 * backoff for hours while the SMTP server is down (5 s, 10 s, 20 s, … about 5.7 hours in all).
 * A mail that fails never touches the submission itself.
 */
export const sendSubmissionMailTask = {
  slug: 'sendSubmissionMail',
  label: 'Send mail om indsendelse / Send submission mail',
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
    const mail = await composeMail(req.payload, submission, kind)
    await req.payload.sendEmail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, replyTo: mail.replyTo })
    return { output: {} }
  },
} satisfies TaskConfig<'sendSubmissionMail'>

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
