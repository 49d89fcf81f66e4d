/**
 * Issue #9, item 7: a mail worker killed right after the SMTP server's 250 must not send the mail
 * again when the lease hands its job to the next worker; and where a repeat cannot be avoided
 * (killed between the 250 and writing it down), the repeat carries the same Message-ID.
 * Real SMTP server, real worker processes, killed with SIGKILL at named fault points.
 */

import { afterAll, beforeAll, expect, test } from '@jest/globals'

import type { Call, Submission } from '../../src/payload-types'
import { startWorkerProcess, type WorkerProcess } from '../helpers/process'
import { useServer } from '../helpers/server'
import { startSmtpServer } from '../helpers/smtp'
import { createCall, validSubmission } from '../helpers/submissions'

const smtp = await startSmtpServer()
process.env.SMTP_URL = smtp.url
process.env.PUBLIC_URL = 'https://historier.example.dk'
// The web process in this test runs no jobs: only the worker processes below send mail.
const server = useServer({ runJobs: false })
let call: Call

beforeAll(async () => {
  call = await createCall(server.current.payload, { title: 'Mail én gang' })
})
afterAll(async () => {
  await smtp.close()
})

type Worker = WorkerProcess

const startWorker = (faultPoint?: string): Worker =>
  startWorkerProcess({ JOB_LEASE_SECONDS: '3', ...(faultPoint ? { B2C_FAULT_POINT: faultPoint } : {}) })

/** How the worker ended; its output when that was not the fault point's SIGKILL. */
const killedAtFaultPoint = async (worker: Worker) => {
  const end = await worker.exited
  return end === 'SIGKILL' ? end : `${String(end)}\n${worker.output()}`
}

const stopWorker = async (worker: Worker) => {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGTERM')
  await worker.exited
}

/** A stored submission with no mail queued yet: each scenario queues exactly the jobs it needs. */
const createSubmission = async (title: string): Promise<Submission> => {
  const { call: _slug, ...fields } = validSubmission(call.slug!, { title, contactEmail: `${title.toLowerCase().replace(/\W+/g, '-')}@example.dk` })
  return (await server.current.payload.create({
    collection: 'submissions',
    data: { ...fields, call: call.id } as never,
    overrideAccess: true,
  })) as Submission
}

const queueReceipt = (submissionId: number | string) =>
  server.current.payload.jobs.queue({ task: 'sendSubmissionMail', queue: 'mail', input: { submissionId: String(submissionId), kind: 'receipt' } })

const receipts = (submission: Submission) => smtp.mails.filter((mail) => mail.envelopeTo.includes(submission.contactEmail))

/** Waits until every mail job of these submissions has finished (Payload deletes completed jobs). */
const waitForJobsDone = async (submissions: Submission[], worker: Worker, timeoutMs = 90_000) => {
  const ids = submissions.map((submission) => String(submission.id))
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300))
    const docs = await server.current.payload
      .find({
        collection: 'payload-jobs',
        where: { and: [{ taskSlug: { equals: 'sendSubmissionMail' } }, { 'input.submissionId': { in: ids } }] } as never,
        pagination: false,
        overrideAccess: true,
      })
      // The worker writes the same SQLite file: a look that meets its lock just looks again.
      .then((result) => result.docs, (error: unknown) => ((last = error), null))
    if (!docs) continue
    if (docs.every((job) => job.completedAt || job.hasError)) return
    last = docs
  }
  throw new Error(`mail jobs did not finish in ${timeoutMs} ms: ${JSON.stringify(last)}\n${worker.output()}`)
}

test('a worker killed after the 250 does not send the mail again; a repeat in the last window keeps its Message-ID', async () => {
  const messageId = (submission: Submission) => `<submission-${submission.id}-receipt@historier.example.dk>`

  // 1. Killed after the SMTP server accepted the mail and the send was written down.
  const afterRecord = await createSubmission('Efter optegnelsen')
  await queueReceipt(afterRecord.id)
  const first = startWorker('mail-sent')
  expect(await killedAtFaultPoint(first)).toBe('SIGKILL')
  expect(receipts(afterRecord)).toHaveLength(1)

  // 2. Killed in the window between the 250 and writing it down: the one case a repeat can happen.
  const inWindow = await createSubmission('I vinduet')
  await queueReceipt(inWindow.id)
  const second = startWorker('mail-accepted')
  expect(await killedAtFaultPoint(second)).toBe('SIGKILL')
  expect(receipts(inWindow)).toHaveLength(1)

  // The restarted worker gets the killed workers' jobs back from the lease and finishes them all.
  const third = startWorker()
  try {
    await waitForJobsDone([afterRecord, inWindow], third)
  } finally {
    await stopWorker(third)
  }

  expect(receipts(afterRecord).map((mail) => mail.messageId)).toEqual([messageId(afterRecord)])
  // Sent twice (the process died before it could write the 250 down), but as one message.
  expect(receipts(inWindow).map((mail) => mail.messageId)).toEqual([messageId(inWindow), messageId(inWindow)])

  const recorded = await server.current.payload.findByID({ collection: 'submissions', id: afterRecord.id, overrideAccess: true })
  expect(recorded.mailsSent?.receipt).toMatchObject({ messageId: messageId(afterRecord), sentAt: expect.any(String) })
}, 240_000)
