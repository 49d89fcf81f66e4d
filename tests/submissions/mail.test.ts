import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Call } from '../../src/payload-types'
import { createPeople, PASSWORD } from '../helpers/fixtures'
import { login } from '../helpers/http'
import { freePort } from '../helpers/process'
import { useServer } from '../helpers/server'
import { startSmtpServer } from '../helpers/smtp'
import { createCall, postSubmission, validSubmission } from '../helpers/submissions'

// The app's SMTP_URL points at a port where, at first, nothing listens: the mail server is down.
const smtpPort = await freePort()
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`
process.env.PUBLIC_URL = 'https://historier.example.dk'
process.env.SUBMISSION_RATE_LIMIT = '1000'
const server = useServer({ runJobs: true })
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined
let call: Call

beforeAll(async () => {
  await createPeople(server.current.payload)
  call = await createCall(server.current.payload, { title: 'Naboskab 2026', contactEmail: 'kontakt@neighborhoodlab.dk' })
})
afterAll(async () => {
  await smtp?.close()
})

const mailJobs = (submissionId: string) =>
  server.current.payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'sendSubmissionMail' } }, { 'input.submissionId': { equals: submissionId } }] },
    overrideAccess: true,
  })

describe('submission mail', () => {
  it('stores the submission at once while the mail server is down, and delivers the mails once it is back', async () => {
    const res = await postSubmission(
      server.current.url,
      validSubmission(call.slug!, { title: 'Værkstedet <b>åbner</b> 🚲', contactEmail: 'Soeren@Oesterbo.dk' }),
    )
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    const doc = await server.current.payload.findByID({ collection: 'submissions', id, overrideAccess: true })
    expect(doc.title).toBe('Værkstedet <b>åbner</b> 🚲')

    // The first attempts fail (connection refused) and are kept for a retry with backoff.
    for (let i = 0; i < 100; i++) {
      const { docs } = await mailJobs(id)
      if (docs.length === 2 && docs.every((job) => (job.totalTried ?? 0) >= 1)) break
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    const failed = await mailJobs(id)
    expect(failed.docs).toHaveLength(2)
    for (const job of failed.docs) {
      expect(job.hasError).toBeFalsy()
      expect(job.completedAt ?? null).toBeNull()
      expect(job.totalTried).toBeGreaterThanOrEqual(1)
    }

    smtp = await startSmtpServer(smtpPort)
    const receipt = await smtp.waitFor((mail) => mail.envelopeTo.includes('soeren@oesterbo.dk'), 60_000)
    expect(receipt.subject).toBe('Kvittering for jeres indsendelse til "Naboskab 2026"')
    expect(receipt.text).toContain('Naboskab 2026')
    expect(receipt.text).toContain(`Kvitteringsnummer: ${id}`)
    // The address is unconfirmed: the receipt repeats none of what the sender typed (issue #10,
    // item 8), so nobody can use it to mail their own words to a stranger.
    for (const typed of ['Værkstedet', 'Søren', 'Ærø', 'åbner', '🚲']) {
      expect(receipt.text).not.toContain(typed)
      expect(receipt.html).not.toContain(typed)
      expect(receipt.subject).not.toContain(typed)
    }
    expect(receipt.replyTo?.text).toContain('kontakt@neighborhoodlab.dk')

    const alert = await smtp.waitFor((mail) => mail.subject?.startsWith('Ny indsendelse') ?? false)
    // The call's contact and every editor and administrator (the first one included); no member.
    expect(alert.envelopeTo).toEqual(expect.arrayContaining(['admin@test.dk', 'editor@test.dk', 'kontakt@neighborhoodlab.dk']))
    expect(alert.text).toContain(`https://historier.example.dk/admin/collections/submissions/${id}`)
    // The editors get the full summary; what the member typed is text in the HTML part, never markup.
    expect(alert.text).toContain('Personlig udvikling, færdigheder og job, Bæredygtig omstilling')
    expect(alert.html).toContain('Værkstedet &lt;b&gt;åbner&lt;/b&gt; 🚲')
    expect(alert.html).not.toContain('<b>åbner</b>')
    expect(alert.envelopeTo).not.toContain('member@test.dk')
  })

  it('sends a polite mail, once, when an editor declines', async () => {
    smtp ??= await startSmtpServer(smtpPort)
    const res = await postSubmission(server.current.url, validSubmission(call.slug!, { title: 'Afvises høfligt', contactEmail: 'afvist@example.dk' }))
    const { id } = (await res.json()) as { id: string }
    await smtp.waitFor((mail) => mail.envelopeTo.includes('afvist@example.dk'))

    const editor = await login(server.current.url, 'editor@test.dk', PASSWORD)
    const declined = await editor.request(`/api/submissions/${id}`, { method: 'PATCH', json: { status: 'declined' } })
    expect(declined.status).toBe(200)
    const mail = await smtp.waitFor((m) => m.subject === 'Om jeres indsendelse: Afvises høfligt')
    expect(mail.envelopeTo).toEqual(['afvist@example.dk'])
    expect(mail.text).toContain('vi kan desværre ikke tage den med i kataloget denne gang')

    // Saving the declined submission again (a note) does not send it twice.
    await editor.request(`/api/submissions/${id}`, { method: 'PATCH', json: { editorNotes: 'Sendt afslag.' } })
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(smtp.mails.filter((m) => m.subject === 'Om jeres indsendelse: Afvises høfligt')).toHaveLength(1)
  })
})
