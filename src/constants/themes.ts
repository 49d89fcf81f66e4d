/** The five fixed themes of SPEC §3. Keys are stable: the public API and feeds expose them. */
export const THEMES = [
  { key: 'safety', label: { da: 'Tryghed', en: 'Safety' } },
  {
    key: 'skills-and-jobs',
    label: { da: 'Personlig udvikling, færdigheder og job', en: 'Personal development, skills and jobs' },
  },
  { key: 'sustainability', label: { da: 'Bæredygtig omstilling', en: 'Sustainable transition' } },
  { key: 'health', label: { da: 'Mental og fysisk sundhed', en: 'Mental and physical health' } },
  { key: 'community', label: { da: 'Naboskab og fællesskab', en: 'Neighbourliness and community' } },
] as const

export type ThemeKey = (typeof THEMES)[number]['key']
export const THEME_KEYS = THEMES.map((theme) => theme.key) as ThemeKey[]
