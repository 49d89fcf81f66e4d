import type { CollectionBeforeValidateHook } from 'payload'

import { dayOf, storedDay, yearOf } from '../../../agreements/dates'
import { relationId } from '../../../lib/relationId'
import type { Agreement, AgreementReview } from '../../../payload-types'

type Result = NonNullable<AgreementReview['results']>[number]
type Figure = NonNullable<Result['figures']>[number]
type Target = NonNullable<NonNullable<Agreement['initiatives']>[number]['targets']>[number]

const sameIndicator = (a: { indicator?: string | null; label?: string | null }, b: { indicator?: string | null; label?: string | null }) =>
  a.indicator === b.indicator && (a.indicator !== 'other' || (a.label ?? '') === (b.label ?? ''))

/**
 * A new review starts from what was agreed: its year is the one whose review is due, and it has
 * a row per initiative with each target as agreed, so the parties fill in what was achieved next
 * to it. Rows the client sent are kept and matched to their initiative; what was agreed is always
 * copied from the agreement (a review cannot rewrite last year's targets).
 */
export const prefillFromAgreement: CollectionBeforeValidateHook = async ({ data, req, operation, originalDoc }) => {
  if (!data) return data
  if (data.heldOn) data.heldOn = storedDay(dayOf(data.heldOn))
  const agreementId = relationId(data.agreement ?? originalDoc?.agreement)
  if (agreementId === undefined) return data
  const agreement = (await req.payload
    .findByID({ collection: 'agreements', id: agreementId, depth: 0, overrideAccess: true, locale: req.locale ?? 'da', req })
    .catch(() => null)) as Agreement | null
  if (!agreement) return data
  if (operation === 'create' && (data.year === undefined || data.year === null) && agreement.nextReviewDate) {
    data.year = yearOf(dayOf(agreement.nextReviewDate))
  }
  if (operation !== 'create' && data.results === undefined) return data
  const given = (data.results ?? []) as Result[]
  data.results = (agreement.initiatives ?? []).map((initiative) => {
    const row = given.find((candidate) => candidate.initiativeId === initiative.id)
    return {
      ...(row?.id ? { id: row.id } : {}),
      initiativeId: initiative.id,
      initiative: initiative.what,
      assessment: row?.assessment ?? null,
      figures: (initiative.targets ?? []).map((target: Target): Figure => {
        const figure = row?.figures?.find((candidate) => sameIndicator(candidate, target))
        return {
          ...(figure?.id ? { id: figure.id } : {}),
          indicator: target.indicator,
          label: target.label ?? null,
          unit: target.unit ?? null,
          target: target.target,
          achieved: figure?.achieved ?? null,
          nextTarget: figure?.nextTarget ?? null,
        }
      }),
    }
  })
  return data
}
