/**
 * The README's promise, end to end: a new installation started as in production (Next build,
 * `src/server/index.ts`, committed SQLite migrations on an empty database) comes up with the
 * first administrator and the demo content, shows the admin in Danish to a browser that asks
 * for English, and stops cleanly on SIGTERM.
 */
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { Browser } from 'playwright-core'

import { launchChromium } from '../helpers/browser'
import { expectFirstVideoPlays, fillSubmissionForm } from '../helpers/pages'
import { runCommand, startAppProcess, stopAppProcess, type AppProcess } from '../helpers/process'

const root = process.env.B2C_TEST_ROOT!
const ADMIN = { email: 'foerste@example.dk', password: 'en-lang-adgangskode-1' }
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  PAYLOAD_SECRET: 'e2e-secret',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  RUN_JOBS: 'false',
  DATABASE_URI: `file:${path.join(root, 'first-run', 'b2c.sqlite')}`,
} as NodeJS.ProcessEnv

let app: AppProcess
let browser: Browser
beforeAll(async () => {
  // The production build the server serves; `next build` writes .next/ in the project.
  await runCommand(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { ...env, NODE_OPTIONS: '--no-deprecation' })
  app = await startAppProcess(env)
  browser = await launchChromium()
}, 600_000)
afterAll(async () => {
  await browser?.close()
  if (app?.child.exitCode === null) app.child.kill('SIGKILL')
})

test('the empty database was migrated and seeded, and the first admin created', async () => {
  expect(fs.existsSync(path.join(root, 'first-run', 'b2c.sqlite'))).toBe(true)
  expect(app.output()).toMatch(/Migrated:\s+\d{8}_\d{6}_initial/)
  const stories = await fetch(`${app.url}/api/stories?limit=0&depth=0`).then((res) => res.json())
  expect(stories.totalDocs).toBe(5)
  const login = await fetch(`${app.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  expect(login.status).toBe(200)
  expect((await login.json()).user.role).toBe('admin')
})

test('the admin is Danish to an English browser, and lists the demo stories after login', async () => {
  const page = await browser.newPage({ locale: 'en-US', extraHTTPHeaders: { 'accept-language': 'en-US,en;q=0.9' } })
  await page.goto(`${app.url}/admin/login`)
  expect(await page.getAttribute('html', 'lang')).toBe('da')
  await page.fill('input[name="email"]', ADMIN.email)
  await page.fill('input[name="password"]', ADMIN.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(`${app.url}/admin`)
  await page.goto(`${app.url}/admin/collections/stories`)
  await page.getByText('Cykelværksted i kælderen giver unge job').waitFor()
  const body = await page.textContent('body')
  expect(body).toContain('Historier')
  expect(body).toContain('Syværksted skaber fællesskab på tværs')
  await page.screenshot({ path: path.join(root, 'admin-stories.png'), fullPage: true })
  await page.close()
}, 120_000)

test('the reference site shows the demo catalogue, and the demo story’s clip plays in Chromium', async () => {
  const page = await browser.newPage()
  await page.goto(`${app.url}/`)
  expect(await page.locator('.card h2').count()).toBe(5)
  await page.getByRole('link', { name: 'Cykelværksted i kælderen giver unge job' }).click()
  await page.waitForURL(/\/historier\/cykelvaerksted-i-kaelderen-giver-unge-job$/)
  expect(await page.locator('video').first().getAttribute('data-player')).toBe('hls.js')
  await expectFirstVideoPlays(page)
  await page.screenshot({ path: path.join(root, 'site-story.png'), fullPage: true })
  await page.close()
}, 120_000)

test('a member sends a story on /indsend; an editor turns it into a draft story with "Opret historie"', async () => {
  const form = await browser.newPage()
  await form.goto(`${app.url}/indsend`)
  expect(await form.locator('main').innerText()).toContain('Succeshistorier – næste runde')
  await fillSubmissionForm(form, {
    organisationName: 'Boligforeningen Demo',
    organisationKind: 'housing-organisation',
    contactName: 'Dorthe Demo',
    contactEmail: 'dorthe@example.dk',
    partnerCompanyName: 'Demo Byg ApS',
    title: 'Lektiecafé i kantinen',
    description: 'Byggefirmaet åbner kantinen for lektiecafé hver tirsdag.',
    theme: 'Naboskab og fællesskab',
    municipality: 'Aarhus',
  })
  await form.getByRole('button', { name: 'Send historien' }).click()
  await form.waitForURL(/\/indsend\/tak\?kvittering=/)
  const receipt = new URL(form.url()).searchParams.get('kvittering')
  await form.close()

  const page = await browser.newPage()
  await page.goto(`${app.url}/admin/login`)
  await page.fill('input[name="email"]', ADMIN.email)
  await page.fill('input[name="password"]', ADMIN.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(`${app.url}/admin`)
  await page.goto(`${app.url}/admin/collections/submissions/${receipt}`)
  await page.getByRole('button', { name: 'Opret historie' }).click()
  // The admin navigates on the client (Next's router): no load event, only the new URL.
  await page.waitForURL(/\/admin\/collections\/stories\/\d+$/, { waitUntil: 'commit' }).catch(async (error: unknown) => {
    await page.screenshot({ path: path.join(root, 'create-story-failed.png'), fullPage: true })
    throw error
  })
  await page.locator('input[name="title"]').waitFor()
  expect(await page.locator('input[name="title"]').inputValue()).toBe('Lektiecafé i kantinen')
  await page.screenshot({ path: path.join(root, 'admin-story-from-submission.png'), fullPage: true })
  await page.close()
}, 120_000)

test('SIGTERM stops the server gracefully with exit code 0', async () => {
  expect(await stopAppProcess(app.child)).toBe(0)
  expect(app.output()).toContain('SIGTERM: stopping gracefully')
})
