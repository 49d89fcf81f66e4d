import type { CollectionConfig, PayloadRequest } from 'payload'

import { anyone, staffField, staffOnly } from '../../access'
import { municipalityField } from '../../fields/municipality'
import { organisationKindField } from '../../fields/organisationKind'
import { slugField } from '../../fields/slug'
import { isHttpUrl, POSTCODE_PATTERN } from '../../fields/validators'
import { validateCvr } from './validateCvr'
import { validateKind } from './validateKind'
import { validateParent } from './validateParent'
import { inLanguageOf } from '../../auth/messages'

export const Organisations: CollectionConfig = {
  slug: 'organisations',
  labels: {
    singular: { da: 'Organisation', en: 'Organisation' },
    plural: { da: 'Organisationer', en: 'Organisations' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'municipality', 'bCorp'],
    group: { da: 'Katalog', en: 'Catalogue' },
    listSearchableFields: ['name', 'cvr'],
  },
  access: { read: anyone, create: staffOnly, update: staffOnly, delete: staffOnly },
  fields: [
    organisationKindField({ required: true, defaultValue: 'housing-organisation', validate: validateKind }),
    { name: 'name', type: 'text', label: { da: 'Navn', en: 'Name' }, required: true },
    slugField({ from: 'name' }),
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'organisations',
      label: { da: 'Boligorganisation', en: 'Housing organisation' },
      filterOptions: { kind: { equals: 'housing-organisation' } },
      admin: { condition: (data) => data?.kind === 'housing-department' },
      validate: validateParent,
    },
    {
      name: 'cvr',
      type: 'text',
      label: { da: 'CVR-nummer', en: 'CVR number' },
      unique: true,
      index: true,
      admin: { condition: (data) => data?.kind === 'company' },
      validate: validateCvr,
    },
    municipalityField(),
    {
      name: 'postcode',
      type: 'text',
      label: { da: 'Postnummer', en: 'Postcode' },
      validate: (value: string | null | undefined, { req }: { req: PayloadRequest }) =>
        !value || POSTCODE_PATTERN.test(value) ? true : inLanguageOf(req, { da: 'Postnummer er 4 cifre', en: 'A postcode has 4 digits' }),
    },
    {
      name: 'website',
      type: 'text',
      label: { da: 'Hjemmeside', en: 'Website' },
      validate: (value: string | null | undefined, { req }: { req: PayloadRequest }) =>
        !value || isHttpUrl(value) ? true : inLanguageOf(req, { da: 'Skal være en http(s)-adresse', en: 'Must be an http(s) URL' }),
    },
    { name: 'logo', type: 'upload', relationTo: 'media', label: { da: 'Logo', en: 'Logo' } },
    {
      name: 'description',
      type: 'textarea',
      localized: true,
      label: { da: 'Beskrivelse', en: 'Description' },
    },
    {
      name: 'bCorp',
      type: 'checkbox',
      label: { da: 'B Corp-certificeret', en: 'B Corp certified' },
      defaultValue: false,
    },
    {
      name: 'contactEmail',
      type: 'email',
      label: { da: 'Kontakt-e-mail (privat)', en: 'Contact email (private)' },
      access: { read: staffField },
      admin: { description: { da: 'Vises aldrig offentligt.', en: 'Never shown publicly.' } },
    },
  ],
}
