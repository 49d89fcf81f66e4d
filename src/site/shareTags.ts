import { readEnv } from '../config/env'
import { html, type SafeHtml } from '../lib/html'
import type { StoryDetail } from '../public-api/serialize/story'
import { embedUrl, storyPageUrl } from './urls'

export const SITE_NAME = 'Business2Community'

export const oembedUrl = (slug: string) =>
  `${readEnv().publicUrl}/oembed?url=${encodeURIComponent(storyPageUrl(slug))}&format=json`

/**
 * What a story page tells the sites it is shared on (issue #15, item 6): its canonical URL,
 * Open Graph (the top MP4 as og:video, the poster as og:image, Danish), a Twitter player card
 * (the frameable /embed page) and the oEmbed discovery link, so CMSs embed it from its URL.
 */
export const storyShareTags = (story: StoryDetail): SafeHtml => {
  const url = storyPageUrl(story.slug)
  const clip = story.clips[0]
  const top = clip?.renditions[0]
  const image = story.poster
  const https = url.startsWith('https:')
  return html`<link rel="canonical" href="${url}">
<meta name="description" content="${story.summary}">
<link rel="alternate" type="application/json+oembed" href="${oembedUrl(story.slug)}" title="${story.title}">
<meta property="og:site_name" content="${SITE_NAME}">
<meta property="og:locale" content="da_DK">
<meta property="og:type" content="${top ? 'video.other' : 'article'}">
<meta property="og:title" content="${story.title}">
<meta property="og:description" content="${story.summary}">
<meta property="og:url" content="${url}">
${image
  ? html`<meta property="og:image" content="${image.url}">
${image.width ? html`<meta property="og:image:width" content="${image.width}">` : ''}
${image.height ? html`<meta property="og:image:height" content="${image.height}">` : ''}
${image.alt ? html`<meta property="og:image:alt" content="${image.alt}">` : ''}`
  : ''}
${top
  ? html`<meta property="og:video" content="${top.url}">
${https ? html`<meta property="og:video:secure_url" content="${top.url}">` : ''}
<meta property="og:video:type" content="${top.mimeType}">
<meta property="og:video:width" content="${top.width}">
<meta property="og:video:height" content="${top.height}">
<meta name="twitter:card" content="player">
<meta name="twitter:player" content="${embedUrl(story.slug)}">
<meta name="twitter:player:width" content="${top.width}">
<meta name="twitter:player:height" content="${top.height}">`
  : html`<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">`}
<meta name="twitter:title" content="${story.title}">
<meta name="twitter:description" content="${story.summary}">
${image ? html`<meta name="twitter:image" content="${image.url}">` : ''}`
}
