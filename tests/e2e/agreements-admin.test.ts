/**
 * Issue #14 in Chromium, on the admin as an editor meets it (Next dev, the demo content seeded on
 * the first start): the dashboard shows the demo agreement whose yearly review is due within 30
 * days, with its day; a member of one party's organisation edits that party's agreement in the
 * admin, and another organisation's agreement never reaches their browser.
 */
import path from 'node:path'

import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { Browser, Page } from 'playwright-core'

import { copenhagenToday, daysBetween, dayOf } from '../../src/agreements/dates'
import type { Agreement, Organisation } from '../../src/payload-types'
import { ADMIN_DEV_START_MS, logInToAdmin, startAdminDevApp, stopAdminDevApp, type AdminAccount, apiToken } from '../helpers/adminDev'
import { launchChromium } from '../helpers/browser'
import type { AppProcess } from '../helpers/process'

const ADMIN = { email: 'redaktoer@example.dk', password: 'en-lang-adgangskode-1' }
const MEMBER = { email: 'medlem.cykel@example.dk', password: 'en-lang-adgangskode-2' }
/** The demo agreements (src/seed/data/agreements.ts): Tingbjerg's was reviewed, Kildeparken's is due. */
const OWN = 'cykler-og-praktik-i-tingbjerg'
const OTHER = 'faellesskab-og-genbrug-i-kildeparken'

let app: AppProcess
let base: string
let browser: Browser

beforeAll(async () => {
  ;({ app, base } = await startAdminDevApp('agreements-admin', ADMIN, { runJobs: false }))
  browser = await launchChromium()
}, ADMIN_DEV_START_MS)
afterAll(async () => {
  await browser?.close()
  await stopAdminDevApp(app)
})

const tokenOf = (account: AdminAccount) => apiToken(base, account)

const getJson = async <T,>(token: string, path: string): Promise<T> => {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `JWT ${token}` } })
  expect(res.status).toBe(200)
  return (await res.json()) as T
}

const agreementBySlug = async (token: string, slug: string) =>
  (await getJson<{ docs: Agreement[] }>(token, `/api/agreements?where[slug][equals]=${slug}&depth=0&locale=da`)).docs[0]

/** Every request the page makes, to prove nothing is fetched from another host (no CDN, no fonts). */
const recordHosts = (page: Page) => {
  const hosts = new Set<string>()
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol.startsWith('http')) hosts.add(url.host)
  })
  return hosts
}

