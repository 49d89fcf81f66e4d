import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { isStaffUser, staffOnly } from '../../access'
import { mediaDir } from '../../config/paths'
import { missingFileIsNotFound } from '../../lib/missingUploadFile'

const webp = { format: 'webp' as const, options: { quality: 80 } }

/** Images: logos, photos, posters. Alt text is required: the site must stay accessible. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { da: 'Billede', en: 'Image' }, plural: { da: 'Billeder', en: 'Images' } },
  admin: { group: { da: 'Katalog', en: 'Catalogue' }, defaultColumns: ['filename', 'alt', 'updatedAt'] },
  access: {
    // A private image (a photo sent with a submission) is seen by staff only, file included:
    // Payload checks this same access before it serves /api/media/file/….
    read: ({ req }) => isStaffUser(req.user) || { or: [{ private: { equals: false } }, { private: { exists: false } }] },
    create: staffOnly,
    update: staffOnly,
    delete: staffOnly,
  },
  upload: {
    staticDir: path.join(mediaDir(), 'images'),
    mimeTypes: ['image/*'],
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 320, formatOptions: webp },
      { name: 'card', width: 768, formatOptions: webp },
      { name: 'hero', width: 1600, formatOptions: webp },
    ],
    adminThumbnail: 'thumbnail',
    // A name no file has is a 404, not Payload's 500.
    handlers: [missingFileIsNotFound],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: { da: 'Alternativ tekst', en: 'Alt text' },
      required: true,
      localized: true,
      admin: {
        description: {
          da: 'Beskriv billedet for dem, der ikke kan se det.',
          en: 'Describe the image for people who cannot see it.',
        },
      },
    },
    { name: 'credit', type: 'text', label: { da: 'Fotograf / kilde', en: 'Credit' } },
    {
      name: 'private',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: { da: 'Privat (kun redaktionen)', en: 'Private (editors only)' },
      admin: {
        position: 'sidebar',
        description: {
          da: 'Billeder fra indsendelser er private, til redaktionen har sikret samtykke fra dem, der ses på dem.',
          en: 'Photos from submissions stay private until the editors have consent from the people in them.',
        },
      },
    },
  ],
}
