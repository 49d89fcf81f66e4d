/**
 * Embeds and shares (issue #15, item 6), over real HTTP and in Chromium: a story page's Open
 * Graph, Twitter and oEmbed discovery tags; the oEmbed 1.0 answer; `/embed/<slug>` plays inside
 * an iframe on another origin, and every other page refuses to be framed.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import type { Browser } from 'playwright-core'

import { launchChromium } from '../helpers/browser'
import { expectFirstVideoPlays } from '../helpers/pages'
import { useServer } from '../helpers/server'
import { buildCatalogue } from './fixtures'

const server = useServer()
const SLUG = 'cykelvaerksted-i-kaelderen'
let browser: Browser
let otherOrigin: http.Server
let otherUrl: string

beforeAll(async () => {
  // Absolute URLs in pages and answers point where the browser finds the server.
  process.env.PUBLIC_URL = server.current.url
  await buildCatalogue(server.current.payload)
  browser = await launchChromium()
  // Another origin (another host name and port) whose page frames ours.
  otherOrigin = http.createServer((req, res) => {
    const target = new URL(req.url!, 'http://x').searchParams.get('frame') ?? ''
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.end(`<!doctype html><html><body><iframe id="frame" src="${target}" width="640" height="400"></iframe></body></html>`)
  })
  await new Promise<void>((resolve) => otherOrigin.listen(0, '127.0.0.1', resolve))
  otherUrl = `http://127.0.0.1:${(otherOrigin.address() as AddressInfo).port}/`
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => otherOrigin?.close(resolve))
})

const meta = (page: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key.replace(/[:.]/g, '\\$&')}" content="([^"]*)">`).exec(page)?.[1]

describe('a story page tells where it is shared what it is', () => {
  test('Open Graph, Twitter player card, canonical URL and oEmbed discovery', async () => {
    const page = await (await fetch(`${server.current.url}/historier/${SLUG}`)).text()
    const story = (await (await fetch(`${server.current.url}/api/public/stories/${SLUG}`)).json()) as {
      title: string
      summary: string
      poster: { url: string }
      clips: { renditions: { url: string; mimeType: string; width: number; height: number }[] }[]
    }
    const top = story.clips[0].renditions[0]
    expect(meta(page, 'og:type')).toBe('video.other')
    expect(meta(page, 'og:title')).toBe(story.title)
    expect(meta(page, 'og:description')).toBe(story.summary)
    expect(meta(page, 'og:locale')).toBe('da_DK')
    expect(meta(page, 'og:url')).toBe(`${server.current.url}/historier/${SLUG}`)
    expect(meta(page, 'og:video')).toBe(top.url)
    expect(meta(page, 'og:video:type')).toBe('video/mp4')
    expect(meta(page, 'og:video:width')).toBe(String(top.width))
    expect(meta(page, 'og:image')).toBe(story.poster.url)
    expect(meta(page, 'twitter:card')).toBe('player')
    expect(meta(page, 'twitter:player')).toBe(`${server.current.url}/embed/${SLUG}`)
    expect(page).toContain(`<link rel="canonical" href="${server.current.url}/historier/${SLUG}">`)
    const discovery = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page)?.[1]
    expect(discovery).toBe(`${server.current.url}/oembed?url=${encodeURIComponent(`${server.current.url}/historier/${SLUG}`)}&amp;format=json`)
    // Every image and video the tags name is really there.
    for (const url of [meta(page, 'og:image')!, meta(page, 'og:video')!]) {
      expect((await fetch(url)).status).toBe(200)
    }
  })
})

describe('oEmbed 1.0', () => {
  const oembed = (query: string) => fetch(`${server.current.url}/oembed?${query}`)
  const storyUrl = () => encodeURIComponent(`${server.current.url}/historier/${SLUG}`)

  test('a story URL gives a video answer with every field oEmbed 1.0 requires', async () => {
    const res = await oembed(`url=${storyUrl()}&format=json`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const answer = (await res.json()) as Record<string, unknown>
    // §2.3.4: version, type; for `video`: html, width, height. Thumbnails come as a trio.
    expect(answer).toMatchObject({ version: '1.0', type: 'video', provider_name: 'Business2Community', provider_url: `${server.current.url}/` })
    expect(answer.title).toBe('Cykelværksted i kælderen')
    expect(typeof answer.width).toBe('number')
    expect(typeof answer.height).toBe('number')
    expect(answer.html).toMatch(new RegExp(`^<iframe src="${server.current.url}/embed/${SLUG}" width="${answer.width}" height="${answer.height}" title="Cykelværksted i kælderen"`))
    expect(['thumbnail_url', 'thumbnail_width', 'thumbnail_height'].filter((key) => key in answer)).toHaveLength(3)
    for (const key of Object.keys(answer)) {
      expect(['version', 'type', 'title', 'author_name', 'author_url', 'provider_name', 'provider_url', 'cache_age', 'thumbnail_url', 'thumbnail_width', 'thumbnail_height', 'html', 'width', 'height']).toContain(key)
    }
  })

  test('maxwidth and maxheight are kept, with the clip’s aspect ratio', async () => {
    const full = (await (await oembed(`url=${storyUrl()}`)).json()) as { width: number; height: number }
    const narrow = (await (await oembed(`url=${storyUrl()}&maxwidth=320`)).json()) as { width: number; height: number }
    expect(narrow.width).toBe(320)
    expect(narrow.height).toBeLessThanOrEqual(Math.ceil((320 * full.height) / full.width))
    const low = (await (await oembed(`url=${storyUrl()}&maxheight=100`)).json()) as { width: number; height: number }
    expect(low.height).toBeLessThanOrEqual(100)
    expect(low.width).toBeLessThan(full.width)
  })

  test('xml is 501, a URL that is no published story 404, no url 400 — the error shape each time', async () => {
    const xml = await oembed(`url=${storyUrl()}&format=xml`)
    expect(xml.status).toBe(501)
    expect(await xml.json()).toEqual({ error: { code: 'not_implemented', message: 'Kun format=json understøttes' } })
    for (const url of [`${server.current.url}/historier/kladde`, 'https://example.org/historier/' + SLUG, `${server.current.url}/historier/findes-ikke`]) {
      const res = await oembed(`url=${encodeURIComponent(url)}`)
      expect({ url, status: res.status }).toEqual({ url, status: 404 })
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found')
    }
    expect((await oembed('format=json')).status).toBe(400)
  })
})

describe('framing', () => {
  test('only the embed page may be framed, by any origin', async () => {
    const embed = await fetch(`${server.current.url}/embed/${SLUG}`)
    expect(embed.status).toBe(200)
    expect(embed.headers.get('x-frame-options')).toBeNull()
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *')
    for (const path of ['/', `/historier/${SLUG}`, '/indsend', '/effekt', '/organisationer/testfirma-aps']) {
      const res = await fetch(`${server.current.url}${path}`)
      expect({ path, xfo: res.headers.get('x-frame-options') }).toEqual({ path, xfo: 'DENY' })
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    }
  })

  test('in Chromium, the embed page plays inside an iframe on another origin; the story page is refused there', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${otherUrl}?frame=${encodeURIComponent(`${server.current.url}/embed/${SLUG}`)}`)
    const frame = await (await page.waitForSelector('#frame')).contentFrame()
    expect(frame).not.toBeNull()
    await frame!.waitForSelector('video')
    expect(await frame!.locator('video').first().getAttribute('data-player')).toBe('hls.js')
    await expectFirstVideoPlays(frame!)
    const tracks = await frame!.locator('video').first().evaluate((element: HTMLVideoElement) => Array.from(element.textTracks).map((track) => track.language))
    expect(tracks).toEqual(['da'])
    expect(await frame!.locator('a[target=_blank]').getAttribute('href')).toBe(`${server.current.url}/historier/${SLUG}`)
    expect(errors).toEqual([])

    const refused = await browser.newPage()
    await refused.goto(`${otherUrl}?frame=${encodeURIComponent(`${server.current.url}/historier/${SLUG}`)}`)
    const storyFrame = await (await refused.waitForSelector('#frame')).contentFrame()
    // Chromium shows its own error page in place of a refused frame: none of the story is there.
    await storyFrame!.waitForLoadState('load')
    expect(storyFrame!.url()).not.toContain('/historier/')
    expect(await storyFrame!.locator('h1', { hasText: 'Cykelværksted' }).count()).toBe(0)
    await page.close()
    await refused.close()
  })
})
