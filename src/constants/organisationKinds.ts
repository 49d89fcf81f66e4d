export const ORGANISATION_KINDS = [
  { key: 'housing-organisation', label: { da: 'Boligorganisation', en: 'Housing organisation' } },
  { key: 'housing-department', label: { da: 'Boligafdeling', en: 'Housing department' } },
  { key: 'company', label: { da: 'Virksomhed', en: 'Company' } },
  { key: 'network', label: { da: 'Netværk', en: 'Network' } },
] as const

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]['key']
