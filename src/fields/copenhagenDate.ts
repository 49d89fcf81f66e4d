import type { DateField } from 'payload'

import { TIME_ZONE } from '../lib/copenhagenTime'

/**
 * A date and time stored as a UTC instant but entered and shown in Europe/Copenhagen, whatever
 * the editor's own browser time zone is.
 */
export const copenhagenDateField = (field: Omit<DateField, 'type'>): DateField =>
  ({
    ...field,
    type: 'date',
    timezone: { defaultTimezone: TIME_ZONE, supportedTimezones: [{ label: 'København', value: TIME_ZONE }] },
    admin: {
      ...field.admin,
      date: { pickerAppearance: 'dayAndTime', displayFormat: 'd. MMMM yyyy HH:mm', timeFormat: 'HH:mm' },
    },
  }) as DateField
