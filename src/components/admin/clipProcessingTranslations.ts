/**
 * The clip's processing panel and list column (ClipProcessing.tsx, ClipCells.tsx), as Payload
 * custom translations read with `t('clipProcessing:<key>')`: one language per text.
 */
export const clipProcessingTranslations = {
  da: {
    clipProcessing: {
      heading: 'Videobehandling',
      saveFirst: 'Gem klippet for at starte behandlingen.',
      status_queued: 'I kø',
      status_processing: 'Behandles',
      status_preview: 'Kan afspilles, resten behandles',
      status_ready: 'Klar',
      status_failed: 'Fejlet',
      progress: 'Fremdrift',
      reprocess: 'Behandl igen',
      requestFailed: 'Fejl {{status}}',
    },
  },
  en: {
    clipProcessing: {
      heading: 'Processing',
      saveFirst: 'Save the clip to start processing.',
      status_queued: 'Queued',
      status_processing: 'Processing',
      status_preview: 'Playable, the rest is processing',
      status_ready: 'Ready',
      status_failed: 'Failed',
      progress: 'Progress',
      reprocess: 'Process again',
      requestFailed: 'Error {{status}}',
    },
  },
}

export type ClipProcessingKey = keyof (typeof clipProcessingTranslations)['da']['clipProcessing']
