import type { SelectField } from 'payload'

import { MUNICIPALITIES } from '../constants/municipalities'

/** Municipality by its official code; labels are the Danish names. */
export const municipalityField = (overrides: Partial<SelectField> = {}): SelectField =>
  ({
    name: 'municipality',
    type: 'select',
    label: { da: 'Kommune', en: 'Municipality' },
    options: MUNICIPALITIES.map((m) => ({ label: m.name, value: m.code })),
    index: true,
    ...overrides,
  }) as SelectField
