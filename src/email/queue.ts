import type { Payload, PayloadRequest } from 'payload'

import { createQueueRunner } from '../jobs/queueRunner'
import { MAIL_QUEUE, type SubmissionMailKind } from './task'

/** The mail queue's runner: a receipt leaves the moment its submission is stored. */
export const mailRunner = createQueueRunner(MAIL_QUEUE)

const queueMail = (payload: Payload, submissionId: number | string, kind: SubmissionMailKind, req?: PayloadRequest) =>
  payload.jobs.queue({ task: 'sendSubmissionMail', queue: MAIL_QUEUE, input: { submissionId: String(submissionId), kind }, req })

/**
 * The receipt to the submitter and the alert to the call's contact and the editors. Given the
 * submission's `req`, they are queued in its transaction: stored with it, or not at all.
 */
export const queueSubmissionMails = async (payload: Payload, submissionId: number | string, req?: PayloadRequest) => {
  await queueMail(payload, submissionId, 'receipt', req)
  await queueMail(payload, submissionId, 'alert', req)
  // Kicked now, the runner would look before the transaction commits; the caller kicks after.
  if (!req) mailRunner.kick()
}

/** The polite "not this time" (SPEC §4) when an editor declines; in the decline's transaction. */
export const queueDeclineMail = async (req: PayloadRequest, submissionId: number | string) => {
  await queueMail(req.payload, submissionId, 'declined', req)
  // After the editor's change is committed: the job reads the submission's status.
  setTimeout(() => mailRunner.kick(), 200)
}
