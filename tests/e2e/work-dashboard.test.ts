/**
 * Issue #15 item 1 in Chromium, on the admin as an editor meets it (Next dev, demo content): the
 * dashboard's first panel says what needs doing, from this test's own data made over REST: a new
 * submission to an open call (with its deadline countdown), a clip whose pipeline failed (an
 * audio-only file, failed by a real worker) with its reason and a working "Behandl igen", a clip
 * in the queue, a draft story, a story scheduled to publish (a `schedulePublish` job, as Payload
 * stores it), and a clip whose consent was withdrawn on a story. Every line links
 * to the admin list filtered as it counts. No request leaves the app's host; no console error.
 * The locale selector names the locale ("Dansk"). A member sees nothing of the panel.
 */
import fs from 'node:fs'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { copenhagenToday, daysBetween } from '../../src/agreements/dates'
import { formatCopenhagen } from '../../src/lib/copenhagenTime'
import type { Clip, Organisation } from '../../src/payload-types'
import { ADMIN_DEV_START_MS, logInToAdmin, startAdminDevApp, stopAdminDevApp, type AdminAccount, apiToken } from '../helpers/adminDev'
import { launchChromium } from '../helpers/browser'
import { makeTestVideo, SOURCES } from '../helpers/media'
import { NODE_FLAGS, runCommand, startWorkerProcess, stopAppProcess, type AppProcess } from '../helpers/process'
import { validSubmission } from '../helpers/submissions'

const ADMIN = { email: 'redaktoer@example.dk', password: 'en-lang-adgangskode-1' }
const MEMBER = { email: 'medlem.arbejde@example.dk', password: 'en-lang-adgangskode-3' }
const NAME = 'work-dashboard'
const DATABASE_URI = `file:${path.join(process.env.B2C_TEST_ROOT!, NAME, 'b2c.sqlite')}`
const DAY = 86_400_000

let app: AppProcess
let base: string
let browser: Browser
let token: string

beforeAll(async () => {
  ;({ app, base } = await startAdminDevApp(NAME, ADMIN, { runJobs: false }))
  browser = await launchChromium()
  token = await tokenOf(ADMIN)
}, ADMIN_DEV_START_MS)
afterAll(async () => {
  await browser?.close()
  await stopAdminDevApp(app)
})

const tokenOf = (account: AdminAccount) => apiToken(base, account)

