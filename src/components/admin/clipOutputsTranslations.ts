/**
 * The clip's outputs area (ClipOutputs.tsx): player, source summary and renditions, as Payload
 * custom translations read with `t('clipOutputs:<key>')`: one language per text.
 */
export const clipOutputsTranslations = {
  da: {
    clipOutputs: {
      region: 'Videoens versioner',
      player: 'Afspiller',
      playingPreview: 'Du ser den første version ({{label}}). De øvrige kommer, når behandlingen er færdig.',
      source: 'Kilde: {{width}}×{{height}}',
      rotated: 'drejet {{degrees}}°',
      noAudio: 'uden lyd',
      variable: 'variabel',
      noRenditions: 'Ingen versioner endnu.',
      rendition: 'Version',
      size: 'Størrelse',
      bitrate: 'Bitrate',
      file: 'Fil',
    },
  },
  en: {
    clipOutputs: {
      region: 'Renditions',
      player: 'Player',
      playingPreview: 'You are watching the first version ({{label}}). The others follow when processing is done.',
      source: 'Source: {{width}}×{{height}}',
      rotated: 'rotated {{degrees}}°',
      noAudio: 'no audio',
      variable: 'variable',
      noRenditions: 'No renditions yet.',
      rendition: 'Rendition',
      size: 'Size',
      bitrate: 'Bitrate',
      file: 'File',
    },
  },
}

export type ClipOutputsKey = keyof (typeof clipOutputsTranslations)['da']['clipOutputs']
