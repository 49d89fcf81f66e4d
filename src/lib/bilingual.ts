/** A text the product shows in both of its languages: Danish first, English second, never joined. */
export type Bilingual = { da: string; en: string }

/** The text in a language Payload or the site named (Danish for anything but English). */
export const inLanguage = (language: string | null | undefined, text: Bilingual): string => (language === 'en' ? text.en : text.da)
