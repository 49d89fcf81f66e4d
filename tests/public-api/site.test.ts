/**
 * The Danish reference site in Debian's Chromium: the catalogue with its filters and pages, a
 * story page whose video really plays (hls.js over MSE) with its captions listed, and an
 * organisation page, all from the public data layer.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser } from 'playwright-core'

import { launchChromium } from '../helpers/browser'
import { expectFirstVideoPlays } from '../helpers/pages'
import { publishStory } from '../helpers/stories'
import { useServer } from '../helpers/server'
import { buildCatalogue } from './fixtures'

const server = useServer()
let browser: Browser
let catalogue: Awaited<ReturnType<typeof buildCatalogue>>

beforeAll(async () => {
  // PUBLIC_URL must be where the browser finds the server: absolute URLs in pages point there.
  process.env.PUBLIC_URL = server.current.url
  catalogue = await buildCatalogue(server.current.payload)
  // Enough older stories for a second catalogue page (12 a page).
  for (let i = 1; i <= 11; i++) {
    await publishStory(server.current.payload, {
      housing: catalogue.people.housing.id,
      company: catalogue.people.company.id,
      title: `Ældre historie ${i}`,
      themes: ['health'],
      publishedAt: new Date(Date.UTC(2025, 0, i)).toISOString(),
    })
  }
  browser = await launchChromium()
}, 240_000)
afterAll(async () => {
  await browser?.close()
})

describe('reference site', () => {
  it('shows the catalogue, filters by theme without JavaScript, and pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const res = await page.goto(`${server.current.url}/`)
    expect(res?.status()).toBe(200)
    expect(await page.getAttribute('html', 'lang')).toBe('da')
    expect(await page.locator('[role=status]').innerText()).toBe('13 historier')
    const titles = await page.locator('.card h2').allInnerTexts()
    expect(titles).toHaveLength(12)
    expect(titles.slice(0, 2)).toEqual(['Fælleshave med genbrugsplast', 'Cykelværksted i kælderen'])

    await page.getByRole('link', { name: 'Næste' }).click()
    expect(await page.locator('.card h2').allInnerTexts()).toEqual(['Ældre historie 1'])
    expect(await page.locator('[aria-current=page]').innerText()).toBe('Side 2 af 2')

    await page.getByLabel('Tema', { exact: true }).selectOption('community')
    await page.getByRole('button', { name: 'Vis historier' }).click()
    expect(page.url()).toContain('tema=community')
    expect(await page.locator('.card h2').allInnerTexts()).toEqual(['Fælleshave med genbrugsplast'])
    await page.getByLabel('Tema', { exact: true }).selectOption('')
    await page.getByLabel('Kommune').selectOption({ label: 'København' })
    await page.getByRole('button', { name: 'Vis historier' }).click()
    expect(await page.locator('.card h2').allInnerTexts()).toContain('Cykelværksted i kælderen')
    expect(await page.locator('.card h2').allInnerTexts()).not.toContain('Fælleshave med genbrugsplast')
    await context.close()
  })

  it('plays the story video in Chromium, with its captions listed', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${server.current.url}/historier/cykelvaerksted-i-kaelderen`)
    expect(await page.locator('h1').innerText()).toBe('Cykelværksted i kælderen')
    expect(await page.locator('.body').innerHTML()).not.toContain('<script')
    expect(await page.locator('#indsatser + ul').innerText()).toContain('Praktik og jobtræning')
    expect(await page.locator('.outcomes').innerText()).toContain('Unge i job')

    const video = page.locator('video').first()
    expect(await video.getAttribute('data-player')).toBe('hls.js')
    await expectFirstVideoPlays(page)
    const tracks = await video.evaluate((element: HTMLVideoElement) =>
      Array.from(element.textTracks).map((track) => ({ kind: track.kind, label: track.label, language: track.language })),
    )
    // hls.js found the captions in the HLS master (the page's own <track> is set aside while HLS
    // plays): a subtitle rendition, listed once.
    expect(tracks).toEqual([{ kind: 'subtitles', label: 'Dansk', language: 'da' }])
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows an organisation page with its stories, and a Danish 404 for what is not published', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.current.url}/organisationer/testfirma-aps`)
    expect(await page.locator('h1').innerText()).toBe('Testfirma ApS')
    expect(await page.locator('main').innerText()).toContain('Cykelværksted i kælderen')
    const missing = await page.goto(`${server.current.url}/historier/kladde`)
    expect(missing?.status()).toBe(404)
    expect(await page.locator('h1').innerText()).toBe('Siden findes ikke')
    await page.close()
  })
})
