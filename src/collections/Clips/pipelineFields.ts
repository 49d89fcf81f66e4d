import type { Field } from 'payload'

/** The ClipOutputs admin component shows these, live and readable; the raw fields stay hidden. */
const shownByClipOutputs = { readOnly: true, hidden: true }

/**
 * What the video pipeline writes (SPEC §5, names fixed by §10). Read-only in the admin: only
 * the pipeline sets them. `posterAt` is the one an editor may choose.
 */
export const pipelineFields: Field[] = [
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
