import type { Field, FieldHook } from 'payload'

import { staffField } from '../../access'

/** The ClipOutputs admin component shows these, live and readable; the raw fields stay hidden. */
const shownByClipOutputs = { readOnly: true, hidden: true }

/** A new file put on a clip by staff (replacing a sender's) makes it a staff clip: theirs to answer for. */
const newFileIsStaffs: FieldHook = ({ value, originalDoc, data, operation, context }) => {
  if (operation !== 'update' || context.fromPipeline || !data?.filename || !originalDoc) return value
  const replaced = data.filename !== originalDoc.filename || (data.filesize ?? null) !== (originalDoc.filesize ?? null)
  return replaced ? 'staff' : value
}

/**
 * Who gave the pipeline the clip's file: staff, or a sender through the public submission
 * endpoint. A submitted clip is held to its call's `videoMaxMinutes` and runs on the lower-priority
 * `video-submitted` queue (src/video/limits.ts, src/video/runner.ts). Only our code sets it.
 */
export const originField: Field = {
  name: 'origin',
  type: 'select',
  defaultValue: 'staff',
  label: { da: 'Kilde', en: 'Origin' },
  options: [
    { label: { da: 'Redaktionen', en: 'Staff' }, value: 'staff' },
    { label: { da: 'Indsendt via formularen', en: 'Submitted through the form' }, value: 'submission' },
  ],
  access: { read: staffField, create: () => false, update: () => false },
  hooks: { beforeChange: [newFileIsStaffs] },
  admin: {
    readOnly: true,
    position: 'sidebar',
    description: {
      da: 'Indsendte videoer behandles efter redaktionens og må højst vare indkaldelsens længste varighed.',
      en: 'Submitted videos are processed after staff uploads and may last at most the call’s longest duration.',
    },
  },
}

/**
 * What the video pipeline writes (SPEC §5, names fixed by §10). Read-only in the admin: only
 * the pipeline sets them. `posterAt` is the one an editor may choose.
 */
export const pipelineFields: Field[] = [
  originField,
  {
    name: 'probe',
    type: 'group',
    label: { da: 'Teknisk info', en: 'Probe' },
    admin: shownByClipOutputs,
    fields: [
      { name: 'duration', type: 'number', label: { da: 'Varighed (s)', en: 'Duration (s)' } },
      { name: 'width', type: 'number' },
      { name: 'height', type: 'number' },
      { name: 'rotation', type: 'number' },
      { name: 'videoCodec', type: 'text' },
      { name: 'audioCodec', type: 'text' },
      { name: 'fps', type: 'number' },
      { name: 'variableFrameRate', type: 'checkbox' },
      { name: 'hasAudio', type: 'checkbox' },
      { name: 'bitrate', type: 'number' },
    ],
  },
  {
    name: 'renditions',
    type: 'array',
    label: { da: 'Versioner', en: 'Renditions' },
    admin: shownByClipOutputs,
    fields: [
      { name: 'label', type: 'text' },
      { name: 'url', type: 'text' },
      { name: 'width', type: 'number' },
      { name: 'height', type: 'number' },
      { name: 'bitrate', type: 'number' },
      { name: 'mimeType', type: 'text' },
      { name: 'size', type: 'number' },
    ],
  },
  { name: 'hlsUrl', type: 'text', label: { da: 'HLS-adresse', en: 'HLS URL' }, admin: shownByClipOutputs },
  { name: 'poster', type: 'upload', relationTo: 'media', label: { da: 'Plakatbillede', en: 'Poster' }, admin: shownByClipOutputs },
  {
    name: 'posterAt',
    type: 'number',
    min: 0,
    label: { da: 'Plakatbillede ved sekund', en: 'Poster at second' },
    admin: {
      description: {
        da: 'Tomt: et repræsentativt billede vælges. Ændres det, laves kun plakatbilledet om.',
        en: 'Empty: a representative frame is chosen. Changing it remakes only the poster.',
      },
    },
  },
]
