import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { staffField, staffOnly } from '../../access'
import { mediaDir } from '../../config/paths'
import { PROCESSING_STATUSES } from '../../constants/stages'
import { toOptions } from '../../constants/options'
import { readClips } from './access/publicClips'
import { captionsField } from './captionsField'
import { consentFields } from './consentFields'
import { fromUploadEndpoint } from './endpoints/fromUpload'
import { reprocessEndpoint } from './endpoints/reprocess'
import { deriveConsentState } from './hooks/deriveConsentState'
import { queueProcessing, refuseStalePipelineWrite, removeOutputs, resetOnNewFile } from './hooks/queueProcessing'
import { refuseNonVideo } from './hooks/refuseNonVideo'
import { pipelineFields } from './pipelineFields'
import { freshForeignRowIds } from '../../lib/arrayRowIds'
import { missingFileIsNotFound } from '../../lib/missingUploadFile'

/**
 * A video clip. The uploaded original is kept exactly as received; the pipeline (SPEC §5)
 * writes renditions, HLS and a poster beside it and fills the read-only fields below.
 */
export const Clips: CollectionConfig = {
  slug: 'clips',
  labels: { singular: { da: 'Videoklip', en: 'Video clip' }, plural: { da: 'Videoklip', en: 'Video clips' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'processingStatus', 'outputs', 'updatedAt'],
    group: { da: 'Video', en: 'Video' },
  },
  access: { read: readClips, create: staffOnly, update: staffOnly, delete: staffOnly },
  upload: {
    staticDir: path.join(mediaDir(), 'originals'),
    // No MIME allow-list: refuseNonVideo refuses what can never be video, with reasons, and
    // the pipeline fails the rest (audio only, unreadable) with a reason, keeping the original.
    // Originals are served to staff only (see readClips); never crop or resize a video.
    crop: false,
    focalPoint: false,
    handlers: [missingFileIsNotFound],
  },
  endpoints: [fromUploadEndpoint, reprocessEndpoint],
  hooks: {
    beforeOperation: [refuseNonVideo],
    beforeChange: [freshForeignRowIds, refuseStalePipelineWrite, deriveConsentState, resetOnNewFile],
    afterChange: [queueProcessing],
    afterDelete: [removeOutputs],
  },
  fields: [
    // Payload's own upload fields, narrowed: the original's name (often a person's name or a
    // date and place) and its URL are for staff; the public gets renditions instead.
    ...['filename', 'url', 'thumbnailURL'].map((name) => ({
      name,
      type: 'text' as const,
      access: { read: staffField },
    })),
    { name: 'title', type: 'text', localized: true, label: { da: 'Titel', en: 'Title' } },
    { name: 'description', type: 'textarea', localized: true, label: { da: 'Beskrivelse', en: 'Description' } },
    {
      // The stories that show this clip, read from the stories' own `clips` (issue #15, item 2):
      // one source of truth, where a separate `story` field on the clip could disagree with it.
      name: 'stories',
      type: 'join',
      collection: 'stories',
      on: 'clips',
      label: { da: 'Bruges i historier', en: 'Used in stories' },
      admin: { defaultColumns: ['title', '_status', 'publishedAt'] },
    },
    {
      type: 'row',
      fields: [
        { name: 'recordedAt', type: 'date', label: { da: 'Optaget', en: 'Recorded' } },
        {
          name: 'spokenLanguage',
          type: 'select',
          defaultValue: 'da',
          label: { da: 'Talt sprog', en: 'Spoken language' },
          options: [
            { label: { da: 'Dansk', en: 'Danish' }, value: 'da' },
            { label: { da: 'Engelsk', en: 'English' }, value: 'en' },
            { label: { da: 'Andet', en: 'Other' }, value: 'other' },
            { label: { da: 'Ingen tale', en: 'No speech' }, value: 'none' },
          ],
        },
      ],
    },
    captionsField,
    ...consentFields,
    {
      // Large videos through tus (issue #11): resumable, beside Payload's own upload for small files.
      name: 'resumableUpload',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/components/admin/ClipTusUpload#ClipTusUpload' } },
    },
    {
      name: 'processingStatus',
      type: 'ui',
      label: { da: 'Status', en: 'Status' },
      admin: {
        position: 'sidebar',
        components: {
          Field: '/components/admin/ClipProcessing#ClipProcessing',
          Cell: '/components/admin/ClipCells#ClipStatusCell',
        },
      },
    },
    {
      name: 'outputs',
      type: 'ui',
      label: { da: 'Varighed', en: 'Duration' },
      admin: {
        components: {
          Field: '/components/admin/ClipOutputs#ClipOutputs',
          Cell: '/components/admin/ClipCells#ClipDurationCell',
        },
      },
    },
    {
      name: 'processing',
      type: 'group',
      label: { da: 'Behandling', en: 'Processing' },
      // Shown by the ClipProcessing component above, which follows it live.
      admin: { hidden: true },
      fields: [
        {
          name: 'status',
          type: 'select',
          defaultValue: 'queued',
          index: true,
          options: toOptions(PROCESSING_STATUSES),
          admin: { readOnly: true },
        },
        { name: 'progress', type: 'number', min: 0, max: 100, defaultValue: 0, admin: { readOnly: true } },
        // Why the pipeline stopped, in each admin language (issue #15): Danish, the default, here…
        { name: 'error', type: 'textarea', admin: { readOnly: true } },
        // …and English here. ClipProcessing and the dashboard show the editor's.
        { name: 'errorEn', type: 'textarea', admin: { readOnly: true } },
      ],
    },
    ...pipelineFields,
  ],
}
