import type { SelectField } from 'payload'

import { THEMES } from '../constants/themes'
import { toOptions } from '../constants/options'

/** One or more of the five fixed themes (SPEC §3). */
export const themesField = (overrides: Partial<SelectField> = {}): SelectField =>
  ({
    name: 'themes',
    type: 'select',
    label: { da: 'Temaer', en: 'Themes' },
    hasMany: true,
    options: toOptions(THEMES),
    ...overrides,
  }) as SelectField
