/**
 * Accessibility of the reference site (issue #15, item 7), in Debian's Chromium: every public
 * page passes an axe-core scan (WCAG 2.0/2.1 A and AA plus best practices) with no serious or
 * critical violation, as served without JavaScript and, where a player runs, with it; and the
 * player's controls are reachable and usable from the keyboard alone.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser, Page } from 'playwright-core'

import { createAgreement, createParties } from '../helpers/agreements'
import { launchChromium } from '../helpers/browser'
import { useServer } from '../helpers/server'
import { buildCatalogue } from '../public-api/fixtures'

const server = useServer()
const STORY = '/historier/cykelvaerksted-i-kaelderen'
const EMBED = '/embed/cykelvaerksted-i-kaelderen'
const PAGES = ['/', STORY, '/organisationer/testfirma-aps', '/indsend', EMBED, '/effekt']
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

let browser: Browser
let axeSource: string

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }

beforeAll(async () => {
  // PUBLIC_URL must be where the browser finds the server: absolute URLs in pages point there.
  process.env.PUBLIC_URL = server.current.url
  const catalogue = await buildCatalogue(server.current.payload)
  // A public agreement with a held review, so /effekt draws its charts and tables with figures.
  const payload = server.current.payload
  const parties = await createParties(payload, 'Tilgængelig')
  const agreement = await createAgreement(payload, parties, { title: 'Aftale om værkstedet', publicSummary: true, stories: [catalogue.bike.id] })
  const [jobs, upcycling] = agreement.initiatives!
  await payload.create({
    collection: 'agreement-reviews',
    data: {
      agreement: agreement.id,
      heldOn: '2025-03-20',
      decision: 'continue',
      results: [
        { initiativeId: jobs.id, figures: [{ indicator: 'residents-in-jobs', achieved: 5 }] },
        { initiativeId: upcycling.id, figures: [{ indicator: 'items-repaired', achieved: 80 }] },
      ],
    } as never,
  })
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  browser = await launchChromium()
}, 240_000)
afterAll(async () => {
  await browser?.close()
})

/** A violation as a person reads it: rule, impact, what to do, and where. */
const describeViolation = (violation: Violation) =>
  `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes
    .map((node) => `    ${JSON.stringify(node.target)}${node.failureSummary ? ` – ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`)
    .join('\n')}`

/** Runs axe-core in the page and returns its serious and critical violations, readably. */
const seriousViolations = async (page: Page): Promise<string[]> => {
  await page.addScriptTag({ content: axeSource })
  const result = (await page.evaluate(
    (runOnly) => (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe.run(document, { runOnly }),
    TAGS,
  )) as { violations: Violation[]; passes: unknown[] }
  // The checker really ran its rules on this page (an empty answer could also mean it did not).
  expect(result.passes.length).toBeGreaterThan(10)
  return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map(describeViolation)
}

/**
 * Opens a page of the site for scanning, with or without its own scripts, runs `prepare` (to
 * wait for the player, or to bring the page into the state to scan), and scans it.
 */
const scan = async (path: string, { withScripts, prepare }: { withScripts: boolean; prepare?: (page: Page) => Promise<unknown> }) => {
  // The site's CSP (script-src 'self') forbids inline scripts, and axe-core can only be injected
  // as one: the scanning contexts bypass the CSP so that the checker itself can run. The pages
  // and their own scripts are still exactly what the server sends.
  const context = await browser.newContext({ bypassCSP: true })
  // Without its own scripts the page is what a browser without JavaScript shows (the site works
  // without it); the checker is injected afterwards either way.
  if (!withScripts) await context.route(/\.js(\?.*)?$/, (route) => route.abort())
  const page = await context.newPage()
  try {
    const response = await page.goto(`${server.current.url}${path}`)
    expect(response?.status()).toBe(200)
    await prepare?.(page)
    return await seriousViolations(page)
  } finally {
    await context.close()
  }
}

const playerLoaded = (page: Page) => page.waitForSelector('video[data-player]')

/**
 * Sends /indsend empty: it comes back with its error summary, an error at each required field,
 * and the keyboard focus on the summary (with or without JavaScript).
 */
const submitEmptyForm = async (page: Page) => {
  await page.getByRole('button', { name: 'Send historien' }).click()
  await page.locator('#fejl').waitFor()
  expect(await page.locator('.field-error').count()).toBeGreaterThan(3)
  await page.waitForFunction(() => document.activeElement?.id === 'fejl', undefined, { timeout: 5_000 })
}

describe('axe-core finds no serious or critical violation', () => {
  it.each(PAGES)('on %s as served (without its scripts)', async (path) => {
    expect(await scan(path, { withScripts: false })).toEqual([])
  })

  it.each([STORY, EMBED])('on %s with the player loaded', async (path) => {
    expect(await scan(path, { withScripts: true, prepare: playerLoaded })).toEqual([])
  })

  it('on /indsend with its errors shown, with and without its scripts', async () => {
    expect(await scan('/indsend', { withScripts: false, prepare: submitEmptyForm })).toEqual([])
    expect(await scan('/indsend', { withScripts: true, prepare: submitEmptyForm })).toEqual([])
  })

  it('and the scan does find one: an image without a text alternative on a page', async () => {
    const found = await scan('/organisationer/testfirma-aps', {
      withScripts: false,
      prepare: (page) => page.locator('main').evaluate((main) => main.insertAdjacentHTML('beforeend', '<img src="/assets/site.css">')),
    })
    expect(found).toEqual([expect.stringMatching(/^image-alt \(critical\): Images must have alternative text\n {4}\["img"\]/)])
  })
})

/** Tabs from the top of the page until the first video has focus; how many presses it took. */
const tabToVideo = async (page: Page) => {
  for (let presses = 1; presses <= 30; presses++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(() => document.activeElement === document.querySelector('video'))) return presses
  }
  return null
}

const videoState = (page: Page) =>
  page.locator('video').first().evaluate((video: HTMLVideoElement) => ({ paused: video.paused, time: video.currentTime }))

describe("the player's controls are reachable by keyboard", () => {
  it.each([STORY, EMBED])('on %s: Tab reaches the video, Space plays it and Space pauses it', async (path) => {
    const context = await browser.newContext()
    const page = await context.newPage()
    try {
      await page.goto(`${server.current.url}${path}`)
      await page.waitForSelector('video[data-player]')
      // Muted, so the browser's autoplay policy has no say in whether a key press plays it.
      await page.locator('video').first().evaluate((video: HTMLVideoElement) => {
        video.muted = true
      })
      expect(await tabToVideo(page)).not.toBeNull()
      expect((await videoState(page)).paused).toBe(true)

      await page.keyboard.press('Space')
      await page.waitForFunction(() => {
        const video = document.querySelector('video') as HTMLVideoElement
        return !video.paused && video.currentTime > 0.3
      }, undefined, { timeout: 30_000 })
      expect((await videoState(page)).paused).toBe(false)

      await page.keyboard.press('Space')
      await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).paused, undefined, { timeout: 10_000 })
      const paused = await videoState(page)
      // Paused for real: the clock stands still.
      await page.waitForTimeout(500)
      expect(await videoState(page)).toEqual(paused)
    } finally {
      await context.close()
    }
  })
})
