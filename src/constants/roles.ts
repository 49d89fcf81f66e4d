export const ROLES = [
  { key: 'admin', label: { da: 'Administrator', en: 'Administrator' } },
  { key: 'editor', label: { da: 'Redaktør', en: 'Editor' } },
  { key: 'member', label: { da: 'Medlem', en: 'Member' } },
] as const

export type Role = (typeof ROLES)[number]['key']
