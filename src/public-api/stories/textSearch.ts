import type { Payload, Where } from 'payload'

import type { Locale } from '../messages'

/**
 * SQLite's LIKE, which Payload's `like` operator emits with no ESCAPE clause, reads `%` and `_`
 * as wildcards that no escaping can turn off: `q=%` matched every story. `\` is literal there.
 */
const LIKE_WILDCARD = /[%_]/

/** Payload's `like`: every space-separated word is in the field, case-insensitive. */
const likeWhere = (q: string): Where => ({ or: [{ title: { like: q } }, { summary: { like: q } }] })

const words = (q: string) => q.toLocaleLowerCase('da').split(' ').filter(Boolean)

const hasEveryWord = (text: string | null | undefined, wanted: string[]) => {
  const haystack = (text ?? '').toLocaleLowerCase('da')
  return wanted.every((word) => haystack.includes(word))
}

/**
 * The text-search condition for the public story list, with `%` and `_` taken literally. A
 * query without them is Payload's `like` as before. With them, `like` still finds a superset
 * (a wildcard also matches itself), so the published candidates' titles and summaries are read
 * and checked word for word in code, and the list is narrowed to those ids, which keeps paging
 * and totals right. Returns null when no story matches.
 */
export const literalTextSearch = async (
  payload: Payload,
  q: string,
  { otherConditions, locale }: { otherConditions: Where[]; locale: Locale },
): Promise<Where | null> => {
  if (!LIKE_WILDCARD.test(q)) return likeWhere(q)
  const { docs } = await payload.find({
    collection: 'stories',
    where: { and: [...otherConditions, likeWhere(q)] },
    select: { title: true, summary: true },
    pagination: false,
    depth: 0,
    locale,
    fallbackLocale: 'da',
    // The same reader as the list itself: only what the public may see is a candidate.
    overrideAccess: false,
  })
  const wanted = words(q)
  const ids = docs.filter((story) => hasEveryWord(story.title, wanted) || hasEveryWord(story.summary, wanted)).map((story) => story.id)
  return ids.length ? { id: { in: ids } } : null
}
