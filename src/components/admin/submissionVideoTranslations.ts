/**
 * The submission's video player (SubmissionVideo.tsx) and the caption file picker
 * (CaptionFileField.tsx), as Payload custom translations: one language per text.
 */
export const submissionVideoTranslations = {
  da: {
    submissionVideo: {
      heading: 'Afspil videoen',
      player: 'Indsendt video',
      loading: 'Henter videoen …',
      notPlayable: 'Videoen kan ikke afspilles endnu: den er ikke færdigbehandlet.',
      unreadable: 'Videoen kunne ikke hentes (HTTP {{status}}).',
      openClip: 'Åbn videoklippet',
    },
    captionFile: {
      choose: 'Vælg fil (.vtt eller .srt)',
      hint: 'Filen læses her i browseren og sættes ind i feltet; SRT omdannes til WebVTT, når du gemmer.',
      wrongType: 'Filen "{{name}}" er hverken .vtt eller .srt. Vælg en undertekstfil i WebVTT- eller SRT-format.',
      unreadable: 'Filen "{{name}}" kunne ikke læses.',
      loaded: 'Indholdet af "{{name}}" er sat ind. Husk at gemme.',
    },
  },
  en: {
    submissionVideo: {
      heading: 'Play the video',
      player: 'Submitted video',
      loading: 'Loading the video …',
      notPlayable: 'The video cannot be played yet: it is not processed.',
      unreadable: 'The video could not be loaded (HTTP {{status}}).',
      openClip: 'Open the video clip',
    },
    captionFile: {
      choose: 'Choose a file (.vtt or .srt)',
      hint: 'The file is read here in the browser and put into the field; SRT becomes WebVTT when you save.',
      wrongType: 'The file "{{name}}" is neither .vtt nor .srt. Choose a caption file in WebVTT or SRT format.',
      unreadable: 'The file "{{name}}" could not be read.',
      loaded: 'The contents of "{{name}}" are in the field. Remember to save.',
    },
  },
}

export type SubmissionVideoKey = keyof (typeof submissionVideoTranslations)['da']['submissionVideo']
export type CaptionFileKey = keyof (typeof submissionVideoTranslations)['da']['captionFile']
