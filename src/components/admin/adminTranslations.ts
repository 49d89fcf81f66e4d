import { clipOutputsTranslations } from './clipOutputsTranslations'
import { clipProcessingTranslations } from './clipProcessingTranslations'
import { clipUploadTranslations } from './clipUploadTranslations'

/** Every custom admin text, by language, for payload.config's `i18n.translations`. */
export const adminTranslations = {
  da: { ...clipUploadTranslations.da, ...clipProcessingTranslations.da, ...clipOutputsTranslations.da },
  en: { ...clipUploadTranslations.en, ...clipProcessingTranslations.en, ...clipOutputsTranslations.en },
}
