import type { PayloadRequest } from 'payload'

import { inLanguageOf } from '../auth/messages'

/**
 * For localized fields inside arrays: required in Danish, optional in English. Payload's own
 * `required` would demand every translation before an English title could even be saved.
 */
export const requiredInDefaultLocale = (value: unknown, { req }: { req: PayloadRequest }) =>
  value || (req.locale && req.locale !== 'da')
    ? true
    : inLanguageOf(req, { da: 'Skal udfyldes på dansk', en: 'Required in Danish' })
