import type { PublicAgreementSummary } from '../../impact/agreementSummaries'
import type { Clip, Organisation, Story } from '../../payload-types'
import { INITIATIVE_KINDS } from '../../constants/initiativeKinds'
import { THEMES } from '../../constants/themes'
import type { Locale } from '../messages'
import { publicClipView } from './clip'
import { publicImage } from './media'
import { municipalityView, organisationRef } from './organisation'
import { bodyHtml } from './richText'

const objects = <T extends object>(values: unknown): T[] =>
  (Array.isArray(values) ? values : [values]).filter((value): value is T => Boolean(value) && typeof value === 'object')

/** Only clips the public may see come back populated; the rest are bare ids and are dropped. */
const visibleClips = (story: Story) => objects<Clip>(story.clips)

export const themeView = (key: string, locale: Locale) => ({
  key,
  label: THEMES.find((theme) => theme.key === key)?.label[locale] ?? key,
})

const organisationsOf = (story: Story) => [
  ...objects<Organisation>(story.housingOrganisation).map((org) => ({ ...organisationRef(org), role: 'housing-organisation' })),
  ...objects<Organisation>(story.department).map((org) => ({ ...organisationRef(org), role: 'department' })),
  ...objects<Organisation>(story.companies).map((org) => ({ ...organisationRef(org), role: 'company' })),
  ...objects<Organisation>(story.partners).map((org) => ({ ...organisationRef(org), role: 'partner' })),
]

/** A story in a list (SPEC §7 `GET /api/public/stories`). */
export const storyCard = (story: Story, locale: Locale) => {
  const clips = visibleClips(story)
  const first = clips[0] ? publicClipView(clips[0]) : null
  return {
    id: String(story.id),
    slug: story.slug ?? '',
    title: story.title,
    summary: story.summary,
    themes: (story.themes ?? []).map((key) => themeView(key, locale)),
    municipality: municipalityView(story.municipality),
    organisations: organisationsOf(story),
    poster: first?.poster ?? publicImage(story.heroImage),
    clipCount: clips.length,
    totalDuration: Math.round(clips.reduce((sum, clip) => sum + (clip.probe?.duration ?? 0), 0) * 10) / 10,
    publishedAt: story.publishedAt ?? null,
  }
}

/**
 * The whole story (SPEC §7 `GET /api/public/stories/:slug`), with the public summaries of the
 * agreements it is linked to (SPEC §9: their targets and each year's results).
 */
export const storyDetail = (story: Story, locale: Locale, agreements: PublicAgreementSummary[] = []) => ({
  ...storyCard(story, locale),
  bodyHtml: bodyHtml(story.body),
  heroImage: publicImage(story.heroImage),
  initiatives: (story.initiatives ?? []).map((initiative) => ({
    kind: initiative.kind,
    label: INITIATIVE_KINDS.find((kind) => kind.key === initiative.kind)?.label[locale] ?? initiative.kind,
    description: initiative.description ?? null,
  })),
  outcomes: (story.outcomes ?? []).map((outcome) => ({ label: outcome.label ?? '', value: outcome.value, unit: outcome.unit ?? null })),
  period: { start: story.period?.start ?? null, end: story.period?.end ?? null },
  clips: visibleClips(story).map(publicClipView),
  agreements,
})

export type StoryCard = ReturnType<typeof storyCard>
export type StoryDetail = ReturnType<typeof storyDetail>
