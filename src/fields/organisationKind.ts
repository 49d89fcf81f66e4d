import type { SelectField } from 'payload'

import { ORGANISATION_KINDS } from '../constants/organisationKinds'
import { toOptions } from '../constants/options'

export const organisationKindField = (overrides: Partial<SelectField> = {}): SelectField =>
  ({
    name: 'kind',
    type: 'select',
    label: { da: 'Type', en: 'Kind' },
    options: toOptions(ORGANISATION_KINDS),
    ...overrides,
  }) as SelectField