const api = async <T,>(method: string, apiPath: string, body?: unknown): Promise<T> => {
  const res = await fetch(`${base}${apiPath}`, {
    method,
    headers: { authorization: `JWT ${token}`, ...(body instanceof FormData || !body ? {} : { 'content-type': 'application/json' }) },
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${apiPath}: ${res.status} ${text}`)
  return JSON.parse(text) as T
}

/** A clip's file sent as the admin's upload form sends it (multipart), with the clip's other fields. */
const uploadClip = async (file: string, data: Record<string, unknown>): Promise<Clip> => {
  const form = new FormData()
  form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file))
  form.append('_payload', JSON.stringify(data))
  return (await api<{ doc: Clip }>('POST', '/api/clips', form)).doc
}

const clipById = (id: number) => api<Clip>('GET', `/api/clips/${id}?depth=0`)

/**
 * Waits until the worker has ended the clip's pipeline job (it saves the clip `failed` first, then
 * ends the job): read from the database file, as no HTTP user may read jobs. Stopping the worker
 * earlier would leave the job running, and "Behandl igen" would rightly answer 409.
 */
const waitForClipJobToEnd = async (clipId: number) => {
  const db = createClient({ url: DATABASE_URI })
  try {
    const until = Date.now() + 120_000
    const live = async () =>
      Number(
        (
          await db.execute({
            sql: "select count(*) as n from payload_jobs where task_slug = 'processClip' and json_extract(input, '$.clipId') = ? and completed_at is null and not has_error",
            args: [String(clipId)],
          })
        ).rows[0].n,
      )
    while ((await live()) > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await live()).toBe(0)
  } finally {
    db.close()
  }
}

/** How many documents the admin list at `href` holds: the same `where`, asked of REST. */
const countOfList = async (href: string) => {
  const url = new URL(href, base)
  const collection = url.pathname.split('/').at(-1)
  return (await api<{ totalDocs: number }>('GET', `/api/${collection}/count?${url.search.slice(1)}`)).totalDocs
}

/** A story saved as a draft: Payload skips the fields required for publishing. */
const draftStory = async (title: string, clips: number[] = []) =>
  (await api<{ doc: { id: number } }>('POST', '/api/stories?draft=true', { title, summary: 'Til dashboardets test.', _status: 'draft', clips })).doc

/**
 * Schedules a story's publishing as Payload's "Schedule publish" does: a `schedulePublish` job on
 * the `default` queue. Jobs are closed to HTTP, so through the Local API of a short-lived process
 * on the app's database (this app runs no jobs: the job only waits).
 */
const schedulePublish = (storyId: number, when: Date) =>
  runCommand(
    process.execPath,
    [
      ...NODE_FLAGS,
      '--input-type=module',
      '-e',
      `const { getPayload } = await import('payload')
const { default: config } = await import('./src/payload.config.ts')
const payload = await getPayload({ config })
await payload.jobs.queue({ task: 'schedulePublish', queue: 'default', waitUntil: new Date(process.env.WHEN), input: { type: 'publish', doc: { relationTo: 'stories', value: process.env.STORY } } })
await payload.destroy()
process.exit(0)`,
    ],
    { ...process.env, DATABASE_URI, STORY: String(storyId), WHEN: when.toISOString() },
  )

/** Lets the app's own host through and refuses (and records) every other one: no CDN, no fonts, no telemetry. */
const refuseOtherHosts = async (context: BrowserContext) => {
  const refused: string[] = []
  const own = new URL(base).host
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.protocol.startsWith('http') && url.host !== own) {
      refused.push(url.href)
      return route.abort('blockedbyclient')
    }
    return route.continue()
  })
  return refused
}

const consoleErrors = (page: Page) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  return errors
}

/**
 * Every text the locale selector's label shows, from the first paint on (a MutationObserver in the
 * page): "Lokalitet: undefined" was seen right after logging in, so the final text alone would not do.
 */
const recordLocaleLabels = async (page: Page) => {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __localeLabels: string[] }).__localeLabels = [])
    const look = () => {
      document.querySelectorAll('.localizer-button__current-label').forEach((label) => {
        // What an editor can see: a label the admin's styles hide is not read.
        if (getComputedStyle(label).visibility === 'hidden') return
        const text = label.textContent ?? ''
        if (seen.at(-1) !== text) seen.push(text)
      })
    }
    new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true })
  })
  return () => page.evaluate(() => (window as unknown as { __localeLabels: string[] }).__localeLabels)
}

const line = (page: Page, name: string) => page.locator(`.work-dashboard__line[data-line="${name}"]`)
const countIn = async (page: Page, name: string) => Number(await line(page, name).locator('h3 [data-count]').textContent())
const headingHref = (page: Page, name: string) => line(page, name).locator('h3 a').getAttribute('href')

test('the dashboard says what needs doing, from the test’s own data, and "Behandl igen" queues the failed clip', async () => {
  // A clip whose pipeline fails, failed by a real worker (this app runs no jobs): audio only.
  const failed = await uploadClip(await SOURCES.audioOnly(), { title: 'Kun lyd fra gården' })
  const worker = startWorkerProcess({ DATABASE_URI })
  try {
    await waitForClipJobToEnd(failed.id)
  } finally {
    await stopAppProcess(worker.child)
  }
  expect((await clipById(failed.id)).processing?.status).toBe('failed')
  // Stored in each language apart, never joined (issue #15); the panel shows the editor's.
  const reason = (await clipById(failed.id)).processing!.error!
  expect(reason).toBe('Filen indeholder kun lyd, ingen video')
  expect((await clipById(failed.id)).processing!.errorEn).toBe('The file has sound only, no video')

  // An open call, its deadline three days ahead, with a new submission through the public form.
  const now = Date.now()
  const deadline = new Date(now + 3 * DAY + 3_600_000)
  const callSlug = `dashboardets-indkaldelse-${now.toString(36)}`
  const call = (
    await api<{ doc: { id: number } }>('POST', '/api/calls', {
      title: 'Dashboardets indkaldelse',
      slug: callSlug,
      description: 'Til dashboardets test.',
      opensAt: new Date(now - DAY).toISOString(),
      deadline: deadline.toISOString(),
      contactName: 'Neighborhood Lab',
      contactEmail: 'kontakt@neighborhoodlab.dk',
      allowVideo: true,
      videoMaxMegabytes: 50,
    })
  ).doc
  const submitted = await fetch(`${base}/api/public/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validSubmission(callSlug, { title: 'Ny indsendelse til dashboardet' })),
  })
  expect([submitted.status, submitted.status < 300 ? '' : await submitted.text()]).toEqual([201, ''])

  // A clip whose consent was withdrawn two days ago (queued: no job runs here), on a story; and a draft.
  const withdrawnAt = new Date(now - 2 * DAY).toISOString()
  const withdrawn = await uploadClip(await makeTestVideo('samtykke.mp4', 1), {
    title: 'Klip med tilbagetrukket samtykke',
    consent: {
      confirmed: true,
      records: [{ person: 'Beboer i opgang 3', role: 'resident', givenAt: new Date(now - 60 * DAY).toISOString(), scope: ['web'], withdrawnAt }],
    },
  })
  const touched = await draftStory('Historie med det tilbagetrukne klip', [withdrawn.id])
  const draft = await draftStory('Kladde til dashboardet')
  const scheduled = await draftStory('Planlagt til dashboardet')
  const publishAt = new Date(now + 2 * DAY)
  await schedulePublish(scheduled.id, publishAt)

  const context = await browser.newContext({ locale: 'da-DK' })
  const refused = await refuseOtherHosts(context)
  const page = await context.newPage()
  const errors = consoleErrors(page)
  const localeLabels = await recordLocaleLabels(page)
  await logInToAdmin(page, base, ADMIN)
  const panel = page.locator('.work-dashboard')
  await panel.waitFor({ timeout: 120_000 })
  await expect(panel.locator('h2').textContent()).resolves.toBe('Det skal gøres')
  // The first thing on the dashboard: before the agreements panel.
  expect(await page.locator('.work-dashboard ~ .agreements-dashboard').count()).toBe(1)

  // New submissions: all of them, and per open call with its deadline in Copenhagen time.
  await expect(headingHref(page, 'new-submissions')).resolves.toBe('/admin/collections/submissions?where[status][equals]=new')
  expect(await countIn(page, 'new-submissions')).toBe(await countOfList('/admin/collections/submissions?where[status][equals]=new'))
  const callRow = line(page, 'new-submissions').locator(`li[data-call="${call.id}"]`)
  const callHref = `/admin/collections/submissions?where[and][0][call][equals]=${call.id}&where[and][1][status][equals]=new`
  await expect(callRow.locator('a').getAttribute('href')).resolves.toBe(callHref)
  await expect(callRow.locator('a').textContent()).resolves.toBe('Dashboardets indkaldelse: 1 ny')
  expect(await countOfList(callHref)).toBe(1)
  const daysLeft = daysBetween(copenhagenToday(), copenhagenToday(deadline))
  expect(daysLeft).toBe(3)
  await expect(callRow.locator('time').textContent()).resolves.toBe(`frist om 3 dage (${formatCopenhagen(deadline)})`)

  // Clips processing: the withdrawn clip waits in the queue (no job runs in this app).
  const processingHref = '/admin/collections/clips?where[processing.status][in][0]=queued&where[processing.status][in][1]=processing&where[processing.status][in][2]=preview'
  await expect(headingHref(page, 'clips-processing')).resolves.toBe(processingHref)
  expect(await countIn(page, 'clips-processing')).toBe(await countOfList(processingHref))
  await expect(line(page, 'clips-processing').locator(`li[data-clip="${withdrawn.id}"]`).textContent()).resolves.toContain('I kø')

  // Clips failed: with the pipeline's reason.
  const failedHref = '/admin/collections/clips?where[processing.status][equals]=failed'
  await expect(headingHref(page, 'clips-failed')).resolves.toBe(failedHref)
  const failedCount = await countOfList(failedHref)
  expect(failedCount).toBeGreaterThanOrEqual(1)
  expect(await countIn(page, 'clips-failed')).toBe(failedCount)
  const failedRow = line(page, 'clips-failed').locator(`li[data-clip="${failed.id}"]`)
  await expect(failedRow.locator('[data-reason]').textContent()).resolves.toBe(reason)
  await expect(failedRow.locator('a').first().getAttribute('href')).resolves.toBe(`/admin/collections/clips/${failed.id}`)
  // An editor who reads the admin in English reads the reason in English.
  const english = await browser.newContext({ locale: 'da-DK' })
  await english.addCookies([{ name: 'payload-lng', value: 'en', url: base }])
  const englishPage = await english.newPage()
  await logInToAdmin(englishPage, base, ADMIN)
  const englishReason = line(englishPage, 'clips-failed').locator(`li[data-clip="${failed.id}"] [data-reason]`)
  await englishReason.waitFor({ timeout: 120_000 })
  await expect(englishReason.textContent()).resolves.toBe('The file has sound only, no video')
  await english.close()

  // Stories in draft: both of the test's.
  const draftsHref = '/admin/collections/stories?where[_status][equals]=draft'
  await expect(headingHref(page, 'draft-stories')).resolves.toBe(draftsHref)
  const drafts = await countOfList(draftsHref)
  expect(drafts).toBeGreaterThanOrEqual(3)
  expect(await countIn(page, 'draft-stories')).toBe(drafts)
  if (drafts <= 5) await line(page, 'draft-stories').locator(`li[data-story="${draft.id}"]`).waitFor()
  else await expect(line(page, 'draft-stories').locator('[data-show-all]').textContent()).resolves.toBe(`vis alle (${drafts})`)

  // Scheduled to publish: the story and when, from Payload's schedule (its job).
  await expect(headingHref(page, 'scheduled-stories')).resolves.toBe('/admin/collections/stories')
  expect(await countIn(page, 'scheduled-stories')).toBe(1)
  const scheduledRow = line(page, 'scheduled-stories').locator(`li[data-story="${scheduled.id}"]`)
  await expect(scheduledRow.locator('a').textContent()).resolves.toBe('Planlagt til dashboardet')
  await expect(scheduledRow.locator('a').getAttribute('href')).resolves.toBe(`/admin/collections/stories/${scheduled.id}`)
  await expect(scheduledRow.locator('time').textContent()).resolves.toBe(`udgives ${formatCopenhagen(publishAt)}`)

  // Consents withdrawn in the last 30 days (from Copenhagen midnight), and the story they touch.
  const since = (await line(page, 'withdrawn-consents').locator('h3 a').getAttribute('href'))!
  const sinceValue = decodeURIComponent(since.split('=').at(-1)!)
  expect(since).toBe(`/admin/collections/clips?where[consent.records.withdrawnAt][greater_than_equal]=${encodeURIComponent(sinceValue)}`)
  expect(daysBetween(copenhagenToday(new Date(sinceValue)), copenhagenToday())).toBe(30)
  expect(await countIn(page, 'withdrawn-consents')).toBe(await countOfList(since))
  await expect(line(page, 'withdrawn-consents').locator(`li[data-clip="${withdrawn.id}"] time`).getAttribute('datetime')).resolves.toBe(withdrawnAt)
  const touchedLine = line(page, 'withdrawn-consents').locator('[data-line="touched-stories"]')
  const touchedHref = `/admin/collections/stories?where[clips.consent.records.withdrawnAt][greater_than_equal]=${encodeURIComponent(sinceValue)}`
  await expect(touchedLine.locator('a').first().getAttribute('href')).resolves.toBe(touchedHref)
  const touchedCount = await countOfList(touchedHref)
  expect(touchedCount).toBeGreaterThanOrEqual(1)
  await expect(touchedLine.locator('[data-count]').textContent()).resolves.toBe(String(touchedCount))
  await expect(touchedLine.locator(`li[data-story="${touched.id}"] a`).textContent()).resolves.toBe('Historie med det tilbagetrukne klip')

  // The locale selector never showed anything but the locale's name after logging in (a client-side
  // navigation from the login page, whose config names no locales): never "undefined".
  const localeLabel = page.locator('.localizer-button__current-label').first()
  await page.waitForFunction(() => document.querySelector('.localizer-button__current-label')?.textContent === 'Dansk', null, { timeout: 60_000 })
  await expect(localeLabel.textContent()).resolves.toBe('Dansk')
  expect(await localeLabels()).toEqual(['Dansk'])

  await page.screenshot({ path: path.join(process.env.B2C_TEST_ROOT!, 'work-dashboard.png'), fullPage: true })

  // "Behandl igen": the clip is queued again, and the panel, refreshed, lists it as processing.
  const reprocessed = page.waitForResponse((res) => res.url().endsWith(`/api/clips/${failed.id}/reprocess`) && res.request().method() === 'POST')
  await failedRow.getByRole('button', { name: /Behandl igen/ }).click()
  expect((await reprocessed).status()).toBe(202)
  await line(page, 'clips-processing').locator(`li[data-clip="${failed.id}"]`).waitFor({ timeout: 60_000 })
  await expect(failedRow.count()).resolves.toBe(0)
  expect((await clipById(failed.id)).processing).toMatchObject({ status: 'queued', progress: 0, error: null })

  // Opening the admin (a page load, as an editor who is logged in does): "Dansk" from the first render on.
  await page.goto(`${base}/admin`, { timeout: 240_000 })
  await panel.waitFor({ timeout: 120_000 })
  await expect(localeLabel.textContent()).resolves.toBe('Dansk')
  expect(await localeLabels()).toEqual(['Dansk'])

  // The links open the filtered lists: the call's new submission is the one row.
  await page.goto(`${base}${callHref}`, { timeout: 240_000 })
  await page.getByText('Ny indsendelse til dashboardet').first().waitFor({ timeout: 120_000 })

  expect(refused).toEqual([])
  expect(errors).toEqual([])
  await context.close()
}, 360_000)

test('a member sees nothing of the panel', async () => {
  const company = (await api<{ docs: Organisation[] }>('GET', '/api/organisations?where[slug][equals]=cykelvaerkstedet-vest-aps&depth=0')).docs[0]
  await api('POST', '/api/users', { ...MEMBER, name: 'Medlem uden redaktion', role: 'member', organisation: company.id })
  const context = await browser.newContext({ locale: 'da-DK' })
  const page = await context.newPage()
  await logInToAdmin(page, base, MEMBER)
  // Their own panel (agreements) renders; the work panel does not.
  await page.locator('.agreements-dashboard').waitFor({ timeout: 120_000 })
  expect(await page.locator('.work-dashboard').count()).toBe(0)
  // Nothing of what the panel would list reaches their browser (its texts do: Payload sends every translation).
  const html = await page.content()
  for (const secret of ['Kun lyd fra gården', 'Kladde til dashboardet', 'Klip med tilbagetrukket samtykke']) expect(html).not.toContain(secret)
  await context.close()
}, 240_000)
