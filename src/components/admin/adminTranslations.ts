import { agreementsDashboardTranslations } from './agreementsDashboardTranslations'
import { clipOutputsTranslations } from './clipOutputsTranslations'
import { clipProcessingTranslations } from './clipProcessingTranslations'
import { clipUploadTranslations } from './clipUploadTranslations'
import { createStoryTranslations } from './createStoryTranslations'
import { workDashboardTranslations } from './workDashboardTranslations'
import { submissionVideoTranslations } from './submissionVideoTranslations'

/** Every custom admin text, by language, for payload.config's `i18n.translations`. */
export const adminTranslations = {
  da: {
    ...clipUploadTranslations.da,
    ...clipProcessingTranslations.da,
    ...clipOutputsTranslations.da,
    ...createStoryTranslations.da,
    ...agreementsDashboardTranslations.da,
    ...workDashboardTranslations.da,
    ...submissionVideoTranslations.da,
  },
  en: {
    ...clipUploadTranslations.en,
    ...clipProcessingTranslations.en,
    ...clipOutputsTranslations.en,
    ...createStoryTranslations.en,
    ...agreementsDashboardTranslations.en,
    ...workDashboardTranslations.en,
    ...submissionVideoTranslations.en,
  },
}
