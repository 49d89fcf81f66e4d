import type { CollectionConfig } from 'payload'

import { staffField, staffOnly } from '../../access'
import { agreementStatus } from '../../agreements/status'
import { INITIATIVE_KINDS } from '../../constants/initiativeKinds'
import { toOptions } from '../../constants/options'
import { municipalityField } from '../../fields/municipality'
import { slugField } from '../../fields/slug'
import { themesField } from '../../fields/themes'
import { freshForeignRowIds } from '../../lib/arrayRowIds'
import { staffOrParty, staffOrPartyVersions } from './access/parties'
import { dayPicker, endNotBeforeStart, indicatorFields, monthOptions, validReviewDay } from './fields'
import { keepReviewSchedule } from './hooks/reviewSchedule'

const organisationOfKind = (kind: string) => ({ kind: { equals: kind } })
/** The parties are set by the editors: a member may not hand its agreement to someone else. */
const partyField = { update: staffField }

/**
 * A collaboration agreement (samarbejdsaftale, SPEC §2, §9): what a housing department and local
 * companies agree to do, revisited every year (AgreementReviews). Private to its parties and the
 * editors; the parties may show its initiatives and yearly results publicly (`publicSummary`).
 */
export const Agreements: CollectionConfig = {
  slug: 'agreements',
  labels: {
    singular: { da: 'Samarbejdsaftale', en: 'Collaboration agreement' },
    plural: { da: 'Samarbejdsaftaler', en: 'Collaboration agreements' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'nextReviewDate', 'municipality', 'publicSummary'],
    group: { da: 'Samarbejde', en: 'Collaboration' },
  },
  access: { read: staffOrParty, create: staffOnly, update: staffOrParty, delete: staffOnly, readVersions: staffOrPartyVersions },
  versions: { maxPerDoc: 100 },
  hooks: { beforeChange: [freshForeignRowIds, keepReviewSchedule] },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, label: { da: 'Titel', en: 'Title' } },
    slugField(),
    { name: 'purpose', type: 'textarea', localized: true, label: { da: 'Formål', en: 'Purpose' } },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      options: [
        { label: { da: 'Kladde', en: 'Draft' }, value: 'draft' },
        { label: { da: 'Aktiv', en: 'Active' }, value: 'active' },
        { label: { da: 'Afsluttet', en: 'Ended' }, value: 'ended' },
      ],
      label: { da: 'Tilstand', en: 'State' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'status',
      type: 'select',
      virtual: true,
      options: [
        { label: { da: 'Kladde', en: 'Draft' }, value: 'draft' },
        { label: { da: 'Aktiv', en: 'Active' }, value: 'active' },
        { label: { da: 'Gennemgang forfalden', en: 'Review due' }, value: 'review-due' },
        { label: { da: 'Afsluttet', en: 'Ended' }, value: 'ended' },
      ],
      label: { da: 'Status', en: 'Status' },
      admin: { position: 'sidebar', readOnly: true },
      hooks: { afterRead: [({ siblingData }) => agreementStatus(siblingData ?? {})] },
    },
    {
      name: 'nextReviewDate',
      type: 'date',
      index: true,
      label: { da: 'Næste gennemgang', en: 'Next review' },
      admin: {
        position: 'sidebar',
        readOnly: true,
        ...dayPicker,
        description: {
          da: 'Sættes ud fra startdato og gennemgangsdag, og rykker et år frem, når en gennemgang gemmes.',
          en: 'Set from the start date and the review day; moves a year on when a review is saved.',
        },
      },
    },
    {
      name: 'publicSummary',
      type: 'checkbox',
      defaultValue: false,
      label: { da: 'Vis offentligt resumé', en: 'Show public summary' },
      admin: {
        position: 'sidebar',
        description: {
          da: 'Parterne viser aftalens indsatser, mål og årlige resultater offentligt (ikke kontakter og dokumenter).',
          en: 'The parties show the initiatives, targets and yearly results publicly (never contacts or documents).',
        },
      },
    },
    {
      type: 'tabs',
      tabs: [
        {
          label: { da: 'Parter', en: 'Parties' },
          fields: [
            {
              name: 'housingOrganisation',
              type: 'relationship',
              relationTo: 'organisations',
              required: true,
              filterOptions: organisationOfKind('housing-organisation'),
              access: partyField,
              label: { da: 'Boligorganisation', en: 'Housing organisation' },
            },
            {
              name: 'departments',
              type: 'relationship',
              relationTo: 'organisations',
              hasMany: true,
              required: true,
              minRows: 1,
              filterOptions: organisationOfKind('housing-department'),
              access: partyField,
              label: { da: 'Afdelinger', en: 'Departments' },
            },
            {
              name: 'companies',
              type: 'relationship',
              relationTo: 'organisations',
              hasMany: true,
              required: true,
              minRows: 1,
              filterOptions: organisationOfKind('company'),
              access: partyField,
              label: { da: 'Virksomheder', en: 'Companies' },
            },
            {
              name: 'partners',
              type: 'relationship',
              relationTo: 'organisations',
              hasMany: true,
              access: partyField,
              label: { da: 'Partnere', en: 'Partners' },
            },
            {
              name: 'contacts',
              type: 'array',
              label: { da: 'Kontaktpersoner', en: 'Contacts' },
              admin: {
                description: {
                  da: 'Private: kun parterne og redaktionen ser dem. De får påmindelser om den årlige gennemgang.',
                  en: 'Private: only the parties and the editors see them. They receive the yearly review reminders.',
                },
              },
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'name', type: 'text', required: true, label: { da: 'Navn', en: 'Name' } },
                    { name: 'email', type: 'email', required: true, label: { da: 'E-mail', en: 'Email' } },
                    { name: 'phone', type: 'text', label: { da: 'Telefon', en: 'Phone' } },
                    { name: 'organisation', type: 'relationship', relationTo: 'organisations', label: { da: 'Part', en: 'Party' } },
                  ],
                },
              ],
            },
          ],
        },
        {
          label: { da: 'Aftalen', en: 'Agreement' },
          fields: [
            themesField({ required: true }),
            municipalityField({ required: true }),
            {
              type: 'row',
              fields: [
                { name: 'startDate', type: 'date', required: true, label: { da: 'Start', en: 'Start' }, admin: dayPicker },
                {
                  name: 'endDate',
                  type: 'date',
                  validate: endNotBeforeStart,
                  label: { da: 'Slut (tom: løbende)', en: 'End (empty: ongoing)' },
                  admin: dayPicker,
                },
              ],
            },
            {
              type: 'row',
              fields: [
                {
                  name: 'reviewMonth',
                  type: 'select',
                  required: true,
                  options: monthOptions,
                  label: { da: 'Årlig gennemgang: måned', en: 'Yearly review: month' },
                },
                {
                  name: 'reviewDay',
                  type: 'number',
                  required: true,
                  min: 1,
                  max: 31,
                  validate: validReviewDay,
                  label: { da: 'Årlig gennemgang: dag', en: 'Yearly review: day' },
                },
              ],
            },
            {
              name: 'initiatives',
              type: 'array',
              label: { da: 'Aftalte indsatser', en: 'Agreed initiatives' },
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'kind', type: 'select', required: true, options: toOptions(INITIATIVE_KINDS), label: { da: 'Type', en: 'Kind' } },
                    { name: 'responsible', type: 'text', label: { da: 'Hvem gør det', en: 'Who does it' } },
                  ],
                },
                { name: 'what', type: 'textarea', localized: true, required: true, label: { da: 'Hvad', en: 'What' } },
                {
                  name: 'targets',
                  type: 'array',
                  label: { da: 'Mål', en: 'Targets' },
                  fields: [
                    ...indicatorFields(),
                    { name: 'target', type: 'number', required: true, min: 0, label: { da: 'Mål pr. år', en: 'Target per year' } },
                  ],
                },
              ],
            },
          ],
        },
        {
          label: { da: 'Gennemgange', en: 'Reviews' },
          fields: [
            {
              name: 'reviews',
              type: 'join',
              collection: 'agreement-reviews',
              on: 'agreement',
              defaultSort: '-year',
              label: { da: 'Årlige gennemgange', en: 'Yearly reviews' },
            },
          ],
        },
        {
          label: { da: 'Historier og dokumenter', en: 'Stories and documents' },
          fields: [
            { name: 'stories', type: 'relationship', relationTo: 'stories', hasMany: true, label: { da: 'Historier', en: 'Stories' } },
            {
              name: 'documents',
              type: 'join',
              collection: 'agreement-documents',
              on: 'agreement',
              label: { da: 'Dokumenter (private)', en: 'Documents (private)' },
            },
          ],
        },
      ],
    },
  ],
}
