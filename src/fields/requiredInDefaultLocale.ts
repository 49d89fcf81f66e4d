/**
 * For localized fields inside arrays: required in Danish, optional in English. Payload's own
 * `required` would demand every translation before an English title could even be saved.
 */
export const requiredInDefaultLocale = (value: unknown, { req }: { req: { locale?: string | null } }) =>
  value || (req.locale && req.locale !== 'da') ? true : 'Skal udfyldes på dansk / Required in Danish'
