type StoredFailure = { error?: string | null; errorEn?: string | null } | null | undefined

/**
 * A clip's stored failure reason in the reader's language (`processing.error` is Danish,
 * `processing.errorEn` English: failureReason.ts). Imports nothing, so admin components in the
 * browser can use it. Danish when no English was stored.
 */
export const failureText = (processing: StoredFailure, language: string | undefined): string | null =>
  (language === 'en' ? processing?.errorEn : null) || processing?.error || null
