/**
 * Issue #10, item 5: a multipart form posted from a foreign origin to
 * `POST /api/public/submissions` was stored (201), though only listed origins may post. Now a
 * post is accepted from our own site (PUBLIC_URL, or the host it was sent to) and the origins in
 * PUBLIC_CORS_ORIGINS; any other `Origin`, or a browser's `Sec-Fetch-Site` naming another site,
 * gets 403 with the error shape and nothing is stored. A server-side client (no `Origin`) may
 * still post. The /indsend form's POST writes too and follows the same rule.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'

import { useServer } from '../helpers/server'
import { countStored, createCall, postSubmission, submissionForm, validSubmission } from '../helpers/submissions'

const OWN = 'https://historier.example.dk'
const PARTNER = 'https://partner.example.org'
process.env.PUBLIC_URL = OWN
process.env.PUBLIC_CORS_ORIGINS = `${PARTNER}, https://kommune.example.dk`
process.env.SUBMISSION_RATE_LIMIT = '1000'

const server = useServer({ runJobs: false })
let callSlug: string

beforeAll(async () => {
  callSlug = (await createCall(server.current.payload)).slug!
})

const stored = async () => (await countStored(server.current.payload)).submissions
const form = (title: string) => submissionForm(validSubmission(callSlug, { title }))

const REFUSED: [string, Record<string, string>][] = [
  ['a foreign origin', { origin: 'https://angreb.example.com' }],
  ['a sibling subdomain of our own', { origin: 'https://angreb.example.dk' }],
  ['plain http of our own host', { origin: 'http://historier.example.dk' }],
  ['another port of the host it was sent to', { origin: 'http://localhost:1' }],
  ['an opaque origin (a sandboxed frame, a file)', { origin: 'null' }],
  ['a cross-site request without Origin', { 'sec-fetch-site': 'cross-site' }],
  ['a same-site request from another origin, without Origin', { 'sec-fetch-site': 'same-site' }],
]

describe('POST /api/public/submissions', () => {
  test.each(REFUSED)('from %s: 403 with the error shape, nothing stored', async (_what, headers) => {
    const before = await stored()
    const res = await postSubmission(server.current.url, form('Fra en fremmed side'), headers)
    expect(res.status).toBe(403)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await res.json()).toEqual({ error: { code: 'forbidden_origin', message: expect.stringContaining('egen side') } })
    expect(await stored()).toBe(before)
  })

  test('a JSON post from a foreign origin is refused too, in English when asked', async () => {
    const res = await postSubmission(server.current.url, validSubmission(callSlug), { origin: 'https://angreb.example.com', 'accept-language': 'en' })
    expect(res.status).toBe(403)
    expect((await res.json()).error.message).toMatch(/our own site/)
  })

  test.each([
    ['PUBLIC_URL\'s origin', () => ({ origin: OWN, 'sec-fetch-site': 'same-origin' })],
    ['the host it was sent to (the same origin)', () => ({ origin: server.current.url })],
    ['an origin listed in PUBLIC_CORS_ORIGINS', () => ({ origin: PARTNER, 'sec-fetch-site': 'cross-site' })],
    ['a server-side client (no Origin)', () => ({})],
  ])('from %s: 201 and stored', async (_what, headers) => {
    const before = await stored()
    const res = await postSubmission(server.current.url, form('Fra vores egen side'), headers())
    expect(res.status).toBe(201)
    expect(await stored()).toBe(before + 1)
  })

  test('a listed origin may read the answer (CORS), a refused one is not told anything it may read', async () => {
    const listed = await postSubmission(server.current.url, form('Fra partneren'), { origin: PARTNER })
    expect(listed.headers.get('access-control-allow-origin')).toBe(PARTNER)
    const refused = await postSubmission(server.current.url, form('Fra angriberen'), { origin: 'https://angreb.example.com' })
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('POST /indsend (the form page)', () => {
  const postForm = (headers: Record<string, string>, title: string) =>
    fetch(`${server.current.url}/indsend`, { method: 'POST', headers, body: form(title), redirect: 'manual' })

  test.each(REFUSED)('from %s: 403, the form says why, nothing stored', async (_what, headers) => {
    const before = await stored()
    const res = await postForm(headers, 'Fra en fremmed side')
    expect(res.status).toBe(403)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await res.text()).toContain('Indsendelser modtages kun fra vores egen side')
    expect(await stored()).toBe(before)
  })

  test.each([
    ['the same origin', () => ({ origin: server.current.url, 'sec-fetch-site': 'same-origin' })],
    ['PUBLIC_URL\'s origin', () => ({ origin: OWN })],
    ['a client without Origin', () => ({})],
  ])('from %s: stored, and on to the thank-you page', async (_what, headers) => {
    const before = await stored()
    const res = await postForm(headers(), 'Fra formularen')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toMatch(/^\/indsend\/tak\?kvittering=/)
    expect(await stored()).toBe(before + 1)
  })
})