test('the dashboard shows the review that is due within 30 days, with its day, and links to the agreement', async () => {
  const token = await tokenOf(ADMIN)
  const due = await agreementBySlug(token, OTHER)
  const reviewDay = dayOf(due.nextReviewDate!)
  const daysLeft = daysBetween(copenhagenToday(), reviewDay)
  // The seed dates it from its own clock: 17–20 days ahead, whatever day this runs.
  expect(daysLeft).toBeGreaterThanOrEqual(17)
  expect(daysLeft).toBeLessThanOrEqual(20)

  const page = await browser.newPage()
  const hosts = recordHosts(page)
  await logInToAdmin(page, base, ADMIN)
  const row = page.locator('.agreements-dashboard__reviews tbody tr', { hasText: 'Fællesskab og genbrug i Kildeparken' })
  await row.waitFor({ timeout: 120_000 })
  const dayText = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${reviewDay}T12:00:00Z`),
  )
  await expect(row.locator('time').getAttribute('datetime')).resolves.toBe(reviewDay)
  await expect(row.locator('time').textContent()).resolves.toBe(dayText)
  await expect(row.locator('td').last().textContent()).resolves.toBe(`om ${daysLeft} dage`)
  await expect(row.getByRole('link').getAttribute('href')).resolves.toBe(`/admin/collections/agreements/${due.id}`)

  // The reviewed agreement is not due: a year on from its review, it is not listed.
  await expect(page.locator('.agreements-dashboard__reviews').textContent()).resolves.not.toContain('Cykler og praktik i Tingbjerg')
  await expect(page.locator('[data-figure="active"]').textContent()).resolves.toBe('2')
  await expect(page.locator('[data-figure="due"]').textContent()).resolves.toBe('1')
  await expect(page.locator('[data-figure="overdue"]').textContent()).resolves.toBe('0')

  // Every chart is an inline SVG with a table of the same figures beside it.
  const panel = page.locator('.agreements-dashboard')
  expect(await panel.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(3)
  const impactRow = panel.locator('tr', { hasText: 'Indsamlet' })
  await expect(impactRow.locator('td').first().textContent()).resolves.toBe('1.200') // the demo sewing workshop's 1,200 kg

  await page.screenshot({ path: path.join(process.env.B2C_TEST_ROOT!, 'agreements-dashboard.png'), fullPage: true })

  // The link opens the agreement's edit page.
  await row.getByRole('link').click()
  await page.waitForURL(`${base}/admin/collections/agreements/${due.id}`, { timeout: 120_000 })
  await page.locator('#field-purpose').waitFor({ timeout: 120_000 })
  expect([...hosts]).toEqual([new URL(base).host])
  await page.close()
}, 360_000)

test('a member edits their own organisation’s agreement, and never sees another organisation’s', async () => {
  const adminToken = await tokenOf(ADMIN)
  const own = await agreementBySlug(adminToken, OWN)
  const other = await agreementBySlug(adminToken, OTHER)
  const company = (
    await getJson<{ docs: Organisation[] }>(adminToken, '/api/organisations?where[slug][equals]=cykelvaerkstedet-vest-aps&depth=0')
  ).docs[0]
  expect(own.companies).toContain(company.id)
  const created = await fetch(`${base}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${adminToken}` },
    body: JSON.stringify({ ...MEMBER, name: 'Medlem fra Cykelværkstedet', role: 'member', organisation: company.id }),
  })
  expect(created.status).toBe(201)

  const context = await browser.newContext()
  const page = await context.newPage()
  await logInToAdmin(page, base, MEMBER)
  // Their dashboard counts their own agreement only.
  await expect(page.locator('.agreements-dashboard h2').textContent()).resolves.toBe('Jeres samarbejdsaftaler')
  await expect(page.locator('[data-figure="active"]').textContent()).resolves.toBe('1')
  expect(await page.content()).not.toContain('Fællesskab og genbrug i Kildeparken')

  // Their own agreement: change the purpose and save.
  await page.goto(`${base}/admin/collections/agreements/${own.id}`, { timeout: 240_000 })
  const purpose = page.locator('#field-purpose')
  await purpose.waitFor({ timeout: 120_000 })
  await expect(purpose.inputValue()).resolves.toBe(own.purpose)
  const changed = 'Flere unge i praktik, også piger, og en tom cykelkælder.'
  await purpose.fill(changed)
  await page.locator('#action-save').click()
  const memberToken = await tokenOf(MEMBER)
  const until = Date.now() + 60_000
  let stored = await agreementBySlug(memberToken, OWN)
  while (stored.purpose !== changed && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    stored = await agreementBySlug(memberToken, OWN)
  }
  expect(stored.purpose).toBe(changed)
  // The parties stay as the editors set them, and the change is on record as a version.
  expect(stored.companies).toEqual(own.companies)
  const versions = await getJson<{ totalDocs: number }>(adminToken, `/api/agreements/versions?where[parent][equals]=${own.id}&limit=0`)
  expect(versions.totalDocs).toBeGreaterThanOrEqual(2)

  // Another organisation's agreement: Payload finds no document for them and sends them to the
  // list, which shows their own only; nothing of the other one is in the page or its payload.
  await page.goto(`${base}/admin/collections/agreements/${other.id}`, { timeout: 240_000 })
  await page.waitForURL((url) => url.pathname === '/admin/collections/agreements' && url.searchParams.get('notFound') === String(other.id), {
    timeout: 120_000,
  })
  await page.getByText('Cykler og praktik i Tingbjerg').first().waitFor({ timeout: 120_000 })
  const html = await page.content()
  for (const secret of [other.title, other.purpose!, 'demo-tekstil@example.dk', other.slug!]) expect(html).not.toContain(secret)
  // Nor over REST with the member's own token.
  const direct = await fetch(`${base}/api/agreements/${other.id}`, { headers: { authorization: `JWT ${memberToken}` } })
  expect([403, 404]).toContain(direct.status)
  await context.close()
}, 360_000)
