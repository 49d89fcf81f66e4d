import type { CollectionBeforeChangeHook } from 'payload'

type ConsentRecord = { withdrawnAt?: string | null }

/**
 * Keeps `consent.withdrawn` in step with the records, so public access can be a plain query:
 * one withdrawal anywhere takes the clip out of every public response at once.
 */
export const deriveConsentState: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const consent = data.consent ?? originalDoc?.consent ?? {}
  const records: ConsentRecord[] = consent.records ?? []
  const withdrawn = records.some((record) => Boolean(record?.withdrawnAt))
  data.consent = { ...consent, withdrawn }
  return data
}
