import { beforeAll, describe, expect, it } from '@jest/globals'

import { useServer } from '../helpers/server'
import { buildCatalogue } from './fixtures'

process.env.PUBLIC_URL = 'https://historier.example.dk'
const server = useServer()
let catalogue: Awaited<ReturnType<typeof buildCatalogue>>

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${server.current.url}${path}`, { headers })
  const text = await res.text()
  return { res, status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : null }
}

beforeAll(async () => {
  catalogue = await buildCatalogue(server.current.payload)
}, 180_000)

describe('GET /api/public/stories', () => {
  it('lists published stories newest first as cards, never drafts', async () => {
    const { status, body, res } = await get('/api/public/stories')
    expect(status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(body!.items.map((item: { slug: string }) => item.slug)).toEqual(['faelleshave-med-genbrugsplast', 'cykelvaerksted-i-kaelderen'])
    expect(body).toMatchObject({ page: 1, limit: 12, totalItems: 2, totalPages: 1 })
    const bike = body!.items[1]
    expect(bike).toMatchObject({
      title: 'Cykelværksted i kælderen',
      themes: [{ key: 'skills-and-jobs', label: 'Personlig udvikling, færdigheder og job' }, { key: 'sustainability', label: 'Bæredygtig omstilling' }],
      municipality: { code: '101', name: 'København' },
      clipCount: 1,
      publishedAt: '2026-03-01T10:00:00.000Z',
    })
    expect(bike.totalDuration).toBeCloseTo(2, 0)
    expect(bike.organisations).toEqual([
      { name: 'Testbolig', slug: 'testbolig', kind: 'housing-organisation', logo: null, role: 'housing-organisation' },
      { name: 'Testfirma ApS', slug: 'testfirma-aps', kind: 'company', logo: null, role: 'company' },
    ])
    expect(bike.poster.url).toMatch(new RegExp(`^https://historier\\.example\\.dk/media/posters/${catalogue.publicClip.id}/`))
    // The 160×120 test clip is smaller than every image size: only the original is offered.
    expect(bike.poster.srcset).toMatch(/klip-\d+-plakat\.jpg 160w$/)
  })

  it.each([
    ['theme=community', ['faelleshave-med-genbrugsplast']],
    ['theme=safety', []],
    ['municipality=101', ['cykelvaerksted-i-kaelderen']],
    ['organisation=groen-genbrug-a-s', ['faelleshave-med-genbrugsplast']],
    ['organisation=testfirma-aps', ['cykelvaerksted-i-kaelderen']],
    ['organisation=findes-ikke', []],
    ['q=genbrugsplast', ['faelleshave-med-genbrugsplast']],
    ['q=mekanikere', ['cykelvaerksted-i-kaelderen']],
    ['q=mechanics&locale=en', ['cykelvaerksted-i-kaelderen']],
    ['q=mekanikere&locale=en', []],
    ['theme=community&municipality=101', []],
  ])('filters by %s', async (query, slugs) => {
    const { status, body } = await get(`/api/public/stories?${query}`)
    expect(status).toBe(200)
    expect(body!.items.map((item: { slug: string }) => item.slug)).toEqual(slugs)
    expect(body!.totalItems).toBe(slugs.length)
  })

  it('pages: limit 1 page 2, a page past the end, and the limits of limit', async () => {
    const second = await get('/api/public/stories?limit=1&page=2')
    expect(second.body).toMatchObject({ page: 2, limit: 1, totalItems: 2, totalPages: 2 })
    expect(second.body!.items.map((item: { slug: string }) => item.slug)).toEqual(['cykelvaerksted-i-kaelderen'])
    const past = await get('/api/public/stories?limit=1&page=3')
    expect(past.status).toBe(200)
    expect(past.body!.items).toEqual([])
    expect((await get('/api/public/stories?limit=50')).status).toBe(200)
  })

  it.each([
    'limit=51',
    'limit=0',
    'page=0',
    'page=abc',
    'theme=weather',
    'municipality=999',
    'locale=de',
    'depth=5',
    'where[_status][equals]=draft',
    'draft=true',
    'theme=safety&theme=community',
    'organisation=Not%20A%20Slug',
  ])('answers 400 with the error shape for %s, never a 500', async (query) => {
    const { status, body } = await get(`/api/public/stories?${query}`)
    expect(status).toBe(400)
    expect(body!.error.code).toMatch(/^(invalid|unknown)_parameter$/)
    expect(typeof body!.error.message).toBe('string')
  })

  it('falls back to Danish where a story is not translated', async () => {
    const { body } = await get('/api/public/stories?locale=en')
    const [garden, bike] = body!.items
    expect(bike.title).toBe('Bike workshop in the basement')
    expect(bike.themes[0].label).toBe('Personal development, skills and jobs')
    expect(garden.title).toBe('Fælleshave med genbrugsplast')
  })
})

