import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import { s3ClientConfig } from './objectStore'
import { s3Settings } from './settings'

/**
 * Payload's upload collections in the bucket when S3_BUCKET is set, under the folders they have
 * under MEDIA_DIR (`originals/`, `images/`, `private/consent/`). Files are still served through
 * Payload's own routes and access checks (`/api/<collection>/file/<name>`, streamed from the
 * bucket), never from public bucket URLs: a private photo stays private.
 *
 * `alwaysInsertFields`: the plugin's `prefix` field exists with and without a bucket, so the
 * schema and the committed migrations are the same for both kinds of deployment.
 */
export const UPLOAD_PREFIXES = {
  clips: 'originals',
  media: 'images',
  'consent-documents': 'private/consent',
  'agreement-documents': 'private/agreements',
} as const

export const mediaStoragePlugin = (): Plugin => {
  const settings = s3Settings()
  return s3Storage({
    enabled: Boolean(settings),
    alwaysInsertFields: true,
    bucket: settings?.bucket ?? '',
    config: settings ? s3ClientConfig(settings) : {},
    collections: Object.fromEntries(Object.entries(UPLOAD_PREFIXES).map(([slug, prefix]) => [slug, { prefix }])),
  })
}
