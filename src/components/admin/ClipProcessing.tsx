'use client'
import { Button, useTranslation } from '@payloadcms/ui'
import React, { useState } from 'react'

import type { ClipProcessingKey } from './clipProcessingTranslations'
import { failureText } from '../../video/storedFailure'
import { useClipState } from './useClipState'
import { useScopedTranslation } from './useScopedTranslation'
import './clipAdmin.css'

/** Sidebar: the pipeline's state and progress, its error, and "process again". */
export const ClipProcessing: React.FC = () => {
  const t = useScopedTranslation<ClipProcessingKey>('clipProcessing')
  const { i18n } = useTranslation()
  const { id, clip, refresh, active, apiBase } = useClipState()
  const [message, setMessage] = useState<string | null>(null)
  if (!id) return <p className="clip-admin__hint">{t('saveFirst')}</p>
  const status = clip?.processing?.status ?? 'queued'
  const progress = Math.round(clip?.processing?.progress ?? 0)
  const error = failureText(clip?.processing, i18n.language)
  // Encoding now: processing, or at the preview while the ladder goes on (not stopped by an error).
  const working = active && status !== 'queued'

  const reprocess = async () => {
    setMessage(null)
    const res = await fetch(`${apiBase}/clips/${id}/reprocess`, { method: 'POST', credentials: 'include' })
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } }
    if (!res.ok) setMessage(body.error?.message ?? t('requestFailed', { status: res.status }))
    await refresh()
  }

  return (
    <div className="clip-admin">
      <div className="clip-admin__label">{t('heading')}</div>
      <div className={`clip-admin__status clip-admin__status--${status}`} role="status" aria-live="polite">
        {t(`status_${status}` as ClipProcessingKey)}
        {working ? ` · ${progress} %` : null}
      </div>
      {(working || status === 'queued') && (
        <progress className="clip-admin__progress" max={100} value={status === 'queued' ? undefined : progress} aria-label={t('progress')} />
      )}
      {error && <p className="clip-admin__error">{error}</p>}
      {(status === 'failed' || status === 'ready' || (status === 'preview' && error)) && (
        <Button buttonStyle="secondary" size="small" onClick={() => void reprocess()}>
          {t('reprocess')}
        </Button>
      )}
      {message && <p className="clip-admin__error">{message}</p>}
    </div>
  )
}