describe('GET /api/public/stories/:slug', () => {
  it('gives the whole story: sanitised body, initiatives, outcomes and only its public clips', async () => {
    const { status, body } = await get('/api/public/stories/cykelvaerksted-i-kaelderen')
    expect(status).toBe(200)
    expect(body!.bodyHtml).toContain('Hver onsdag &lt;script&gt;alert(1)&lt;/script&gt; mødes de.')
    expect(body!.bodyHtml).not.toMatch(/<script|javascript:/i)
    expect(body!.initiatives).toEqual([{ kind: 'job-training', label: 'Praktik og jobtræning', description: 'Praktik i værkstedet' }])
    expect(body!.outcomes).toEqual([{ label: 'Unge i job', value: 3, unit: 'personer' }])
    expect(body!.clips).toHaveLength(1)
    const [clip] = body!.clips
    expect(clip.title).toBe('Værkstedet om morgenen')
    expect(clip.hlsUrl).toMatch(/^https:\/\/historier\.example\.dk\/media\/clips\/\d+\/[0-9a-f]+\/master\.m3u8$/)
    expect(clip.renditions[0]).toMatchObject({ mimeType: 'video/mp4', label: expect.stringMatching(/p$/) })
    expect(clip.captions).toEqual([{ language: 'da', label: 'Dansk', url: expect.stringMatching(/\/media\/clips\/\d+\/captions\/da-[0-9a-f]+\.vtt$/) }])
  })

  it('404s for a draft, an unknown slug, and 400 for a malformed one', async () => {
    expect((await get('/api/public/stories/kladde')).status).toBe(404)
    const missing = await get('/api/public/stories/findes-ikke')
    expect(missing.status).toBe(404)
    expect(missing.body!.error.code).toBe('not_found')
    expect((await get('/api/public/stories/Ikke%20et%20slug')).status).toBe(400)
  })
})

describe('organisations, themes and the current call', () => {
  it('lists organisations with their published stories, filters by kind, and never shows contact e-mails', async () => {
    const { body } = await get('/api/public/organisations?kind=company')
    expect(body!.items.map((org: { name: string }) => org.name)).toEqual(['Grøn Genbrug A/S', 'Testfirma ApS'])
    const testfirma = body!.items[1]
    expect(testfirma.stories).toEqual([{ slug: 'cykelvaerksted-i-kaelderen', title: 'Cykelværksted i kælderen', publishedAt: '2026-03-01T10:00:00.000Z' }])
    const one = await get('/api/public/organisations/testbolig')
    expect(one.body).toMatchObject({ name: 'Testbolig', kind: 'housing-organisation' })
    expect(JSON.stringify(one.body)).not.toContain('kontakt@testbolig.dk')
    expect((await get('/api/public/organisations/findes-ikke')).status).toBe(404)
    expect((await get('/api/public/organisations?kind=kommune')).status).toBe(400)
  })

  it('counts published stories per theme, labels in the requested language', async () => {
    const { body } = await get('/api/public/themes')
    expect(body!.items).toEqual([
      { key: 'safety', label: 'Tryghed', storyCount: 0 },
      { key: 'skills-and-jobs', label: 'Personlig udvikling, færdigheder og job', storyCount: 1 },
      { key: 'sustainability', label: 'Bæredygtig omstilling', storyCount: 1 },
      { key: 'health', label: 'Mental og fysisk sundhed', storyCount: 0 },
      { key: 'community', label: 'Naboskab og fællesskab', storyCount: 1 },
    ])
    expect((await get('/api/public/themes?locale=en')).body!.items[0].label).toBe('Safety')
  })

  it('gives the open call with its deadline in ISO and in Danish time', async () => {
    const { status, body } = await get('/api/public/calls/current')
    expect(status).toBe(200)
    expect(body).toMatchObject({ slug: 'aaben-indkaldelse', title: 'Åben indkaldelse', status: 'open', contact: { name: 'Neighborhood Lab' } })
    expect(body!.deadline).toBe(catalogue.call.deadline)
    expect(body!.deadlineLocal).toMatch(/^\d{1,2}\. \p{L}+ \d{4} kl\. \d{2}\.\d{2}$/u)
  })
})

describe('caching and CORS', () => {
  it('sends ETag and Cache-Control, and 304 for a matching If-None-Match', async () => {
    const first = await get('/api/public/stories?theme=community')
    expect(first.res.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300')
    const etag = first.res.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await fetch(`${server.current.url}/api/public/stories?theme=community`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const other = await fetch(`${server.current.url}/api/public/stories?theme=community`, { headers: { 'if-none-match': '"something-else"' } })
    expect(other.status).toBe(200)
  })

  it('allows every origin to read by default, and answers preflights', async () => {
    const { res } = await get('/api/public/themes', { origin: 'https://partner.example.org' })
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const preflight = await fetch(`${server.current.url}/api/public/stories`, {
      method: 'OPTIONS',
      headers: { origin: 'https://partner.example.org', 'access-control-request-method': 'GET' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET')
    // Posting is not open to every origin.
    const post = await fetch(`${server.current.url}/api/public/submissions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://partner.example.org', 'access-control-request-method': 'POST' },
    })
    expect(post.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('notices a change made by another process (no hooks ran here) within about a second', async () => {
    const before = await get('/api/public/stories/faelleshave-med-genbrugsplast')
    expect(before.body!.title).toBe('Fælleshave med genbrugsplast')
    // Straight through the database adapter, as another process's save would arrive.
    await server.current.payload.db.updateOne({
      collection: 'organisations',
      id: catalogue.company2.id,
      data: { name: 'Grøn Genbrug og Co A/S', updatedAt: new Date().toISOString() },
    })
    let name = ''
    for (let i = 0; i < 40 && name !== 'Grøn Genbrug og Co A/S'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      const { body } = await get('/api/public/stories/faelleshave-med-genbrugsplast')
      name = body!.organisations.find((org: { role: string }) => org.role === 'company').name
    }
    expect(name).toBe('Grøn Genbrug og Co A/S')
  })
})
