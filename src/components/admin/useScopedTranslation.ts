'use client'
import { useTranslation } from '@payloadcms/ui'

/**
 * Payload's `t` for one of our custom translation scopes (`clipUpload`, `clipProcessing`,
 * `clipOutputs`: adminTranslations.ts), typed by that scope's keys. Payload's own `t` is typed
 * for its built-in keys only, hence the one cast, here.
 */
export const useScopedTranslation = <Key extends string>(scope: string) => {
  const { t } = useTranslation()
  return (key: Key, vars?: Record<string, unknown>): string => (t as (key: string, vars?: Record<string, unknown>) => string)(`${scope}:${key}`, vars)
}
