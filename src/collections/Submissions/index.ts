import type { CollectionConfig, PayloadRequest } from 'payload'

import { staffField, staffOnly } from '../../access'
import { toOptions } from '../../constants/options'
import { SUBMISSION_STATUSES } from '../../constants/stages'
import { municipalityField } from '../../fields/municipality'
import { organisationKindField } from '../../fields/organisationKind'
import { themesField } from '../../fields/themes'
import { isCvr } from '../../fields/validators'
import { mailsSentField } from '../../email/mailsSentField'
import { staffOrOwnOrganisation } from './access/ownOrganisation'
import { createStoryEndpoint } from './endpoints/createStory'
import { checkStatusFlow, mailOnDecline } from './hooks/statusFlow'
import { inLanguageOf } from '../../auth/messages'

/**
 * What the public form receives (SPEC §2, §7). Never public: the public endpoint writes with
 * its own checks, editors triage here, and a member reads the submissions linked to its
 * organisation (by an editor, or sent by one of its members while logged in).
 */
export const Submissions: CollectionConfig = {
  slug: 'submissions',
  labels: {
    singular: { da: 'Indsendelse', en: 'Submission' },
    plural: { da: 'Indsendelser', en: 'Submissions' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'call', 'organisationName', 'themes', 'status', 'receivedAt'],
    listSearchableFields: ['title', 'organisationName', 'partnerCompanyName', 'contactName', 'contactEmail'],
    group: { da: 'Indsendelser', en: 'Submissions' },
  },
  defaultSort: '-receivedAt',
  access: { read: staffOrOwnOrganisation, create: staffOnly, update: staffOnly, delete: staffOnly },
  hooks: { beforeChange: [checkStatusFlow], afterChange: [mailOnDecline] },
  endpoints: [createStoryEndpoint],
  fields: [
    { name: 'call', type: 'relationship', relationTo: 'calls', required: true, index: true, label: { da: 'Indkaldelse', en: 'Call' } },
    {
      type: 'row',
      fields: [
        { name: 'organisationName', type: 'text', required: true, label: { da: 'Organisation', en: 'Organisation' } },
        organisationKindField({ name: 'organisationKind', required: true }),
      ],
    },
    {
      name: 'organisation',
      type: 'relationship',
      relationTo: 'organisations',
      index: true,
      label: { da: 'Tilknyttet organisation', en: 'Linked organisation' },
      admin: {
        description: {
          da: 'Medlemmer af denne organisation kan se indsendelsen. Kun redaktionen vælger den; et medlem, der indsender logget ind, får sin egen organisation.',
          en: 'Members of this organisation can see the submission. Only editors choose it; a member who submits while logged in gets their own organisation.',
        },
      },
    },
    {
      // The organisation whose name the sender typed: a hint for the editors, never access.
      name: 'suggestedOrganisation',
      type: 'relationship',
      relationTo: 'organisations',
      label: { da: 'Forslag ud fra navnet', en: 'Suggested from the name' },
      access: { read: staffField },
      admin: {
        readOnly: true,
        description: {
          da: 'Organisationen med det navn, afsenderen skrev. Alle kan skrive et navn: vælg den ovenfor, når I har tjekket, at indsendelsen kommer derfra.',
          en: 'The organisation with the name the sender typed. Anyone can type a name: choose it above once you have checked that the submission comes from there.',
        },
      },
    },
    {
      type: 'row',
      fields: [
        { name: 'contactName', type: 'text', required: true, label: { da: 'Kontaktperson', en: 'Contact name' } },
        { name: 'contactEmail', type: 'email', required: true, label: { da: 'E-mail', en: 'Email' } },
        { name: 'contactPhone', type: 'text', label: { da: 'Telefon', en: 'Phone' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'partnerCompanyName', type: 'text', required: true, label: { da: 'Partnervirksomhed', en: 'Partner company' } },
        {
          name: 'partnerCompanyCvr',
          type: 'text',
          label: { da: 'Virksomhedens CVR', en: 'Company CVR' },
          validate: (value: string | null | undefined, { req }: { req: PayloadRequest }) =>
            !value || isCvr(value) ? true : inLanguageOf(req, { da: 'Et CVR-nummer er 8 cifre', en: 'A CVR number has 8 digits' }),
        },
      ],
    },
    themesField({ required: true }),
    { name: 'title', type: 'text', required: true, label: { da: 'Titel', en: 'Title' } },
    { name: 'description', type: 'textarea', required: true, label: { da: 'Samarbejdet', en: 'The collaboration' } },
    { name: 'results', type: 'textarea', label: { da: 'Resultater', en: 'Results' } },
    municipalityField(),
    {
      type: 'row',
      fields: [
        { name: 'periodStart', type: 'date', label: { da: 'Periode start', en: 'Period start' } },
        { name: 'periodEnd', type: 'date', label: { da: 'Periode slut', en: 'Period end' } },
      ],
    },
    { name: 'photos', type: 'upload', relationTo: 'media', hasMany: true, maxRows: 5, label: { da: 'Billeder', en: 'Photos' } },
    { name: 'video', type: 'upload', relationTo: 'clips', label: { da: 'Video', en: 'Video' } },
    {
      // The chosen clip in the admin's player (issue #15, item 2): nothing stored.
      name: 'videoPlayer',
      type: 'ui',
      admin: { components: { Field: '/components/admin/SubmissionVideo#SubmissionVideo' } },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'privacyAccepted',
          type: 'checkbox',
          validate: (value: boolean | null | undefined, { req }: { req: PayloadRequest }) =>
            value === true
              ? true
              : inLanguageOf(req, { da: 'Privatlivspolitikken skal accepteres', en: 'The privacy policy must be accepted' }),
          label: { da: 'Privatlivspolitik accepteret', en: 'Privacy policy accepted' } },
        { name: 'mayContact', type: 'checkbox', defaultValue: false, label: { da: 'Må kontaktes', en: 'May be contacted' } },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'new',
      index: true,
      options: toOptions(SUBMISSION_STATUSES),
      label: { da: 'Status', en: 'Status' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'editorNotes',
      type: 'textarea',
      label: { da: 'Redaktionens noter', en: 'Editor notes' },
      access: { read: staffField },
      admin: { position: 'sidebar' },
    },
    { name: 'story', type: 'relationship', relationTo: 'stories', label: { da: 'Historie', en: 'Story' }, admin: { position: 'sidebar' } },
    {
      name: 'createStory',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/components/admin/CreateStoryButton#CreateStoryButton' } },
    },
    {
      name: 'receivedAt',
      type: 'date',
      index: true,
      label: { da: 'Modtaget', en: 'Received' },
      // When the request arrived: the instant compared with the call's deadline.
      defaultValue: () => new Date().toISOString(),
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'd. MMM yyyy HH:mm:ss' } },
    },
    mailsSentField,
  ],
}
