import type { Payload } from 'payload'

import { dayOf, storedDay, yearOf } from '../agreements/dates'
import type { Agreement } from '../payload-types'
import type { AgreementSeed } from './data/agreements'

/**
 * Creates one demo agreement (Danish, then its English title and purpose) and, when the demo
 * has one, its first yearly review as held on its review day: saving that review moves the
 * agreement's next review a year on and makes next year's targets the agreement's (applyReview).
 */
export const seedAgreement = async (
  payload: Payload,
  seed: AgreementSeed,
  idOf: (slug: string) => number | string,
): Promise<{ id: number | string; reviewHeld: boolean }> => {
  const created = await payload.create({
    collection: 'agreements',
    locale: 'da',
    data: {
      slug: seed.slug,
      title: seed.title.da,
      purpose: seed.purpose.da,
      state: 'active',
      publicSummary: seed.publicSummary,
      housingOrganisation: idOf(seed.housingOrganisation) as number,
      departments: seed.departments.map(idOf) as number[],
      companies: seed.companies.map(idOf) as number[],
      partners: (seed.partners ?? []).map(idOf) as number[],
      themes: seed.themes,
      municipality: seed.municipality as Agreement['municipality'],
      startDate: storedDay(seed.startDate),
      reviewMonth: String(seed.review.month) as Agreement['reviewMonth'],
      reviewDay: seed.review.day,
      initiatives: seed.initiatives.map(({ kind, what, responsible, targets }) => ({
        kind,
        what: what.da,
        responsible,
        targets: targets.map(({ indicator, target }) => ({ indicator, target })),
      })),
      contacts: seed.contacts.map((contact) => ({ ...contact, organisation: idOf(contact.organisation) as number })),
      stories: seed.stories.map(idOf) as number[],
    },
  })
  await payload.update({
    collection: 'agreements',
    id: created.id,
    locale: 'en',
    // The rows by id, with their English text: the rest of each row stays as it is.
    data: {
      title: seed.title.en,
      purpose: seed.purpose.en,
      initiatives: (created.initiatives ?? []).map((initiative, index) => ({ ...initiative, what: seed.initiatives[index].what.en })),
    },
  })
  if (!seed.heldReview || !created.nextReviewDate) return { id: created.id, reviewHeld: false }

  const reviewDay = dayOf(created.nextReviewDate)
  await payload.create({
    collection: 'agreement-reviews',
    locale: 'da',
    data: {
      agreement: created.id,
      year: yearOf(reviewDay),
      heldOn: storedDay(reviewDay),
      participants: seed.heldReview.participants,
      decision: seed.heldReview.decision,
      // Matched to the agreement's initiatives by their row ids; what was agreed is copied in by
      // the review's own hook, the seed only says what was achieved and what comes next.
      results: (created.initiatives ?? []).map((initiative, index) => ({
        initiativeId: initiative.id,
        assessment: seed.initiatives[index].assessment,
        figures: seed.initiatives[index].targets.map(({ indicator, achieved, nextTarget }) => ({ indicator, achieved, nextTarget })),
      })),
    },
  })
  return { id: created.id, reviewHeld: true }
}
