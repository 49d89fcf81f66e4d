import express from 'express'
import type { Payload } from 'payload'

import { readEnv } from '../config/env'
import { escapeHtml } from '../lib/html'
import { cachedGet } from '../public-api/cache'
import { organisationPath, storyPath } from './urls'

/** The sitemap protocol's limit for one file (https://www.sitemaps.org/protocol.html). */
const SITEMAP_LIMIT = 50_000

type Entry = { path: string; lastmod?: string | null }

/**
 * What search engines read (issue #15, item 6): `/robots.txt` keeps crawlers out of the admin
 * and the APIs and names the sitemap; `/sitemap.xml` lists the reference site's public pages:
 * the catalogue, the form, the impact page, every published story and every organisation.
 * Read with the public's access (published stories only), cached like the rest of the site.
 */
export const crawlerFiles = (payload: Payload) => {
  const router = express.Router()
  router.get(
    '/robots.txt',
    cachedGet(async () => ({
      body: ['User-agent: *', 'Disallow: /admin', 'Disallow: /api/', 'Disallow: /embed/', '', `Sitemap: ${readEnv().publicUrl}/sitemap.xml`, ''].join('\n'),
      type: 'text/plain; charset=utf-8',
      locale: 'da',
    })),
  )
  router.get(
    '/sitemap.xml',
    cachedGet(async () => ({ body: sitemap(await publicPages(payload)), type: 'application/xml; charset=utf-8', locale: 'da' })),
  )
  return router
}

const publicPages = async (payload: Payload): Promise<Entry[]> => {
  const [stories, organisations] = await Promise.all([
    payload.find({
      collection: 'stories',
      where: { _status: { equals: 'published' } },
      select: { slug: true, updatedAt: true },
      sort: '-publishedAt',
      depth: 0,
      limit: SITEMAP_LIMIT,
      overrideAccess: false,
    }),
    payload.find({
      collection: 'organisations',
      select: { slug: true, updatedAt: true },
      sort: 'name',
      depth: 0,
      limit: SITEMAP_LIMIT,
      overrideAccess: false,
    }),
  ])
  const fixed: Entry[] = [{ path: '/' }, { path: '/indsend' }, { path: '/effekt' }]
  const pages = [
    ...fixed,
    ...stories.docs.flatMap((doc) => (doc.slug ? [{ path: storyPath(doc.slug), lastmod: doc.updatedAt }] : [])),
    ...organisations.docs.flatMap((doc) => (doc.slug ? [{ path: organisationPath(doc.slug), lastmod: doc.updatedAt }] : [])),
  ]
  return pages.slice(0, SITEMAP_LIMIT)
}

const sitemap = (pages: Entry[]) => {
  const base = readEnv().publicUrl
  const urls = pages.map(
    ({ path, lastmod }) =>
      `<url><loc>${escapeHtml(`${base}${path}`)}</loc>${lastmod ? `<lastmod>${new Date(lastmod).toISOString()}</lastmod>` : ''}</url>`,
  )
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n')
}
