/**
 * Issue #10, item 1: with an administrator logged in, a page on another origin of the same
 * site (another port, a sibling subdomain) posted a form to `POST /api/users` and created an
 * administrator with the victim's cookie. Cookie-authenticated writes are now accepted only
 * from our own origins; the cookie is Secure on https; the reset mail links to PUBLIC_URL.
 */
import { ADMIN_ORIGIN, OWN_ORIGIN as OWN } from './httpsSite'

import { afterAll, beforeAll, expect, test } from '@jest/globals'

import { createPeople, PASSWORD } from '../helpers/fixtures'
import { freePort } from '../helpers/process'
import { useServer } from '../helpers/server'
import { startSmtpServer } from '../helpers/smtp'

const smtpPort = await freePort()
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`

const server = useServer({ runJobs: false })
const smtp = await startSmtpServer(smtpPort)
let cookie: string
let setCookie: string

beforeAll(async () => {
  await createPeople(server.current.payload)
  const res = await fetch(`${server.current.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: OWN },
    body: JSON.stringify({ email: 'admin@test.dk', password: PASSWORD }),
  })
  expect(res.status).toBe(200)
  setCookie = res.headers.get('set-cookie') ?? ''
  cookie = setCookie.split(';')[0]
})
afterAll(async () => {
  await smtp.close()
})

/** The form a hostile page auto-submits: multipart, `_payload` JSON, the victim's cookie sent along. */
const createAdminFrom = (headers: Record<string, string>, email: string) => {
  const form = new FormData()
  form.append('_payload', JSON.stringify({ email, password: 'a-long-enough-password-1', role: 'admin', name: 'Mallory' }))
  return fetch(`${server.current.url}/api/users`, { method: 'POST', headers: { cookie, ...headers }, body: form })
}

const userExists = async (email: string) =>
  (await server.current.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).totalDocs > 0

test.each([
  ['another port of the same host', { origin: 'https://historier.example.dk:8443' }],
  ['a sibling subdomain', { origin: 'https://angreb.example.dk' }],
  ['plain http of our own host', { origin: 'http://historier.example.dk' }],
  ['a cross-site request without Origin', { 'sec-fetch-site': 'cross-site' }],
])('a cookie-authenticated write from %s is refused and creates nobody', async (_what, headers) => {
  const email = `mallory-${Math.random().toString(36).slice(2, 8)}@angreb.dk`
  const res = await createAdminFrom(headers, email)
  expect([401, 403]).toContain(res.status)
  expect(await userExists(email)).toBe(false)
})

test.each([
  ['our own origin', { origin: OWN }],
  ['an origin listed in ADMIN_ORIGINS', { origin: ADMIN_ORIGIN }],
  ['a same-origin request without Origin', { 'sec-fetch-site': 'same-origin' }],
])('the same write from %s is accepted', async (_what, headers) => {
  const email = `ny-${Math.random().toString(36).slice(2, 8)}@test.dk`
  const res = await createAdminFrom(headers, email)
  expect(res.status).toBe(201)
  expect(await userExists(email)).toBe(true)
})

test('on https the session cookie is Secure (and never sent cross-site on subrequests)', () => {
  expect(setCookie).toMatch(/payload-token=/)
  expect(setCookie).toMatch(/;\s*Secure/i)
  expect(setCookie).toMatch(/SameSite=Lax/i)
})

test('the password-reset mail links to PUBLIC_URL, with a host', async () => {
  const res = await fetch(`${server.current.url}/api/users/forgot-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@test.dk' }),
  })
  expect(res.status).toBe(200)
  const mail = await smtp.waitFor((received) => received.envelopeTo.includes('editor@test.dk'))
  expect(String(mail.html)).toMatch(/href="https:\/\/historier\.example\.dk\/admin\/reset\/[^"]+"/)
})
