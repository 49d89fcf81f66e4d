/**
 * `/robots.txt` and `/sitemap.xml` for the reference site (issue #15, item 6), over real HTTP:
 * the sitemap lists published stories and organisations with their absolute URLs, never a
 * draft, and is a sitemaps.org urlset; robots keeps crawlers out of the admin and the APIs.
 */
import { beforeAll, expect, test } from '@jest/globals'

import { publishStory } from '../helpers/stories'
import { useServer } from '../helpers/server'

const server = useServer()
let draftSlug: string
let publishedSlug: string
let organisationSlug: string

beforeAll(async () => {
  const payload = server.current.payload
  const housing = await payload.create({ collection: 'organisations', data: { kind: 'housing-organisation', name: 'Kortbolig' } })
  const company = await payload.create({ collection: 'organisations', data: { kind: 'company', name: 'Kortfirma ApS', cvr: '31313131' } })
  organisationSlug = housing.slug!
  publishedSlug = (await publishStory(payload, { housing: housing.id, company: company.id, title: 'Kortlagt historie' })).slug!
  const draft = await payload.create({
    collection: 'stories',
    data: { title: 'Hemmelig kladde på kortet', _status: 'draft' } as never,
    draft: true,
  })
  draftSlug = draft.slug!
})

test('the sitemap lists the public pages with absolute URLs, and no draft', async () => {
  const res = await fetch(`${server.current.url}/sitemap.xml`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^application\/xml/)
  expect(res.headers.get('etag')).toBeTruthy()
  const body = await res.text()
  expect(body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/)
  const locs = [...body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])
  const base = process.env.PUBLIC_URL ?? 'http://localhost:3000'
  for (const loc of locs) expect(loc.startsWith(base)).toBe(true)
  expect(locs).toEqual(
    expect.arrayContaining([`${base}/`, `${base}/indsend`, `${base}/effekt`, `${base}/historier/${publishedSlug}`, `${base}/organisationer/${organisationSlug}`]),
  )
  expect(body).not.toContain(draftSlug)
  // Every page the sitemap names answers 200 (the form answers 200 with "no open call").
  for (const loc of locs) {
    const page = await fetch(`${server.current.url}${new URL(loc).pathname}`)
    expect({ loc, status: page.status }).toEqual({ loc, status: 200 })
  }
})

test('robots.txt keeps crawlers out of the admin and the APIs, and names the sitemap', async () => {
  const res = await fetch(`${server.current.url}/robots.txt`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
  const lines = (await res.text()).split('\n')
  expect(lines).toEqual(expect.arrayContaining(['User-agent: *', 'Disallow: /admin', 'Disallow: /api/']))
  expect(lines.find((line) => line.startsWith('Sitemap: '))).toMatch(/^Sitemap: https?:\/\/.+\/sitemap\.xml$/)
})
