import type { Payload } from 'payload'

import { THEMES } from '../constants/themes'
import type { Locale } from './messages'

/** The five themes (SPEC §3) with localized labels and how many published stories carry each. */
export const themesWithCounts = async (payload: Payload, locale: Locale) => ({
  items: await Promise.all(
    THEMES.map(async (theme) => ({
      key: theme.key,
      label: theme.label[locale],
      storyCount: (await payload.count({ collection: 'stories', where: { themes: { in: [theme.key] } }, overrideAccess: false })).totalDocs,
    })),
  ),
})
