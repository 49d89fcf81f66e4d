'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import type { Clip } from '../../payload-types'

// 'preview' too: the ladder is still encoding, and the clip becomes ready by itself.
const ACTIVE = new Set(['queued', 'processing', 'preview'])

/**
 * The clip as the server has it now, polled every two seconds while the pipeline works on it,
 * so the admin shows progress without a reload (the form itself only holds what was loaded).
 */
export const useClipState = () => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const [clip, setClip] = useState<Clip | null>(null)
  const url = id ? `${config.serverURL}${config.routes.api}/clips/${id}?depth=1` : null

  const refresh = useCallback(async () => {
    if (!url) return
    const res = await fetch(url, { credentials: 'include' })
    if (res.ok) setClip((await res.json()) as Clip)
  }, [url])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const status = clip?.processing?.status
  // A preview whose ladder stopped with an error waits for "Behandl igen": nothing to poll for.
  const active = Boolean(status && ACTIVE.has(status) && !(status === 'preview' && clip?.processing?.error))
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => void refresh(), 2000)
    return () => clearInterval(timer)
  }, [active, refresh])

  return { id, clip, refresh, active, apiBase: `${config.serverURL}${config.routes.api}` }
}
