import type { Field } from 'payload'

import { staffField } from '../access'

const sentFields: Field[] = [
  { name: 'sentAt', type: 'date', label: { da: 'Sendt', en: 'Sent' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
  { name: 'messageId', type: 'text', label: { da: 'Message-ID', en: 'Message-ID' } },
]

/**
 * Which mails about a submission the SMTP server has accepted (250), one group per kind, written
 * by the mail job right after the 250 (src/email/task.ts). A job run again after its worker died
 * sees the record and does not send twice. Groups (one column each), not one JSON value: the
 * receipt and the alert are sent in parallel, and each write then touches only its own kind.
 */
export const mailsSentField: Field = {
  name: 'mailsSent',
  type: 'group',
  label: { da: 'Sendte mails', en: 'Mails sent' },
  access: { read: staffField, create: () => false, update: () => false },
  admin: { position: 'sidebar', readOnly: true },
  fields: [
    { name: 'receipt', type: 'group', label: { da: 'Kvittering', en: 'Receipt' }, fields: sentFields },
    { name: 'alert', type: 'group', label: { da: 'Besked til redaktionen', en: 'Alert to editors' }, fields: sentFields },
    { name: 'declined', type: 'group', label: { da: 'Afslag', en: 'Declined' }, fields: sentFields },
  ],
}
