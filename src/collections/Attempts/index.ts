import type { CollectionConfig } from 'payload'

import { nobody } from '../../access'

/**
 * The attempt budgets' ledger (src/auth/attemptLedger.ts): one row per counted attempt (a login,
 * a password-reset request, a submission, an upload created), kept in the database so every web
 * process of a deployment counts against the same budget. `key` is a keyed hash of what the
 * budget counts by (an address, an e-mail and address pair): no address or e-mail is stored.
 * Rows older than the longest window are swept. Nobody reads or writes it over HTTP.
 */
export const Attempts: CollectionConfig = {
  slug: 'attempts',
  labels: {
    singular: { da: 'Forsøg', en: 'Attempt' },
    plural: { da: 'Forsøg', en: 'Attempts' },
  },
  admin: { hidden: true },
  // Not part of any API: the ledger is ours alone.
  graphQL: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  // `at` says when; Payload's own timestamps would only double the writes.
  timestamps: false,
  // Never edited in the admin: nothing to lock.
  lockDocuments: false,
  indexes: [{ fields: ['budget', 'key', 'at'] }],
  fields: [
    { name: 'budget', type: 'text', required: true },
    { name: 'key', type: 'text', required: true },
    // Milliseconds since the epoch: compared, never shown.
    { name: 'at', type: 'number', required: true, index: true },
  ],
}
