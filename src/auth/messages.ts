import type { PayloadRequest } from 'payload'

import { inLanguage, type Bilingual } from '../lib/bilingual'

/** Danish unless the admin (or the client's Accept-Language) asked Payload for English. */
export const inLanguageOf = (req: PayloadRequest, message: Bilingual): string =>
  inLanguage(req.i18n?.language, message)
