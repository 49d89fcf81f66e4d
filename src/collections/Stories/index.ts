import type { CollectionConfig, PayloadRequest } from 'payload'

import { publishedOrStaff, staffField, staffOnly } from '../../access'
import { INDICATORS } from '../../constants/indicators'
import { INITIATIVE_KINDS } from '../../constants/initiativeKinds'
import { toOptions } from '../../constants/options'
import { STORY_STAGES } from '../../constants/stages'
import { municipalityField } from '../../fields/municipality'
import { requiredInDefaultLocale } from '../../fields/requiredInDefaultLocale'
import { slugField } from '../../fields/slug'
import { themesField } from '../../fields/themes'
import { freshForeignRowIds } from '../../lib/arrayRowIds'
import { refuseUnscopableQueryPaths } from '../../lib/hasManyQueryPaths'
import { publishGate } from './hooks/publishGate'
import { setPublishedAt } from './hooks/setPublishedAt'
import { inLanguageOf } from '../../auth/messages'

const organisationOfKind = (kind: string) => ({ kind: { equals: kind } })

/** A success story ("case") of a housing organisation and local companies (SPEC §2). */
export const Stories: CollectionConfig = {
  slug: 'stories',
  labels: { singular: { da: 'Historie', en: 'Story' }, plural: { da: 'Historier', en: 'Stories' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'stage', 'themes', 'municipality', '_status', 'publishedAt'],
    group: { da: 'Katalog', en: 'Catalogue' },
  },
  access: { read: publishedOrStaff, create: staffOnly, update: staffOnly, delete: staffOnly, readVersions: staffOnly },
  versions: {
    drafts: { schedulePublish: true },
    maxPerDoc: 50,
  },
  defaultSort: '-publishedAt',
  // Every public read asks for published stories newest first. With this index SQLite walks
  // the first 20 in order instead of building (and sorting) every published row: measured 65 ms
  // a request at 10 000 stories without it, flat with it (see bench:feed in the README).
  indexes: [{ fields: ['_status', 'publishedAt', 'createdAt'] }],
  hooks: {
    // `clips` is has-many and partly readable: Payload cannot scope a query through it onwards.
    beforeOperation: [refuseUnscopableQueryPaths],
    beforeChange: [freshForeignRowIds, publishGate, setPublishedAt],
  },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, label: { da: 'Titel', en: 'Title' } },
    slugField(),
    {
      name: 'summary',
      type: 'textarea',
      localized: true,
      required: true,
      maxLength: 300,
      label: { da: 'Resumé', en: 'Summary' },
      admin: { description: { da: 'Højst 300 tegn.', en: 'At most 300 characters.' } },
    },
    { name: 'body', type: 'richText', localized: true, label: { da: 'Historien', en: 'Story' } },
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
              label: { da: 'Boligorganisation', en: 'Housing organisation' },
            },
            {
              name: 'department',
              type: 'relationship',
              relationTo: 'organisations',
              filterOptions: organisationOfKind('housing-department'),
              label: { da: 'Afdeling', en: 'Department' },
            },
            {
              name: 'companies',
              type: 'relationship',
              relationTo: 'organisations',
              hasMany: true,
              required: true,
              minRows: 1,
              filterOptions: organisationOfKind('company'),
              label: { da: 'Virksomheder', en: 'Companies' },
            },
            {
              name: 'partners',
              type: 'relationship',
              relationTo: 'organisations',
              hasMany: true,
              label: { da: 'Partnere', en: 'Partners' },
            },
          ],
        },
        {
          label: { da: 'Indhold', en: 'Content' },
          fields: [
            themesField({ required: true }),
            {
              name: 'initiatives',
              type: 'array',
              label: { da: 'Indsatser', en: 'Initiatives' },
              fields: [
                { name: 'kind', type: 'select', required: true, options: toOptions(INITIATIVE_KINDS), label: { da: 'Type', en: 'Kind' } },
                { name: 'description', type: 'textarea', localized: true, label: { da: 'Beskrivelse', en: 'Description' } },
              ],
            },
            {
              name: 'outcomes',
              type: 'array',
              label: { da: 'Resultater', en: 'Outcomes' },
              fields: [
                {
                  name: 'indicator',
                  type: 'select',
                  options: toOptions(INDICATORS),
                  label: { da: 'Indikator (valgfri)', en: 'Indicator (optional)' },
                  admin: {
                    description: {
                      da: 'Med en indikator tæller resultatet med i de samlede effekttal.',
                      en: 'With an indicator the outcome counts in the impact figures.',
                    },
                  },
                },
                {
                  type: 'row',
                  fields: [
                    { name: 'label', type: 'text', localized: true, validate: requiredInDefaultLocale, label: { da: 'Hvad', en: 'Label' } },
                    { name: 'value', type: 'number', required: true, label: { da: 'Værdi', en: 'Value' } },
                    { name: 'unit', type: 'text', localized: true, label: { da: 'Enhed', en: 'Unit' } },
                  ],
                },
              ],
            },
            municipalityField({ required: true }),
            {
              name: 'period',
              type: 'group',
              label: { da: 'Periode', en: 'Period' },
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'start', type: 'date', required: true, label: { da: 'Start', en: 'Start' } },
                    {
                      name: 'end',
                      type: 'date',
                      label: { da: 'Slut (valgfri)', en: 'End (optional)' },
                      validate: (value: unknown, { siblingData, req }: { siblingData: { start?: string }; req: PayloadRequest }) =>
                        value && siblingData?.start && new Date(value as string) < new Date(siblingData.start)
                          ? inLanguageOf(req, { da: 'Slut ligger før start', en: 'The end is before the start' })
                          : true,
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          label: { da: 'Video og billeder', en: 'Video and images' },
          fields: [
            {
              name: 'clips',
              type: 'relationship',
              relationTo: 'clips',
              hasMany: true,
              label: { da: 'Videoklip (i rækkefølge)', en: 'Clips (in order)' },
            },
            { name: 'heroImage', type: 'upload', relationTo: 'media', label: { da: 'Forsidebillede', en: 'Hero image' } },
          ],
        },
      ],
    },
    {
      name: 'stage',
      type: 'select',
      defaultValue: 'submitted',
      options: toOptions(STORY_STAGES),
      label: { da: 'Redaktionelt stadie', en: 'Editorial stage' },
      access: { read: staffField },
      admin: { position: 'sidebar' },
    },
    { name: 'featured', type: 'checkbox', defaultValue: false, label: { da: 'Fremhævet', en: 'Featured' }, admin: { position: 'sidebar' } },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      label: { da: 'Udgivet', en: 'Published' },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'sourceSubmission',
      type: 'relationship',
      relationTo: 'submissions',
      label: { da: 'Fra indsendelse', en: 'From submission' },
      access: { read: staffField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'sourceCall',
      type: 'relationship',
      relationTo: 'calls',
      label: { da: 'Fra indkaldelse', en: 'From call' },
      admin: { position: 'sidebar' },
    },
  ],
}
