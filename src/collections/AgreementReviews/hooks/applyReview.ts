import type { CollectionAfterChangeHook } from 'payload'

import { dayOf, reviewDayIn, storedDay, yearOf } from '../../../agreements/dates'
import { relationId } from '../../../lib/relationId'
import type { Agreement, AgreementReview } from '../../../payload-types'

/**
 * A held review is what the agreement goes on from (SPEC §9): saving the review of the year that
 * is due moves the next review date a year on, makes the adjusted targets the agreement's
 * targets, and ends the agreement when that was the decision. In the review's own transaction:
 * both are stored, or neither. A review of another year (a late entry of an earlier one) changes
 * nothing on the agreement.
 */
export const applyReview: CollectionAfterChangeHook<AgreementReview> = async ({ doc, req, operation }) => {
  if (operation !== 'create') return doc
  const agreementId = relationId(doc.agreement)
  if (agreementId === undefined) return doc
  const agreement = (await req.payload.findByID({
    collection: 'agreements',
    id: agreementId,
    depth: 0,
    overrideAccess: true,
    locale: 'all' as never,
    req,
  })) as Agreement
  if (!agreement.nextReviewDate || yearOf(dayOf(agreement.nextReviewDate)) !== doc.year) return doc

  const nextTargets = new Map<string, Map<string, number>>()
  for (const result of doc.results ?? []) {
    for (const figure of result.figures ?? []) {
      if (typeof figure.nextTarget !== 'number' || !result.initiativeId) continue
      const key = `${figure.indicator}\u0000${figure.indicator === 'other' ? (figure.label ?? '') : ''}`
      if (!nextTargets.has(result.initiativeId)) nextTargets.set(result.initiativeId, new Map())
      nextTargets.get(result.initiativeId)!.set(key, figure.nextTarget)
    }
  }
  const initiatives = (agreement.initiatives ?? []).map((initiative) => ({
    ...initiative,
    targets: (initiative.targets ?? []).map((target) => {
      const key = `${target.indicator}\u0000${target.indicator === 'other' ? (target.label ?? '') : ''}`
      const adjusted = initiative.id ? nextTargets.get(initiative.id)?.get(key) : undefined
      return adjusted === undefined ? target : { ...target, target: adjusted }
    }),
  }))

  await req.payload.update({
    collection: 'agreements',
    id: agreementId,
    data: {
      nextReviewDate: storedDay(reviewDayIn(doc.year + 1, Number(agreement.reviewMonth), agreement.reviewDay)),
      initiatives,
      ...(doc.decision === 'end' ? { state: 'ended' as const } : {}),
    },
    overrideAccess: true,
    context: { reviewApplied: true },
    req,
  })
  return doc
}
