import type { Payload, Where } from 'payload'

import { agreementStatus, type AgreementStatus } from '../agreements/status'
import { dayOf, type Day } from '../agreements/dates'
import { describeIndicator } from '../constants/indicators'
import { INITIATIVE_KINDS } from '../constants/initiativeKinds'
import { THEMES } from '../constants/themes'
import { relationId } from '../lib/relationId'
import type { Agreement, AgreementReview, Organisation, Story } from '../payload-types'
import type { Locale } from '../public-api/messages'
import { municipalityView, organisationRef, type OrganisationRef, type PublicMunicipality } from '../public-api/serialize/organisation'

/**
 * Which agreements the public may see: those whose parties turned the public summary on and
 * that are past the draft. Everything about them is read with overrideAccess (anonymous users
 * may read no agreement at all), so only the fields below ever leave this file.
 */
export const PUBLIC_AGREEMENTS: Where = { and: [{ publicSummary: { equals: true } }, { state: { not_equals: 'draft' } }] }

export type PartyRole = 'housing-organisation' | 'department' | 'company' | 'partner'
type PublicFigure = { indicator: string; label: string; unit: string }

export type PublicAgreementSummary = {
  id: string
  slug: string
  title: string
  purpose: string | null
  themes: { key: string; label: string }[]
  municipality: PublicMunicipality
  startDate: Day
  endDate: Day | null
  status: AgreementStatus
  parties: (OrganisationRef & { role: PartyRole })[]
  initiatives: {
    id: string
    kind: string
    kindLabel: string
    what: string
    responsible: string | null
    targets: (PublicFigure & { target: number })[]
  }[]
  /** Held reviews, oldest first: per initiative what was agreed for that year and what was achieved. */
  reviews: {
    year: number
    heldOn: Day
    decision: AgreementReview['decision']
    results: { initiativeId: string | null; initiative: string; figures: (PublicFigure & { target: number | null; achieved: number | null })[] }[]
  }[]
  /** Linked stories that are published (others are left out, not even counted). */
  stories: { slug: string; title: string }[]
}

/** The public fields only: the select keeps contacts, documents and everything private out of memory too. */
const AGREEMENT_SELECT = {
  slug: true,
  title: true,
  purpose: true,
  state: true,
  endDate: true,
  nextReviewDate: true,
  startDate: true,
  themes: true,
  municipality: true,
  housingOrganisation: true,
  departments: true,
  companies: true,
  partners: true,
  initiatives: { id: true, kind: true, what: true, responsible: true, targets: { indicator: true, label: true, unit: true, target: true } },
  stories: true,
} as const

/** Never participants or assessments. */
const REVIEW_SELECT = {
  agreement: true,
  year: true,
  heldOn: true,
  decision: true,
  results: { initiativeId: true, initiative: true, figures: { indicator: true, label: true, unit: true, target: true, achieved: true } },
} as const

const ids = (values: unknown): (number | string)[] =>
  (Array.isArray(values) ? values : [values]).map(relationId).filter((id): id is number | string => id !== undefined)

const figureOf = (row: { indicator?: string | null; label?: string | null; unit?: string | null }, locale: Locale): PublicFigure => ({
  indicator: row.indicator ?? 'other',
  ...describeIndicator(row, locale),
})

/** The parties' public faces (name, slug, kind, logo), read as the public reads organisations. */
const organisationsById = async (payload: Payload, agreements: Agreement[]) => {
  const wanted = [...new Set(agreements.flatMap((a) => ids([a.housingOrganisation, ...a.departments, ...a.companies, ...(a.partners ?? [])])))]
  if (!wanted.length) return new Map<string, Organisation>()
  const { docs } = await payload.find({ collection: 'organisations', where: { id: { in: wanted } }, depth: 1, limit: wanted.length, pagination: false, overrideAccess: false })
  return new Map((docs as Organisation[]).map((org) => [String(org.id), org]))
}

/** Of the linked stories, the published ones, read as the public reads stories. */
const publishedStoriesById = async (payload: Payload, agreements: Agreement[], locale: Locale) => {
  const wanted = [...new Set(agreements.flatMap((a) => ids(a.stories ?? [])))]
  if (!wanted.length) return new Map<string, Story>()
  const { docs } = await payload.find({
    collection: 'stories',
    where: { id: { in: wanted } },
    select: { slug: true, title: true },
    depth: 0,
    limit: wanted.length,
    pagination: false,
    locale,
    fallbackLocale: 'da',
    overrideAccess: false,
  })
  return new Map((docs as Story[]).map((story) => [String(story.id), story]))
}

