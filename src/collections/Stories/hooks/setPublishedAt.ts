import type { CollectionBeforeChangeHook } from 'payload'

/** The first publication date is kept; the feeds and "newest first" sort on it. */
export const setPublishedAt: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}
