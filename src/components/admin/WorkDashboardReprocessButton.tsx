'use client'
import { Button } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import React, { useState } from 'react'

import type { WorkDashboardKey } from './workDashboardTranslations'
import { useScopedTranslation } from './useScopedTranslation'

/**
 * "Behandl igen" on a failed clip in the dashboard: POSTs the clip's reprocess endpoint
 * (src/collections/Clips/endpoints/reprocess.ts) and refreshes the server-rendered panel, where
 * the clip then moves from "failed" to "processing". The endpoint's own message on a refusal.
 */
export const WorkDashboardReprocessButton: React.FC<{ clipId: number | string; apiRoute: string; clipTitle: string }> = ({
  clipId,
  apiRoute,
  clipTitle,
}) => {
  const t = useScopedTranslation<WorkDashboardKey>('workDashboard')
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  const reprocess = async () => {
    setBusy(true)
    setMessage(null)
    const res = await fetch(`${apiRoute}/clips/${clipId}/reprocess`, { method: 'POST', credentials: 'include' }).catch(() => null)
    const body = (await res?.json().catch(() => ({}))) as { error?: { message?: string } } | undefined
    setBusy(false)
    if (!res?.ok) return setMessage(body?.error?.message ?? t('requestFailed', { status: res?.status ?? 0 }))
    setMessage(t('reprocessQueued'))
    router.refresh()
  }

  return (
    <span className="work-dashboard__action">
      <Button buttonStyle="secondary" size="small" margin={false} disabled={busy} onClick={() => void reprocess()} aria-label={`${t('reprocess')}: ${clipTitle}`}>
        {t('reprocess')}
      </Button>
      {message && (
        <span className="work-dashboard__message" role="status">
          {message}
        </span>
      )}
    </span>
  )
}
