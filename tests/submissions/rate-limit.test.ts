import { beforeAll, describe, expect, it } from '@jest/globals'

import { useServer } from '../helpers/server'
import { countStored, createCall, postSubmission, submissionForm, validSubmission } from '../helpers/submissions'

process.env.SUBMISSION_RATE_LIMIT = '3'
const server = useServer()
let callSlug: string

beforeAll(async () => {
  callSlug = (await createCall(server.current.payload)).slug!
})

describe('per-IP rate limit on submissions', () => {
  it('answers 429 past SUBMISSION_RATE_LIMIT, on the API and on the form page alike, and stores nothing more', async () => {
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await postSubmission(server.current.url, validSubmission(callSlug, { title: `Nr. ${i}` }))).status)
    expect(statuses).toEqual([201, 201, 201])
    const before = await countStored(server.current.payload)

    const limited = await postSubmission(server.current.url, validSubmission(callSlug))
    expect(limited.status).toBe(429)
    expect(limited.headers.get('ratelimit-policy')).toContain('3;w=900')
    const body = (await limited.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('rate_limited')
    expect(body.error.message).toContain('For mange indsendelser')

    // The form page shares the budget and says so in the page.
    const page = await fetch(`${server.current.url}/indsend`, { method: 'POST', body: submissionForm(validSubmission(callSlug)) })
    expect(page.status).toBe(429)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('For mange indsendelser fra din adresse')
    expect(await countStored(server.current.payload)).toEqual(before)

    // Reading is never limited.
    expect((await fetch(`${server.current.url}/indsend`)).status).toBe(200)
  })
})
