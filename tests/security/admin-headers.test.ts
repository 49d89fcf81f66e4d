/**
 * Issue #10, item 4, for the admin: a foreign page framed the logged-in user list
 * (clickjacking). The admin, served by Next, now forbids framing and carries a CSP of its own:
 * Next's scripts run by this request's nonce, styles may be inline (React renders them), and
 * nothing else. Proven in Chromium: logging in, a collection list and a document open with
 * nothing refused by the policy and nothing fetched from another host.
 */

import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { launchChromium } from '../helpers/browser'
import { ADMIN_DEV_START_MS, logInToAdmin, startAdminDevApp, stopAdminDevApp } from '../helpers/adminDev'
import type { AppProcess } from '../helpers/process'
import { cspOf, frameFromForeignPage, recordCspViolations, recordForeignRequests, startFramingSite, type FramingSite } from '../helpers/securityPages'

const ADMIN = { email: 'redaktoer@example.dk', password: 'en-lang-adgangskode-1' }

let app: AppProcess
let base: string
let browser: Browser
let framing: FramingSite
let context: BrowserContext
let violations: string[]

beforeAll(async () => {
  // Next compiles on demand (`npm run dev`), with its own database and the demo content.
  ;({ app, base } = await startAdminDevApp('admin', ADMIN, { runJobs: false }))
  browser = await launchChromium()
  framing = await startFramingSite('localhost')
  context = await browser.newContext()
  violations = await recordCspViolations(context)
}, ADMIN_DEV_START_MS)
afterAll(async () => {
  await browser?.close()
  await framing?.close()
  await stopAdminDevApp(app)
})


test('the login page forbids framing, runs only nonce\'d scripts, and is kept by no cache', async () => {
  const res = await fetch(`${base}/admin/login`)
  expect(res.status).toBe(200)
  expect(res.headers.get('x-frame-options')).toBe('DENY')
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('referrer-policy')).toBe('same-origin')
  expect(res.headers.get('x-powered-by')).toBeNull()
  expect(res.headers.get('cache-control')).toBe('private, no-store')
  const csp = cspOf(res)
  expect(csp['frame-ancestors']).toEqual(["'none'"])
  expect(csp['object-src']).toEqual(["'none'"])
  expect(csp['script-src']).toContain("'strict-dynamic'")
  expect(csp['script-src']).not.toContain("'unsafe-inline'")
  const nonce = csp['script-src'].find((source: string) => source.startsWith("'nonce-"))!.slice("'nonce-".length, -1)
  // Next put this request's nonce on its own scripts; a second request gets another one.
  const html = await res.text()
  expect(html).toContain(`nonce="${nonce}"`)
  const again = cspOf(await fetch(`${base}/admin/login`))
  expect(again['script-src']).not.toContain(`'nonce-${nonce}'`)
}, 300_000)

test('a client cannot choose the nonce by sending a CSP header of its own', async () => {
  const res = await fetch(`${base}/admin/login`, { headers: { 'content-security-policy': "script-src 'nonce-valgtafangriberen'" } })
  expect(res.status).toBe(200)
  expect(cspOf(res)['script-src']).not.toContain("'nonce-valgtafangriberen'")
  expect(await res.text()).not.toContain('valgtafangriberen')
}, 300_000)

const openAdmin = async (page: Page, url: string) => page.goto(`${base}${url}`, { timeout: 240_000 })

test('in Chromium: log in, a collection list and a document, nothing refused by the policy, nothing from another host', async () => {
  const page = await context.newPage()
  const foreign = recordForeignRequests(page, base)
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))

  await logInToAdmin(page, base, ADMIN)

  await openAdmin(page, '/admin/collections/stories')
  const firstStory = page.locator('table tbody tr').first().locator('a').first()
  await firstStory.waitFor({ timeout: 240_000 })
  const title = (await firstStory.innerText()).trim()
  await firstStory.click()
  await page.waitForURL(/\/admin\/collections\/stories\/\d+/, { timeout: 240_000 })
  // The document's form is rendered (React ran): the title field holds the story's title.
  await expect(page.locator('input[name="title"]').inputValue({ timeout: 240_000 })).resolves.toBe(title)

  expect(violations).toEqual([])
  expect(foreign).toEqual([])
  expect(errors).toEqual([])
  await page.close()
}, 600_000)

test('in Chromium: a clip\'s captions are editable with nothing loaded from another host (no Monaco from a CDN)', async () => {
  const page = await context.newPage()
  const foreign = recordForeignRequests(page, base)
  // The demo clip with captions, opened as an editor does from the list (its address).
  const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
  const { token } = (await login.json()) as { token: string }
  const clips = await fetch(`${base}/api/clips?depth=0&limit=100`, { headers: { authorization: `JWT ${token}` } })
  const clip = ((await clips.json()) as { docs: { id: number; captions?: unknown[] }[] }).docs.find((doc) => doc.captions?.length)!
  await openAdmin(page, `/admin/collections/clips/${clip.id}`)
  // The demo clip's Danish captions, in a field the editor can type in.
  const captions = page.locator('textarea[name="captions.0.vtt"]')
  const original = await captions.inputValue({ timeout: 240_000 })
  expect(original).toContain('Dette er et demoklip.')
  // `fill` waits until the form lets the editor type (it is read-only while the document loads).
  await captions.fill(`${original}\nNOTE redigeret`, { timeout: 240_000 })
  await expect(captions.inputValue()).resolves.toContain('NOTE redigeret')

  expect(violations).toEqual([])
  expect(foreign).toEqual([])
  await page.close()
}, 600_000)

test('a page on another port of the same host cannot frame the logged-in user list', async () => {
  const page = await context.newPage()
  const users = `${base}/admin/collections/users`
  // The control: logged in, the list itself opens and shows the administrator.
  await openAdmin(page, '/admin/collections/users')
  await expect(page.locator('table tbody').innerText({ timeout: 240_000 })).resolves.toContain(ADMIN.email)

  const framed = await frameFromForeignPage(page, framing, users)
  expect(framed.url).not.toBe(users)
  expect(framed.text).not.toContain(ADMIN.email)
  await page.close()
}, 600_000)
