/**
 * Issue #10, item 4: no security headers anywhere, so a foreign page could frame ours. Every
 * page type of the site now carries a CSP that forbids framing and inline script, `nosniff`, a
 * referrer policy, HSTS on https, and no `X-Powered-By`; what other sites embed (media, the
 * public API, feeds, public image files) keeps working cross-origin. The admin, served by Next,
 * is tested in admin-headers.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import type { Browser } from 'playwright-core'

import { launchChromium } from '../helpers/browser'
import { expectFirstVideoPlays } from '../helpers/pages'
import { makeTestPhoto } from '../helpers/photos'
import { cspOf, frameFromForeignPage, recordCspViolations, recordForeignRequests, startFramingSite, type FramingSite } from '../helpers/securityPages'
import { useServer } from '../helpers/server'
import { buildCatalogue } from '../public-api/fixtures'

const server = useServer({ runJobs: false })
let catalogue: Awaited<ReturnType<typeof buildCatalogue>>
let imageFile: string
let browser: Browser
let framing: FramingSite

beforeAll(async () => {
  // Absolute media URLs in pages point at PUBLIC_URL: here, the test server itself.
  process.env.PUBLIC_URL = server.current.url
  catalogue = await buildCatalogue(server.current.payload)
  const image = await server.current.payload.create({
    collection: 'media',
    data: { alt: 'Højbedene i gården' },
    filePath: await makeTestPhoto('hoejbede.jpg', { width: 400, height: 300 }),
  })
  imageFile = image.filename!
  browser = await launchChromium()
  framing = await startFramingSite()
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await framing?.close()
})

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.current.url}${path}`, { headers })

/** The CSP as a map of directive → sources. */

const expectCommonHeaders = (res: Response) => {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('x-powered-by')).toBeNull()
  expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  // Plain http: no HSTS (a browser would ignore it, and a local install must not be pinned).
  expect(res.headers.get('strict-transport-security')).toBeNull()
}

const STORY = '/historier/cykelvaerksted-i-kaelderen'

const PAGES = [
  ['the catalogue', '/', 200],
  ['a story page', STORY, 200],
  ['an organisation page', '/organisationer/testbolig', 200],
  ['the submission form', '/indsend', 200],
  ['the thank-you page', '/indsend/tak?kvittering=1', 200],
  ['a page that is not there', '/historier/findes-ikke', 404],
] as const

describe('the site\'s pages', () => {
  test.each(PAGES)('%s (%s) forbids framing and inline script', async (_name, path, status) => {
    const res = await get(path)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expectCommonHeaders(res)
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    const csp = cspOf(res)
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    expect(csp['default-src']).toEqual(["'self'"])
    expect(csp['script-src']).toEqual(["'self'"])
    expect(csp['style-src']).toEqual(["'self'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['form-action']).toEqual(["'self'"])
    expect(csp['upgrade-insecure-requests']).toBeUndefined()
  })
})

describe('what other sites use', () => {
  test('a rendition under /media: nosniff, loadable cross-origin, still cached for a year', async () => {
    const res = await get(catalogue.publicClip.renditions![0].url!)
    expect(res.status).toBe(200)
    expectCommonHeaders(res)
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(res.headers.get('cache-control')).toMatch(/max-age=31536000/)
  })

  test('the public API and a feed: nosniff, CORS and public caching as before', async () => {
    for (const path of ['/api/public/stories', '/feed/stories.json']) {
      const res = await get(path, { origin: 'https://partner.example.org' })
      expect(res.status).toBe(200)
      expectCommonHeaders(res)
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
      expect(res.headers.get('cache-control')).toMatch(/^public/)
    }
  })

  test('a public image file from Payload: nosniff and loadable cross-origin', async () => {
    const res = await get(`/api/media/file/${encodeURIComponent(imageFile)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/jpeg')
    expectCommonHeaders(res)
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
  })

  test('the site\'s own scripts and stylesheet: nosniff, same origin only', async () => {
    const res = await get('/assets/player.js')
    expect(res.status).toBe(200)
    expectCommonHeaders(res)
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin')
  })
})

test('on an https PUBLIC_URL every answer carries HSTS, and pages upgrade insecure requests', async () => {
  const before = process.env.PUBLIC_URL
  process.env.PUBLIC_URL = 'https://historier.example.dk'
  try {
    // Query strings of their own: the pages rendered here are cached under these URLs only.
    for (const path of ['/?https', '/indsend', '/api/public/themes?locale=en', catalogue.publicClip.renditions![0].url!]) {
      const res = await get(path)
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
    }
    const page = await get('/?https')
    expect(cspOf(page)['upgrade-insecure-requests']).toEqual([])
    expect(cspOf(page)['img-src']).toContain('https://historier.example.dk')
  } finally {
    process.env.PUBLIC_URL = before
  }
})

describe('in Chromium', () => {
  test('the story page plays its video (hls.js, MediaSource) with nothing refused by the policy and nothing from another host', async () => {
    const context = await browser.newContext()
    const violations = await recordCspViolations(context)
    const page = await context.newPage()
    const foreign = recordForeignRequests(page, server.current.url)
    await page.goto(`${server.current.url}${STORY}`)
    await page.waitForFunction(() => document.querySelector('video')?.getAttribute('data-player') === 'hls.js')
    await expectFirstVideoPlays(page)
    // The form page's script (upload progress) and the catalogue too.
    await page.goto(`${server.current.url}/indsend`)
    await page.goto(`${server.current.url}/`)
    expect(violations).toEqual([])
    expect(foreign).toEqual([])
    await context.close()
  })

  test('a page on another origin cannot frame the site (while a frame of its own loads)', async () => {
    const page = await browser.newPage()
    const own = await frameFromForeignPage(page, framing, `${framing.origin}/own`)
    expect(own.text).toContain('Rammens eget indhold')

    for (const path of ['/', STORY, '/indsend']) {
      const framed = await frameFromForeignPage(page, framing, `${server.current.url}${path}`)
      expect(framed.url).not.toBe(`${server.current.url}${path}`)
      expect(framed.text).not.toContain('Business2Community')
    }
    await page.close()
  })
})