const reviewsByAgreement = async (payload: Payload, agreementIds: (number | string)[], locale: Locale) => {
  const byAgreement = new Map<string, AgreementReview[]>()
  if (!agreementIds.length) return byAgreement
  const { docs } = await payload.find({
    collection: 'agreement-reviews',
    where: { agreement: { in: agreementIds } },
    select: REVIEW_SELECT,
    sort: 'year',
    depth: 0,
    pagination: false,
    locale,
    overrideAccess: true,
  })
  for (const review of docs as AgreementReview[]) {
    const key = String(relationId(review.agreement))
    byAgreement.set(key, [...(byAgreement.get(key) ?? []), review])
  }
  return byAgreement
}

const summaryOf = (
  agreement: Agreement,
  locale: Locale,
  { organisations, stories, reviews }: { organisations: Map<string, Organisation>; stories: Map<string, Story>; reviews: AgreementReview[] },
): PublicAgreementSummary => {
  const party = (value: unknown, role: PartyRole) =>
    ids(value)
      .map((id) => organisations.get(String(id)))
      .filter((org): org is Organisation => Boolean(org))
      .map((org) => ({ ...organisationRef(org), role }))
  const initiatives = (agreement.initiatives ?? []).map((initiative) => ({
    id: initiative.id ?? '',
    kind: initiative.kind,
    kindLabel: INITIATIVE_KINDS.find((kind) => kind.key === initiative.kind)?.label[locale] ?? initiative.kind,
    what: initiative.what,
    responsible: initiative.responsible || null,
    targets: (initiative.targets ?? []).map((target) => ({ ...figureOf(target, locale), target: target.target })),
  }))
  return {
    id: String(agreement.id),
    slug: agreement.slug ?? '',
    title: agreement.title,
    purpose: agreement.purpose || null,
    themes: (agreement.themes ?? []).map((key) => ({ key, label: THEMES.find((theme) => theme.key === key)?.label[locale] ?? key })),
    municipality: municipalityView(agreement.municipality),
    startDate: dayOf(agreement.startDate),
    endDate: agreement.endDate ? dayOf(agreement.endDate) : null,
    status: agreementStatus(agreement),
    parties: [
      ...party(agreement.housingOrganisation, 'housing-organisation'),
      ...party(agreement.departments, 'department'),
      ...party(agreement.companies, 'company'),
      ...party(agreement.partners, 'partner'),
    ],
    initiatives,
    reviews: reviews.map((review) => ({
      year: review.year,
      heldOn: dayOf(review.heldOn),
      decision: review.decision,
      results: (review.results ?? []).map((result) => ({
        initiativeId: result.initiativeId || null,
        // The agreement's own wording in the asked locale while the initiative exists; the review's copy otherwise.
        initiative: initiatives.find((initiative) => initiative.id && initiative.id === result.initiativeId)?.what ?? result.initiative ?? '',
        figures: (result.figures ?? []).map((figure) => ({
          ...figureOf(figure, locale),
          target: figure.target ?? null,
          achieved: figure.achieved ?? null,
        })),
      })),
    })),
    stories: ids(agreement.stories ?? [])
      .map((id) => stories.get(String(id)))
      .filter((story): story is Story => Boolean(story))
      .map((story) => ({ slug: story.slug ?? '', title: story.title })),
  }
}

/**
 * The public summaries of agreements (SPEC §9): those with `publicSummary` on and not in draft,
 * newest start first; with `story`, only those linked to that story.
 */
export const publicAgreementSummaries = async (
  payload: Payload,
  locale: Locale,
  { story }: { story?: number | string } = {},
): Promise<PublicAgreementSummary[]> => {
  const { docs } = await payload.find({
    collection: 'agreements',
    where: story === undefined ? PUBLIC_AGREEMENTS : { and: [PUBLIC_AGREEMENTS, { stories: { in: [story] } }] },
    select: AGREEMENT_SELECT,
    sort: ['-startDate', 'id'],
    depth: 0,
    pagination: false,
    locale,
    fallbackLocale: 'da',
    overrideAccess: true,
  })
  const agreements = docs as Agreement[]
  if (!agreements.length) return []
  const organisations = await organisationsById(payload, agreements)
  const stories = await publishedStoriesById(payload, agreements, locale)
  const reviews = await reviewsByAgreement(payload, agreements.map((a) => a.id), locale)
  return agreements.map((agreement) => summaryOf(agreement, locale, { organisations, stories, reviews: reviews.get(String(agreement.id)) ?? [] }))
}
