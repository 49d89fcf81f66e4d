import type { CollectionConfig } from 'payload'

import { isStaffUser, nobody, staffOnly } from '../../access'
import { REMINDER_THRESHOLDS } from '../../agreements/reminders/thresholds'

const THRESHOLD_LABELS: Record<string, { da: string; en: string }> = {
  'before-30': { da: '30 dage før', en: '30 days before' },
  'before-7': { da: '7 dage før', en: '7 days before' },
  'overdue-1': { da: 'Forfalden, 1. påmindelse', en: 'Overdue, 1st reminder' },
  'overdue-2': { da: 'Forfalden, 2. påmindelse', en: 'Overdue, 2nd reminder' },
  'overdue-3': { da: 'Forfalden, 3. påmindelse', en: 'Overdue, 3rd reminder' },
  'overdue-4': { da: 'Forfalden, 4. påmindelse', en: 'Overdue, 4th reminder' },
}

/**
 * The ledger of review reminders (issue #14, item 4): one row per agreement, review year and
 * threshold, written by the scan (src/agreements/reminders/scan.ts) in the same transaction as
 * the mail job it queues. The unique `key` is what makes each reminder exactly once: a second
 * scan, in this process or another, or after a restart, cannot write the row again. `sentAt`
 * is set right after the SMTP server's 250, so a retried job does not send it twice.
 * Staff may look (who was reminded, when); nobody writes it over HTTP.
 */
export const AgreementReminders: CollectionConfig = {
  slug: 'agreement-reminders',
  labels: {
    singular: { da: 'Påmindelse om gennemgang', en: 'Review reminder' },
    plural: { da: 'Påmindelser om gennemgang', en: 'Review reminders' },
  },
  admin: {
    group: { da: 'Samarbejde', en: 'Collaboration' },
    useAsTitle: 'key',
    defaultColumns: ['agreement', 'year', 'threshold', 'sentAt', 'skipped'],
    hidden: ({ user }) => !isStaffUser(user),
  },
  access: { read: staffOnly, create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'agreement',
      type: 'relationship',
      relationTo: 'agreements',
      required: true,
      index: true,
      label: { da: 'Aftale', en: 'Agreement' },
    },
    { name: 'year', type: 'number', required: true, label: { da: 'Gennemgangens år', en: 'Review year' } },
    {
      name: 'threshold',
      type: 'select',
      required: true,
      options: REMINDER_THRESHOLDS.map(({ key }) => ({ value: key, label: THRESHOLD_LABELS[key] })),
      label: { da: 'Påmindelse', en: 'Reminder' },
    },
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      label: { da: 'Nøgle', en: 'Key' },
      admin: { description: { da: 'Aftale:år:påmindelse. Findes kun én gang.', en: 'Agreement:year:reminder. Exists only once.' } },
    },
    { name: 'sentAt', type: 'date', label: { da: 'Sendt', en: 'Sent' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'messageId', type: 'text', label: { da: 'Message-ID', en: 'Message-ID' } },
    { name: 'recipients', type: 'text', hasMany: true, label: { da: 'Modtagere', en: 'Recipients' } },
    {
      name: 'skipped',
      type: 'text',
      label: { da: 'Ikke sendt, fordi', en: 'Not sent, because' },
    },
  ],
}
