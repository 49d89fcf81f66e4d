import express from 'express'
import type { Payload } from 'payload'

import { readEnv } from '../../config/env'
import { escapeHtml } from '../../lib/html'
import { organisationPageUrl, storyPageUrl as storyUrl } from '../../site/urls'
import { cachedGet } from '../cache'
import { readQuery } from '../query'
import type { StoryDetail } from '../serialize/story'
import { latestStoryDetails } from '../stories'

const FEED_SIZE = 50
const TITLE = 'Business2Community – succeshistorier'
const DESCRIPTION = 'Boligorganisationer og lokale virksomheder, der skaber noget sammen.'

/** The latest published stories, whole (the feeds carry their clips and bodies). */
const latestStories = (payload: Payload): Promise<StoryDetail[]> => latestStoryDetails(payload, FEED_SIZE)

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export const jsonFeed = (stories: StoryDetail[]) => {
  const base = readEnv().publicUrl
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: TITLE,
    home_page_url: `${base}/`,
    feed_url: `${base}/feed/stories.json`,
    description: DESCRIPTION,
    language: 'da',
    items: stories.map((story) => {
      const top = story.clips[0]?.renditions[0]
      return {
        id: storyUrl(story.slug),
        url: storyUrl(story.slug),
        title: story.title,
        summary: story.summary,
        content_html: story.bodyHtml || `<p>${escapeHtml(story.summary)}</p>`,
        ...(story.poster ? { image: story.poster.url } : {}),
        ...(story.publishedAt ? { date_published: new Date(story.publishedAt).toISOString() } : {}),
        tags: story.themes.map((theme) => theme.label),
        authors: story.organisations.slice(0, 3).map((org) => ({ name: org.name, url: organisationPageUrl(org.slug) })),
        ...(top ? { attachments: [{ url: top.url, mime_type: top.mimeType, title: story.clips[0].title ?? story.title, ...(top.size ? { size_in_bytes: top.size } : {}), ...(story.clips[0].duration ? { duration_in_seconds: Math.round(story.clips[0].duration) } : {}) }] } : {}),
      }
    }),
  }
}

const xml = (text: string) => escapeHtml(text).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
const rfc822 = (iso: string) => new Date(iso).toUTCString()

/** RSS 2.0 with Media RSS (https://www.rssboard.org/media-rss) for the top MP4 and the poster. */
export const rssFeed = (stories: StoryDetail[]) => {
  const base = readEnv().publicUrl
  const items = stories.map((story) => {
    const clip = story.clips[0]
    const top = clip?.renditions[0]
    return [
      '<item>',
      `<title>${xml(story.title)}</title>`,
      `<link>${xml(storyUrl(story.slug))}</link>`,
      `<guid isPermaLink="true">${xml(storyUrl(story.slug))}</guid>`,
      `<description>${xml(story.summary)}</description>`,
      story.publishedAt ? `<pubDate>${rfc822(story.publishedAt)}</pubDate>` : '',
      ...story.themes.map((theme) => `<category>${xml(theme.label)}</category>`),
      // <enclosure> is what podcast and video apps read (RSS 2.0: url, length in bytes, type).
      top ? `<enclosure url="${xml(top.url)}" length="${top.size ?? 0}" type="${xml(top.mimeType)}"/>` : '',
      top
        ? `<media:content url="${xml(top.url)}" type="${xml(top.mimeType)}" medium="video" width="${top.width}" height="${top.height}"${clip.duration ? ` duration="${Math.round(clip.duration)}"` : ''}${top.bitrate ? ` bitrate="${Math.round(top.bitrate / 1000)}"` : ''}><media:title>${xml(clip.title ?? story.title)}</media:title></media:content>`
        : '',
      story.poster ? `<media:thumbnail url="${xml(story.poster.url)}"${story.poster.width ? ` width="${story.poster.width}"` : ''}${story.poster.height ? ` height="${story.poster.height}"` : ''}/>` : '',
      '</item>',
    ]
      .filter(Boolean)
      .join('')
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xml(TITLE)}</title>`,
    `<link>${xml(`${base}/`)}</link>`,
    `<description>${xml(DESCRIPTION)}</description>`,
    '<language>da</language>',
    `<atom:link href="${xml(`${base}/feed/stories.rss`)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
  ].join('\n')
}

/** /feed/stories.json and /feed/stories.rss: the latest 50 published stories (SPEC §7). */
export const feedsRouter = (payload: Payload) => {
  const router = express.Router()
  router.get(
    '/stories.json',
    cachedGet(async (req) => {
      readQuery(req, {})
      return { body: JSON.stringify(jsonFeed(await latestStories(payload))), type: 'application/feed+json; charset=utf-8', locale: 'da' }
    }),
  )
  router.get(
    '/stories.rss',
    cachedGet(async (req) => {
      readQuery(req, {})
      return { body: rssFeed(await latestStories(payload)), type: 'application/rss+xml; charset=utf-8', locale: 'da' }
    }),
  )
  return router
}
