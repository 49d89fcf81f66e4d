import type { PayloadRequest } from 'payload'

import type { Bilingual } from './passwordPolicy'

/** Danish unless the admin (or the client's Accept-Language) asked Payload for English. */
export const inLanguageOf = (req: PayloadRequest, message: Bilingual): string =>
  req.i18n?.language === 'en' ? message.en : message.da
