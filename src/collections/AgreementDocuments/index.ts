import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { staffOnly } from '../../access'
import { mediaDir } from '../../config/paths'
import { missingFileIsNotFound } from '../../lib/missingUploadFile'
import { staffOrAgreementParty, staffOrAgreementPartyCreates } from '../Agreements/access/parties'

/**
 * An agreement's private documents, the signed agreement first (SPEC §2). Never public: the
 * file, like the document, is for the agreement's parties and the editors only.
 */
export const AgreementDocuments: CollectionConfig = {
  slug: 'agreement-documents',
  labels: {
    singular: { da: 'Aftaledokument', en: 'Agreement document' },
    plural: { da: 'Aftaledokumenter', en: 'Agreement documents' },
  },
  admin: { group: { da: 'Samarbejde', en: 'Collaboration' }, defaultColumns: ['filename', 'agreement', 'createdAt'] },
  access: { read: staffOrAgreementParty, create: staffOrAgreementPartyCreates, update: staffOrAgreementParty, delete: staffOnly },
  upload: {
    staticDir: path.join(mediaDir(), 'private', 'agreements'),
    mimeTypes: ['application/pdf'],
    handlers: [missingFileIsNotFound],
  },
  fields: [
    { name: 'agreement', type: 'relationship', relationTo: 'agreements', required: true, index: true, label: { da: 'Aftale', en: 'Agreement' } },
    { name: 'description', type: 'text', label: { da: 'Beskrivelse', en: 'Description' } },
  ],
}
