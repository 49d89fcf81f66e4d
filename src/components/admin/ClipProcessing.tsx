'use client'
import { Button } from '@payloadcms/ui'
import React, { useState } from 'react'

import { useClipState } from './useClipState'
import './clipAdmin.css'

const LABELS: Record<string, string> = {
  queued: 'I kø / Queued',
  processing: 'Behandles / Processing',
  ready: 'Klar / Ready',
  failed: 'Fejlet / Failed',
}

/** Sidebar: the pipeline's state and progress, its error, and "process again". */
export const ClipProcessing: React.FC = () => {
  const { id, clip, refresh, apiBase } = useClipState()
  const [message, setMessage] = useState<string | null>(null)
  if (!id) return <p className="clip-admin__hint">Gem klippet for at starte behandlingen. / Save the clip to start processing.</p>
  const status = clip?.processing?.status ?? 'queued'
  const progress = Math.round(clip?.processing?.progress ?? 0)

  const reprocess = async () => {
    setMessage(null)
    const res = await fetch(`${apiBase}/clips/${id}/reprocess`, { method: 'POST', credentials: 'include' })
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } }
    if (!res.ok) setMessage(body.error?.message ?? `Fejl ${res.status}`)
    await refresh()
  }

  return (
    <div className="clip-admin">
      <div className="clip-admin__label">Videobehandling / Processing</div>
      <div className={`clip-admin__status clip-admin__status--${status}`} role="status" aria-live="polite">
        {LABELS[status] ?? status}
        {status === 'processing' ? ` · ${progress} %` : null}
      </div>
      {(status === 'processing' || status === 'queued') && (
        <progress className="clip-admin__progress" max={100} value={status === 'queued' ? undefined : progress} aria-label="Fremdrift" />
      )}
      {clip?.processing?.error && <p className="clip-admin__error">{clip.processing.error}</p>}
      {(status === 'failed' || status === 'ready') && (
        <Button buttonStyle="secondary" size="small" onClick={() => void reprocess()}>
          Behandl igen / Process again
        </Button>
      )}
      {message && <p className="clip-admin__error">{message}</p>}
    </div>
  )
}
