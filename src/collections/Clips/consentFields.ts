import type { Field } from 'payload'

import { staffField } from '../../access'

/** GDPR consent of the people on camera (SPEC §6). Readable by staff only, never public. */
export const consentFields: Field[] = [
  {
    name: 'consent',
    type: 'group',
    label: { da: 'Samtykke', en: 'Consent' },
    access: { read: staffField },
    fields: [
      {
        name: 'confirmed',
        type: 'checkbox',
        defaultValue: false,
        label: {
          da: 'Alle identificerbare personer har givet samtykke',
          en: 'Everyone identifiable has consented',
        },
      },
      {
        name: 'withdrawn',
        type: 'checkbox',
        defaultValue: false,
        index: true,
        label: { da: 'Et samtykke er trukket tilbage', en: 'A consent has been withdrawn' },
        admin: { readOnly: true },
      },
      {
        name: 'records',
        type: 'array',
        label: { da: 'Samtykker', en: 'Consent records' },
        labels: { singular: { da: 'Samtykke', en: 'Consent' }, plural: { da: 'Samtykker', en: 'Consents' } },
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'person', type: 'text', required: true, label: { da: 'Person (navn eller beskrivelse)', en: 'Person (name or description)' } },
              {
                name: 'role',
                type: 'select',
                required: true,
                defaultValue: 'resident',
                label: { da: 'Rolle', en: 'Role' },
                options: [
                  { label: { da: 'Beboer', en: 'Resident' }, value: 'resident' },
                  { label: { da: 'Medarbejder', en: 'Employee' }, value: 'employee' },
                  { label: { da: 'Andet', en: 'Other' }, value: 'other' },
                ],
              },
            ],
          },
          {
            type: 'row',
            fields: [
              { name: 'givenAt', type: 'date', required: true, label: { da: 'Givet', en: 'Given' } },
              {
                name: 'scope',
                type: 'select',
                hasMany: true,
                required: true,
                defaultValue: ['web'],
                label: { da: 'Omfang', en: 'Scope' },
                options: [
                  { label: { da: 'Web', en: 'Web' }, value: 'web' },
                  { label: { da: 'Sociale medier', en: 'Social media' }, value: 'social-media' },
                ],
              },
              { name: 'withdrawnAt', type: 'date', label: { da: 'Trukket tilbage', en: 'Withdrawn' } },
            ],
          },
          {
            name: 'document',
            type: 'upload',
            relationTo: 'consent-documents',
            label: { da: 'Underskrevet erklæring', en: 'Signed document' },
          },
        ],
      },
    ],
  },
]
