import type { Bilingual } from '../lib/bilingual'

type StoredFailure = { error?: string | null; errorEn?: string | null } | null | undefined

/**
 * How a clip stores why its pipeline stopped: `processing.error` in Danish (the default
 * language), `processing.errorEn` in English. The one place that spells the two fields, for the
 * pipeline, the hooks that clear them and the admin components that read them; it imports no
 * runtime code, so components in the browser can use it.
 */
export const storedFailure = (reason: Bilingual | null) => ({ error: reason?.da ?? null, errorEn: reason?.en ?? null })

/** The stored reason in the reader's language; Danish when no English was stored. */
export const failureText = (processing: StoredFailure, language: string | undefined): string | null =>
  (language === 'en' ? processing?.errorEn : null) || processing?.error || null
