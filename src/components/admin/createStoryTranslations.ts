/** The submission's "Opret historie" button (CreateStoryButton.tsx), read with `t('createStory:<key>')`. */
export const createStoryTranslations = {
  da: {
    createStory: {
      open: 'Åbn historien',
      create: 'Opret historie',
      creating: 'Opretter …',
      hint: 'Laver en kladde med titel, resumé, temaer, kommune, periode, organisationer, billeder og video fra indsendelsen.',
      failed: 'Fejl {{status}}',
    },
  },
  en: {
    createStory: {
      open: 'Open the story',
      create: 'Create story',
      creating: 'Creating …',
      hint: 'Makes a draft with the title, summary, themes, municipality, period, organisations, photos and video of the submission.',
      failed: 'Error {{status}}',
    },
  },
}
