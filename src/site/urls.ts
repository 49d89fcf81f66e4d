import { readEnv } from '../config/env'

/**
 * Where the reference site shows a story, an organisation or a story's embed: one spelling for
 * the pages' links, the feeds, oEmbed, the share tags and the sitemap.
 */
export const storyPath = (slug: string) => `/historier/${encodeURIComponent(slug)}`
export const organisationPath = (slug: string) => `/organisationer/${encodeURIComponent(slug)}`
export const embedPath = (slug: string) => `/embed/${encodeURIComponent(slug)}`

/** The same, absolute, from PUBLIC_URL: for what is read away from the site (feeds, embeds, shares). */
export const storyPageUrl = (slug: string) => `${readEnv().publicUrl}${storyPath(slug)}`
export const organisationPageUrl = (slug: string) => `${readEnv().publicUrl}${organisationPath(slug)}`
export const embedUrl = (slug: string) => `${readEnv().publicUrl}${embedPath(slug)}`
