import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { staffOnly } from '../../access'
import { mediaDir } from '../../config/paths'
import { missingFileIsNotFound } from '../../lib/missingUploadFile'

/**
 * Signed consent forms (SPEC §6). Kept apart from `media` because they are never public: every
 * operation, the file itself included, is for editors and administrators only.
 */
export const ConsentDocuments: CollectionConfig = {
  slug: 'consent-documents',
  labels: {
    singular: { da: 'Samtykkeerklæring', en: 'Consent document' },
    plural: { da: 'Samtykkeerklæringer', en: 'Consent documents' },
  },
  admin: { group: { da: 'Video', en: 'Video' }, defaultColumns: ['filename', 'person', 'createdAt'] },
  access: { read: staffOnly, create: staffOnly, update: staffOnly, delete: staffOnly },
  upload: {
    staticDir: path.join(mediaDir(), 'private', 'consent'),
    mimeTypes: ['application/pdf', 'image/*'],
    handlers: [missingFileIsNotFound],
  },
  fields: [{ name: 'person', type: 'text', label: { da: 'Person', en: 'Person' } }],
}
