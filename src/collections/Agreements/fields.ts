import type { Field, Validate } from 'payload'

import { inLanguageOf } from '../../auth/messages'
import { INDICATORS } from '../../constants/indicators'
import { toOptions } from '../../constants/options'

const MONTHS = [
  ['januar', 'January'],
  ['februar', 'February'],
  ['marts', 'March'],
  ['april', 'April'],
  ['maj', 'May'],
  ['juni', 'June'],
  ['juli', 'July'],
  ['august', 'August'],
  ['september', 'September'],
  ['oktober', 'October'],
  ['november', 'November'],
  ['december', 'December'],
] as const

export const monthOptions = MONTHS.map(([da, en], index) => ({ label: { da, en }, value: String(index + 1) }))

/** A day of the month that exists in every year of that month: 1–28 in February. */
export const validReviewDay: Validate = (value, { siblingData, req }) => {
  const month = Number((siblingData as { reviewMonth?: string }).reviewMonth)
  const last = month === 2 ? 28 : [4, 6, 9, 11].includes(month) ? 30 : 31
  const day = Number(value)
  if (!Number.isInteger(day) || day < 1 || day > last) {
    return inLanguageOf(req, { da: `Vælg en dag fra 1 til ${last}`, en: `Choose a day from 1 to ${last}` })
  }
  return true
}

export const endNotBeforeStart: Validate = (value, { siblingData, req }) => {
  const start = (siblingData as { startDate?: string }).startDate
  if (value && start && new Date(value as string) < new Date(start)) {
    return inLanguageOf(req, { da: 'Slutdatoen ligger før startdatoen', en: 'The end date is before the start date' })
  }
  return true
}

const isOther = (_: unknown, siblingData: { indicator?: string }) => siblingData?.indicator === 'other'

const requiredForOther: Validate = (value, { siblingData, req }) =>
  (siblingData as { indicator?: string }).indicator === 'other' && !value
    ? inLanguageOf(req, { da: 'Skriv hvad der måles', en: 'Say what is measured' })
    : true

/** Which indicator a figure measures: one of the catalogue, or "other" with its own label and unit. */
export const indicatorFields = (): Field[] => [
  {
    type: 'row',
    fields: [
      { name: 'indicator', type: 'select', required: true, options: toOptions(INDICATORS), label: { da: 'Indikator', en: 'Indicator' } },
      { name: 'label', type: 'text', validate: requiredForOther, admin: { condition: isOther }, label: { da: 'Hvad', en: 'What' } },
      { name: 'unit', type: 'text', admin: { condition: isOther }, label: { da: 'Enhed', en: 'Unit' } },
    ],
  },
]

export const dayPicker = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'd. MMMM yyyy' } }
