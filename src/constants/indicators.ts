/**
 * Outcome indicators (SPEC §3), shared by stories' outcomes and agreements' targets. Keys are
 * stable: the public API and the impact figures sum by them. `other` carries a free label and
 * unit, and is never summed across documents (two "other" figures need not measure the same).
 */
export const INDICATORS = [
  {
    key: 'residents-in-jobs',
    label: { da: 'Beboere i job eller praktik', en: 'Residents in jobs or internships' },
    unit: { da: 'personer', en: 'persons' },
  },
  { key: 'courses-held', label: { da: 'Afholdte kurser', en: 'Courses held' }, unit: { da: 'kurser', en: 'courses' } },
  { key: 'participants', label: { da: 'Deltagere', en: 'Participants' }, unit: { da: 'personer', en: 'persons' } },
  {
    key: 'items-repaired',
    label: { da: 'Ting repareret eller upcyclet', en: 'Items repaired or upcycled' },
    unit: { da: 'stk.', en: 'items' },
  },
  { key: 'kg-collected', label: { da: 'Indsamlet', en: 'Collected' }, unit: { da: 'kg', en: 'kg' } },
  { key: 'volunteer-hours', label: { da: 'Frivillige timer', en: 'Volunteer hours' }, unit: { da: 'timer', en: 'hours' } },
  { key: 'events', label: { da: 'Arrangementer', en: 'Events' }, unit: { da: 'arrangementer', en: 'events' } },
  { key: 'other', label: { da: 'Andet', en: 'Other' }, unit: { da: '', en: '' } },
] as const

export type IndicatorKey = (typeof INDICATORS)[number]['key']
export const INDICATOR_KEYS = INDICATORS.map((indicator) => indicator.key) as IndicatorKey[]
/** The indicators that can be summed: every one but `other`. */
export const SUMMABLE_INDICATOR_KEYS = INDICATOR_KEYS.filter((key) => key !== 'other')

export const indicatorOf = (key: string | null | undefined) => INDICATORS.find((indicator) => indicator.key === key)

/** What a figure measures and in which unit, in one locale: the catalogue's, or the row's own for `other`. */
export const describeIndicator = (
  row: { indicator?: string | null; label?: string | null; unit?: string | null },
  locale: 'da' | 'en',
): { label: string; unit: string } => {
  const known = indicatorOf(row.indicator)
  if (!known || known.key === 'other') return { label: row.label ?? '', unit: row.unit ?? '' }
  return { label: known.label[locale], unit: known.unit[locale] }
}
