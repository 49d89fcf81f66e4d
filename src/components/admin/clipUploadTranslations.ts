/**
 * The resumable clip upload's texts (ClipTusUpload.tsx), as Payload custom translations: merged
 * into `i18n.translations` in payload.config.ts and read with `t('clipUpload:<key>')`, so the
 * admin shows them in the editor's language (Danish first).
 */
export const clipUploadTranslations = {
  da: {
    clipUpload: {
      heading: 'Stor video (kan genoptages)',
      hint: 'Til store videoer: uploaden fortsætter selv, hvis forbindelsen falder, og kan genoptages efter en genindlæsning.',
      hintReplace: 'Vælg en ny video for at erstatte klippets fil. Uploaden fortsætter selv, hvis forbindelsen falder.',
      choose: 'Vælg video',
      pause: 'Sæt på pause',
      resume: 'Fortsæt',
      resuming: 'Genoptager den tidligere upload af {{name}}',
      offer: 'En tidligere upload af {{name}} blev ikke færdig. Vil du fortsætte, hvor den slap?',
      offerCarryOn: 'Fortsæt uploaden',
      offerStartOver: 'Start forfra',
      progress: '{{sent}} af {{total}} MB',
      speed: '{{speed}} MB/s',
      timeLeft: 'ca. {{time}} tilbage',
      retrying: 'Forbindelsen faldt: prøver igen om lidt ({{attempt}}. forsøg)',
      saving: 'Uploaden er færdig: klippet gemmes',
      created: 'Klippet er gemt og behandles nu',
      replaced: 'Filen er erstattet og behandles nu',
      failed: 'Uploaden mislykkedes: {{message}}',
    },
  },
  en: {
    clipUpload: {
      heading: 'Large video (resumable)',
      hint: 'For large videos: the upload carries on by itself when the connection drops, and can be resumed after a reload.',
      hintReplace: "Choose a new video to replace the clip's file. The upload carries on by itself when the connection drops.",
      choose: 'Choose video',
      pause: 'Pause',
      resume: 'Resume',
      resuming: 'Resuming the earlier upload of {{name}}',
      offer: 'An earlier upload of {{name}} did not finish. Carry on where it stopped?',
      offerCarryOn: 'Carry on uploading',
      offerStartOver: 'Start over',
      progress: '{{sent}} of {{total}} MB',
      speed: '{{speed}} MB/s',
      timeLeft: 'about {{time}} left',
      retrying: 'The connection dropped: trying again shortly (attempt {{attempt}})',
      saving: 'The upload has finished: saving the clip',
      created: 'The clip is saved and is being processed',
      replaced: 'The file is replaced and is being processed',
      failed: 'The upload failed: {{message}}',
    },
  },
}

export type ClipUploadKey = keyof (typeof clipUploadTranslations)['da']['clipUpload']
