import type { Payload } from 'payload'

import { INDICATORS, SUMMABLE_INDICATOR_KEYS } from '../constants/indicators'
import { MUNICIPALITIES } from '../constants/municipalities'
import { THEMES } from '../constants/themes'
import { relationId } from '../lib/relationId'
import type { Agreement, AgreementReview, Story } from '../payload-types'
import type { Locale } from '../public-api/messages'
import { PUBLIC_AGREEMENTS } from './agreementSummaries'

export { publicAgreementSummaries, type PublicAgreementSummary } from './agreementSummaries'

export type ThemeCount = { key: string; label: string; count: number }
export type MunicipalityCount = { code: string; name: string; count: number }
export type CountsBy = { total: number; byTheme: ThemeCount[]; byMunicipality: MunicipalityCount[] }
/** A sum over public sources, with how many agreements and stories it is made of. */
export type IndicatorFigure = { key: string; label: string; unit: string; total: number; agreements: number; stories: number }
export type ImpactFigures = { stories: CountsBy; agreements: CountsBy; indicators: IndicatorFigure[] }

type Counted = { themes?: string[] | null; municipality?: string | null }

/** Every theme (zeros too, so charts compare like with like); municipalities that have any, most first. */
const countsOf = (docs: Counted[], locale: Locale): CountsBy => {
  const perMunicipality = new Map<string, number>()
  for (const doc of docs) if (doc.municipality) perMunicipality.set(doc.municipality, (perMunicipality.get(doc.municipality) ?? 0) + 1)
  return {
    total: docs.length,
    byTheme: THEMES.map((theme) => ({
      key: theme.key,
      label: theme.label[locale],
      count: docs.filter((doc) => (doc.themes ?? []).includes(theme.key)).length,
    })),
    byMunicipality: [...perMunicipality]
      .map(([code, count]) => ({ code, name: MUNICIPALITIES.find((m) => m.code === code)?.name ?? code, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'da')),
  }
}

/** Per indicator key: the running sum and the documents that added to it. */
class Sums {
  private readonly totals = new Map<string, { total: number; agreements: Set<string>; stories: Set<string> }>()

  add(key: string | null | undefined, value: number | null | undefined, source: { agreement: string } | { story: string }) {
    if (!key || typeof value !== 'number' || !Number.isFinite(value)) return
    // `other` figures are each their own measure: they are shown where they belong, never summed.
    if (!(SUMMABLE_INDICATOR_KEYS as string[]).includes(key)) return
    const sum = this.totals.get(key) ?? { total: 0, agreements: new Set<string>(), stories: new Set<string>() }
    sum.total += value
    if ('agreement' in source) sum.agreements.add(source.agreement)
    else sum.stories.add(source.story)
    this.totals.set(key, sum)
  }

  /** Every summable indicator in catalogue order, zeros included: the shape does not change with the data. */
  figures(locale: Locale): IndicatorFigure[] {
    return INDICATORS.filter((indicator) => (SUMMABLE_INDICATOR_KEYS as string[]).includes(indicator.key)).map((indicator) => {
      const sum = this.totals.get(indicator.key)
      return {
        key: indicator.key,
        label: indicator.label[locale],
        unit: indicator.unit[locale],
        // Decimal inputs (kg) summed in binary drift: keep what people typed, to the hundredth.
        total: Math.round((sum?.total ?? 0) * 100) / 100,
        agreements: sum?.agreements.size ?? 0,
        stories: sum?.stories.size ?? 0,
      }
    })
  }
}

/**
 * The impact figures (SPEC §9), from public sources only: published stories (read as the public
 * reads them) and agreements with a public summary. Indicator sums add every held review's
 * achieved values and published stories' outcomes that name an indicator. One query per
 * collection, selecting only the fields counted.
 */
export const impactFigures = async (payload: Payload, locale: Locale): Promise<ImpactFigures> => {
  const stories = (
    await payload.find({
      collection: 'stories',
      select: { themes: true, municipality: true, outcomes: { indicator: true, value: true } },
      depth: 0,
      pagination: false,
      overrideAccess: false,
    })
  ).docs as Story[]
  const agreements = (
    await payload.find({
      collection: 'agreements',
      where: PUBLIC_AGREEMENTS,
      select: { themes: true, municipality: true },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs as Agreement[]
  const reviews = agreements.length
    ? ((
        await payload.find({
          collection: 'agreement-reviews',
          where: { agreement: { in: agreements.map((agreement) => agreement.id) } },
          select: { agreement: true, results: { figures: { indicator: true, achieved: true } } },
          depth: 0,
          pagination: false,
          overrideAccess: true,
        })
      ).docs as AgreementReview[])
    : []

  const sums = new Sums()
  for (const review of reviews) {
    const agreement = String(relationId(review.agreement))
    for (const result of review.results ?? []) for (const figure of result.figures ?? []) sums.add(figure.indicator, figure.achieved, { agreement })
  }
  for (const story of stories) for (const outcome of story.outcomes ?? []) sums.add(outcome.indicator, outcome.value, { story: String(story.id) })

  return { stories: countsOf(stories, locale), agreements: countsOf(agreements, locale), indicators: sums.figures(locale) }
}
