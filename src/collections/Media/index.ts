import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { anyone, staffOnly } from '../../access'
import { mediaDir } from '../../config/paths'

const webp = { format: 'webp' as const, options: { quality: 80 } }

/** Images: logos, photos, posters. Alt text is required: the site must stay accessible. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { da: 'Billede', en: 'Image' }, plural: { da: 'Billeder', en: 'Images' } },
  admin: { group: { da: 'Katalog', en: 'Catalogue' }, defaultColumns: ['filename', 'alt', 'updatedAt'] },
  access: { read: anyone, create: staffOnly, update: staffOnly, delete: staffOnly },
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
  ],
}
