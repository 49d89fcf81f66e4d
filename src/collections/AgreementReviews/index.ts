import type { CollectionConfig, Validate } from 'payload'

import { staffOnly } from '../../access'
import { inLanguageOf } from '../../auth/messages'
import { relationId } from '../../lib/relationId'
import { staffOrAgreementParty, staffOrAgreementPartyCreates, staffOrAgreementPartyVersions } from '../Agreements/access/parties'
import { dayPicker, indicatorFields } from '../Agreements/fields'
import { applyReview } from './hooks/applyReview'
import { prefillFromAgreement } from './hooks/prefillFromAgreement'

/** One review per agreement and year: a second one is a clear 400, not the unique index's error. */
const oneReviewPerYear: Validate = async (value, { data, req, id }) => {
  const agreement = relationId((data as { agreement?: unknown }).agreement)
  if (agreement === undefined || typeof value !== 'number') return true
  const { totalDocs } = await req.payload.count({
    collection: 'agreement-reviews',
    where: { and: [{ agreement: { equals: agreement } }, { year: { equals: value } }, ...(id ? [{ id: { not_equals: id } }] : [])] },
    overrideAccess: true,
    req,
  })
  return totalDocs === 0
    ? true
    : inLanguageOf(req, { da: `Aftalen har allerede en gennemgang for ${value}`, en: `The agreement already has a review for ${value}` })
}

/**
 * The yearly review of an agreement (SPEC §9): were the potentials met, and should focus and
 * ambition change? Saving the due year's review moves the agreement on (hooks/applyReview).
 */
export const AgreementReviews: CollectionConfig = {
  slug: 'agreement-reviews',
  labels: {
    singular: { da: 'Årlig gennemgang', en: 'Yearly review' },
    plural: { da: 'Årlige gennemgange', en: 'Yearly reviews' },
  },
  admin: {
    useAsTitle: 'year',
    defaultColumns: ['agreement', 'year', 'heldOn', 'decision'],
    group: { da: 'Samarbejde', en: 'Collaboration' },
  },
  access: {
    read: staffOrAgreementParty,
    create: staffOrAgreementPartyCreates,
    update: staffOrAgreementParty,
    delete: staffOnly,
    readVersions: staffOrAgreementPartyVersions,
  },
  versions: { maxPerDoc: 50 },
  indexes: [{ fields: ['agreement', 'year'], unique: true }],
  hooks: { beforeValidate: [prefillFromAgreement], afterChange: [applyReview] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'agreement', type: 'relationship', relationTo: 'agreements', required: true, index: true, label: { da: 'Aftale', en: 'Agreement' } },
        {
          name: 'year',
          type: 'number',
          required: true,
          min: 2000,
          max: 2200,
          validate: oneReviewPerYear,
          label: { da: 'År', en: 'Year' },
          admin: { description: { da: 'Tom: året for den forfaldne gennemgang.', en: 'Empty: the year of the review that is due.' } },
        },
        { name: 'heldOn', type: 'date', required: true, label: { da: 'Afholdt', en: 'Held on' }, admin: dayPicker },
      ],
    },
    { name: 'participants', type: 'textarea', label: { da: 'Deltagere', en: 'Participants' } },
    {
      name: 'results',
      type: 'array',
      label: { da: 'Resultater pr. indsats', en: 'Results per initiative' },
      admin: {
        description: {
          da: 'Udfyldes med aftalens indsatser og mål, når gennemgangen gemmes første gang.',
          en: 'Filled with the agreement’s initiatives and targets when the review is first saved.',
        },
      },
      fields: [
        { name: 'initiativeId', type: 'text', admin: { hidden: true } },
        { name: 'initiative', type: 'textarea', label: { da: 'Indsats', en: 'Initiative' }, admin: { readOnly: true } },
        {
          name: 'figures',
          type: 'array',
          label: { da: 'Mål og resultater', en: 'Targets and results' },
          fields: [
            ...indicatorFields(),
            {
              type: 'row',
              fields: [
                { name: 'target', type: 'number', label: { da: 'Aftalt mål', en: 'Agreed target' }, admin: { readOnly: true } },
                { name: 'achieved', type: 'number', min: 0, label: { da: 'Opnået', en: 'Achieved' } },
                { name: 'nextTarget', type: 'number', min: 0, label: { da: 'Mål for næste år', en: 'Target for next year' } },
              ],
            },
          ],
        },
        { name: 'assessment', type: 'textarea', label: { da: 'Vurdering', en: 'Assessment' } },
      ],
    },
    {
      name: 'decision',
      type: 'select',
      required: true,
      options: [
        { label: { da: 'Fortsæt', en: 'Continue' }, value: 'continue' },
        { label: { da: 'Justér', en: 'Adjust' }, value: 'adjust' },
        { label: { da: 'Afslut', en: 'End' }, value: 'end' },
      ],
      label: { da: 'Beslutning', en: 'Decision' },
      admin: { position: 'sidebar' },
    },
  ],
}
