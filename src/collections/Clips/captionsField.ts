import type { ArrayField, PayloadRequest } from 'payload'

import { inLanguageOf } from '../../auth/messages'
import { CaptionError, captionUrl, toWebVtt } from '../../video/captions'

/**
 * Captions, one per language (SPEC §2, §5): the editor pastes a WebVTT or SRT file; SRT is
 * stored converted to WebVTT, and a file with a mistake is refused naming the line.
 */
export const captionsField: ArrayField = {
  name: 'captions',
  type: 'array',
  label: { da: 'Undertekster', en: 'Captions' },
  labels: { singular: { da: 'Undertekst', en: 'Caption' }, plural: { da: 'Undertekster', en: 'Captions' } },
  validate: (rows: unknown, { req }: { req: PayloadRequest }) => {
    const languages = ((rows as { language?: string }[] | null) ?? []).map((row) => row.language)
    return new Set(languages).size === languages.length
      ? true
      : inLanguageOf(req, { da: 'Højst én undertekst pr. sprog', en: 'One caption file per language' })
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'language',
          type: 'select',
          required: true,
          label: { da: 'Sprog', en: 'Language' },
          options: [
            { label: 'Dansk', value: 'da' },
            { label: 'English', value: 'en' },
          ],
        },
        { name: 'label', type: 'text', label: { da: 'Navn i afspilleren', en: 'Label in the player' } },
      ],
    },
    {
      name: 'vtt',
      // A plain textarea, not Payload's `code` field: that one loads the Monaco editor from a
      // public CDN, so the captions would be blank offline and under our admin's CSP.
      type: 'textarea',
      required: true,
      label: { da: 'WebVTT eller SRT', en: 'WebVTT or SRT' },
      admin: {
        rows: 12,
        description: { da: 'Indsæt filens indhold. SRT omdannes til WebVTT.', en: 'Paste the file. SRT is converted to WebVTT.' },
        // Payload's textarea plus a .vtt/.srt file picker that fills it in the browser.
        components: { Field: '/components/admin/CaptionFileField#CaptionFileField' },
      },
      validate: (value: string | null | undefined, { req }: { req: PayloadRequest }) => {
        if (!value) return inLanguageOf(req, { da: 'Undertekstfilen mangler', en: 'The caption file is missing' })
        try {
          toWebVtt(value)
          return true
        } catch (error) {
          // The reasons are written in Danish only; English names the line.
          if (error instanceof CaptionError) return inLanguageOf(req, { da: error.message, en: `Line ${error.line} is wrong` })
          throw error
        }
      },
      hooks: {
        // Stored as WebVTT; a broken file is left as it is for `validate` to refuse by line.
        beforeChange: [
          ({ value }) => {
            try {
              return typeof value === 'string' && value ? toWebVtt(value) : value
            } catch {
              return value
            }
          },
        ],
      },
    },
    {
      name: 'url',
      type: 'text',
      virtual: true,
      admin: { readOnly: true },
      hooks: {
        afterRead: [
          ({ siblingData, originalDoc }) =>
            siblingData?.vtt && siblingData.language && originalDoc?.id !== undefined
              ? captionUrl(originalDoc.id, siblingData.language, siblingData.vtt)
              : undefined,
        ],
      },
    },
  ],
}
