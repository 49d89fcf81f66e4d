import type { CollectionConfig, PayloadRequest } from 'payload'

import { adminsOnly, anyone, staffField } from '../../access'
import { slugField } from '../../fields/slug'
import { copenhagenDateField } from '../../fields/copenhagenDate'
import { DEFAULT_CALL_VIDEO_MAX_MINUTES } from '../../video/limits'
import { callStatus } from './status'
import { inLanguageOf } from '../../auth/messages'

/** A call for submissions ("indkaldelse") with a deadline in Danish time (SPEC §2). */
export const Calls: CollectionConfig = {
  slug: 'calls',
  labels: {
    singular: { da: 'Indkaldelse', en: 'Call for submissions' },
    plural: { da: 'Indkaldelser', en: 'Calls for submissions' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'opensAt', 'deadline', 'status'],
    group: { da: 'Indsendelser', en: 'Submissions' },
  },
  // Administrators manage calls (SPEC §1); everyone may read them: the form needs the open one.
  access: { read: anyone, create: adminsOnly, update: adminsOnly, delete: adminsOnly },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true, label: { da: 'Titel', en: 'Title' } },
    slugField(),
    {
      name: 'description',
      type: 'textarea',
      localized: true,
      label: { da: 'Beskrivelse', en: 'Description' },
    },
    copenhagenDateField({ name: 'opensAt', label: { da: 'Åbner', en: 'Opens' }, required: true }),
    copenhagenDateField({
      name: 'deadline',
      label: { da: 'Frist', en: 'Deadline' },
      required: true,
      validate: (value: unknown, { siblingData, req }: { siblingData: { opensAt?: string }; req: PayloadRequest }) => {
        if (!value) return inLanguageOf(req, { da: 'Fristen skal udfyldes', en: 'The deadline is required' })
        if (siblingData?.opensAt && new Date(value as string) <= new Date(siblingData.opensAt)) {
          return inLanguageOf(req, { da: 'Fristen skal ligge efter åbningen', en: 'The deadline must be after the opening' })
        }
        return true
      },
    }),
    {
      name: 'status',
      type: 'select',
      label: { da: 'Status', en: 'Status' },
      virtual: true,
      options: [
        { label: { da: 'Kommende', en: 'Upcoming' }, value: 'upcoming' },
        { label: { da: 'Åben', en: 'Open' }, value: 'open' },
        { label: { da: 'Lukket', en: 'Closed' }, value: 'closed' },
      ],
      admin: { readOnly: true, position: 'sidebar' },
      hooks: {
        // Derived from the clock on every read, so it can never be stale in the database.
        afterRead: [
          ({ siblingData }) =>
            siblingData?.deadline
              ? callStatus({ opensAt: siblingData.opensAt, deadline: siblingData.deadline })
              : undefined,
        ],
      },
    },
    {
      type: 'row',
      fields: [
        { name: 'contactName', type: 'text', required: true, label: { da: 'Kontaktperson', en: 'Contact name' } },
        {
          name: 'contactEmail',
          type: 'email',
          required: true,
          label: { da: 'Kontakt-e-mail', en: 'Contact email' },
          // Staff only (issue #10): the public API shows the contact's name; the address reaches a
          // submitter only in their own receipt mail, never through REST or GraphQL.
          access: { read: staffField },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'allowVideo',
          type: 'checkbox',
          defaultValue: true,
          label: { da: 'Tillad video-upload', en: 'Allow video upload' },
        },
        {
          name: 'videoMaxMegabytes',
          type: 'number',
          defaultValue: 500,
          min: 1,
          label: { da: 'Største video (MB)', en: 'Largest video (MB)' },
          admin: { condition: (data) => Boolean(data?.allowVideo) },
        },
        {
          // A small file can still claim hours of video; its length is what transcoding costs
          // (issue #10). Checked when the video arrives and again before it is encoded.
          name: 'videoMaxMinutes',
          type: 'number',
          defaultValue: DEFAULT_CALL_VIDEO_MAX_MINUTES,
          min: 1,
          label: { da: 'Længste video (minutter)', en: 'Longest video (minutes)' },
          admin: { condition: (data) => Boolean(data?.allowVideo) },
        },
      ],
    },
  ],
}
