import express from 'express'
import type { Payload } from 'payload'

import { readEnv } from '../config/env'
import { html } from '../lib/html'
import { isSlug } from '../lib/slugify'
import { cachedGet } from '../public-api/cache'
import { PublicApiError, sendPublicError } from '../public-api/messages'
import type { StoryDetail } from '../public-api/serialize/story'
import { findStory } from '../public-api/stories'
import { renderPlayer } from './pages/story'
import { SITE_NAME } from './shareTags'
import { embedUrl, organisationPageUrl, storyPageUrl } from './urls'

const DEFAULT_WIDTH = 640

/** The story page's slug from a URL of ours (`…/historier/<slug>`, or the embed page itself). */
const slugFromUrl = (value: string): string | null => {
  const base = readEnv().publicUrl
  for (const prefix of [`${base}/historier/`, `${base}/embed/`]) {
    if (value.startsWith(prefix)) {
      const slug = decodeURIComponent(value.slice(prefix.length).split(/[?#]/)[0].replace(/\/$/, ''))
      return isSlug(slug) ? slug : null
    }
  }
  return null
}

const positive = (value: unknown) => {
  const number = Number(value)
  return Number.isInteger(number) && number > 0 ? number : undefined
}

/** The embed's size: the clip's own aspect ratio, within the consumer's maxwidth and maxheight. */
const embedSize = (story: StoryDetail, maxwidth?: number, maxheight?: number) => {
  const clip = story.clips[0]
  const ratio = clip?.width && clip.height ? clip.height / clip.width : 9 / 16
  let width = Math.min(maxwidth ?? DEFAULT_WIDTH, DEFAULT_WIDTH)
  let height = Math.round(width * ratio)
  if (maxheight && height > maxheight) {
    height = maxheight
    width = Math.round(height / ratio)
  }
  return { width, height }
}

/** oEmbed 1.0 (https://oembed.com/): a `video` for a story with a clip, a `rich` card for one without. */
export const oembedAnswer = (story: StoryDetail, maxwidth?: number, maxheight?: number) => {
  const { width, height } = embedSize(story, maxwidth, maxheight)
  const poster = story.poster
  const author = story.organisations[0]
  return {
    version: '1.0',
    type: story.clips.length ? 'video' : 'rich',
    title: story.title,
    provider_name: SITE_NAME,
    provider_url: `${readEnv().publicUrl}/`,
    ...(author ? { author_name: author.name, author_url: organisationPageUrl(author.slug) } : {}),
    html: html`<iframe src="${embedUrl(story.slug)}" width="${width}" height="${height}" title="${story.title}" loading="lazy" allow="fullscreen; picture-in-picture" allowfullscreen style="border:0"></iframe>`.value,
    width,
    height,
    ...(poster ? { thumbnail_url: poster.url, thumbnail_width: poster.width ?? undefined, thumbnail_height: poster.height ?? undefined } : {}),
    cache_age: 3600,
  }
}

/**
 * The frameable page: the story's first clip with its captions, and a link back to the story.
 * The frame is a document of its own, so it has its own main landmark and a (visually hidden)
 * heading that screen readers list; the link says that it opens a new window.
 */
const embedPage = (story: StoryDetail) =>
  html`<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${story.title} · ${SITE_NAME}</title>
<link rel="canonical" href="${storyPageUrl(story.slug)}">
<link rel="stylesheet" href="/assets/site.css">
</head>
<body class="embed">
<main>
<h1 class="visually-hidden">${story.title}</h1>
${story.clips[0] ? renderPlayer(story.clips[0], 0) : html`<p class="lead">${story.summary}</p>`}
<p class="embed-link"><a href="${storyPageUrl(story.slug)}" target="_blank" rel="noopener">${story.title} – se hele historien på ${SITE_NAME}<span class="visually-hidden"> (åbner i et nyt vindue)</span></a></p>
</main>
${story.clips.length ? html`<script src="/assets/hls.min.js" defer></script><script src="/assets/player.js" defer></script>` : ''}
</body>
</html>`.value

class NotFound extends Error {}

/**
 * `/embed/<slug>` (the only route that may be framed, by any origin: see `frameableAnywhere`)
 * and `/oembed?url=…&format=json` (issue #15, item 6). Both read the story as the public API
 * does (published, public clips only) and are cached like it.
 */
export const embedRoutes = (payload: Payload) => {
  const router = express.Router()
  router.get(
    '/embed/:slug',
    cachedGet(async (req) => {
      const slug = String(req.params.slug)
      const story = isSlug(slug) ? await findStory(payload, slug) : null
      if (!story) throw new NotFound()
      return { body: embedPage(story), type: 'text/html; charset=utf-8', locale: 'da' }
    }),
  )
  router.get(
    '/oembed',
    cachedGet(async (req) => {
      const format = typeof req.query.format === 'string' ? req.query.format : 'json'
      if (format !== 'json') {
        throw new PublicApiError(501, 'not_implemented', { da: 'Kun format=json understøttes', en: 'Only format=json is supported' })
      }
      const url = typeof req.query.url === 'string' ? req.query.url : ''
      if (!url) throw new PublicApiError(400, 'bad_request', { da: 'Parameteren url mangler', en: 'The url parameter is missing' })
      const slug = slugFromUrl(url)
      const story = slug ? await findStory(payload, slug) : null
      if (!story) throw new PublicApiError(404, 'not_found', { da: 'Ingen udgivet historie på den adresse', en: 'No published story at that URL' })
      const answer = oembedAnswer(story, positive(req.query.maxwidth), positive(req.query.maxheight))
      return { body: JSON.stringify(answer), type: 'application/json; charset=utf-8', locale: 'da' }
    }),
  )
  router.use('/embed', (error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!(error instanceof NotFound)) return next(error)
    res.status(404).type('html').send(html`<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Ikke fundet</title></head><body><p>Historien findes ikke, eller den er ikke udgivet.</p></body></html>`.value)
  })
  router.use('/oembed', (error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) =>
    error instanceof PublicApiError ? sendPublicError(req, res, error) : next(error),
  )
  return router
}
