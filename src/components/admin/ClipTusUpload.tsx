'use client'
import { Button, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useEffect, useRef, useState } from 'react'
import { defaultOptions, Upload, type DetailedError } from 'tus-js-client'

import type { ClipUploadKey } from './clipUploadTranslations'
import { useScopedTranslation } from './useScopedTranslation'
import './clipAdmin.css'
import './clipUpload.css'

const MB = 1024 * 1024
// Small enough that a dropped connection costs seconds, large enough to keep requests few.
const CHUNK_BYTES = 16 * MB
// Back-off between retries: a phone's or a train's connection may be gone for a minute.
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000]
const SPEED_WINDOW_MS = 10_000

type Phase = 'idle' | 'offered' | 'uploading' | 'paused' | 'saving' | 'done' | 'failed'
type Sample = { at: number; bytes: number }
type PreviousUpload = Awaited<ReturnType<Upload['findPreviousUploads']>>[number]

const mb = (bytes: number) => (bytes / MB).toFixed(1)

const duration = (seconds: number) => {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`
  const minutes = Math.round(seconds / 60)
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} t ${minutes % 60} min`
}

/** The session cookie authenticates every tus request, as for the rest of the admin. */
const withCookie = (req: { getUnderlyingObject: () => unknown }) => {
  const xhr = req.getUnderlyingObject() as XMLHttpRequest | undefined
  if (xhr && 'withCredentials' in xhr) xhr.withCredentials = true
}

/**
 * The clip's resumable upload (issue #11, item 4): the chosen video goes through tus to the staff
 * endpoint /api/uploads in chunks, retried with back-off when the connection drops, and after a
 * reload the same file is offered to be continued where it stopped (tus-js-client remembers the
 * upload by the file's fingerprint) or started over, which deletes the old one. When every byte
 * has arrived, /api/clips/from-upload puts it on the clip (a new clip, or this clip's new file),
 * and the pipeline runs as for Payload's own upload, which stays for small files.
 */
export const ClipTusUpload: React.FC = () => {
  const t = useScopedTranslation<ClipUploadKey>('clipUpload')
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const router = useRouter()
  const title = useFormFields(([fields]) => fields.title?.value as string | undefined)
  const apiBase = `${config.serverURL}${config.routes.api}`

  const upload = useRef<Upload | null>(null)
  const samples = useRef<Sample[]>([])
  const [phase, setPhase] = useState<Phase>('idle')
  const [sent, setSent] = useState(0)
  const [total, setTotal] = useState(0)
  const [speed, setSpeed] = useState<number | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [offer, setOffer] = useState<{ file: File; previous: PreviousUpload[] } | null>(null)

  // Leaving the page pauses the upload; its offset is kept on the server, to be resumed.
  useEffect(() => () => void upload.current?.abort(), [])

  const onProgress = (bytesSent: number, bytesTotal: number) => {
    const now = Date.now()
    samples.current = [...samples.current.filter((sample) => now - sample.at <= SPEED_WINDOW_MS), { at: now, bytes: bytesSent }]
    const first = samples.current[0]
    const seconds = (now - first.at) / 1000
    setSpeed(seconds >= 1 ? (bytesSent - first.bytes) / seconds : null)
    setSent(bytesSent)
    setTotal(bytesTotal)
  }

  const attach = async (uploadUrl: string) => {
    setPhase('saving')
    setNotice(t('saving'))
    const uploadId = uploadUrl.split('/').pop()
    const res = await fetch(`${apiBase}/clips/from-upload`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ uploadId, ...(id ? { clip: id } : { title: title || undefined }) }),
    })
    const body = (await res.json().catch(() => ({}))) as { doc?: { id: number | string }; error?: { message?: string } }
    if (!res.ok || !body.doc) {
      setPhase('failed')
      setError(t('failed', { message: body.error?.message ?? String(res.status) }))
      return
    }
    setPhase('done')
    setNotice(t(id ? 'replaced' : 'created'))
    // A full reload: the form and the processing panel then show the new file's state.
    if (id) window.location.reload()
    else router.push(`${config.routes.admin}/collections/clips/${body.doc.id}`)
  }

  const start = async (file: File) => {
    setError(null)
    setNotice(null)
    samples.current = []
    setSent(0)
    setTotal(file.size)
    const tus = new Upload(file, {
      endpoint: `${apiBase}/uploads`,
      chunkSize: CHUNK_BYTES,
      retryDelays: RETRY_DELAYS,
      metadata: { filename: file.name, filetype: file.type || 'application/octet-stream' },
      onBeforeRequest: withCookie,
      removeFingerprintOnSuccess: true,
      onProgress,
      onShouldRetry: (err, attempt) => {
        const status = (err as DetailedError).originalResponse?.getStatus() ?? 0
        // A refusal (too large, not a video, logged out) will not change by trying again.
        const retry = status === 0 || status === 409 || status === 423 || status >= 500
        if (retry) setNotice(t('retrying', { attempt: attempt + 1 }))
        return retry
      },
      onChunkComplete: () => setNotice(null),
      onError: (err) => {
        const response = (err as DetailedError).originalResponse
        let message = err.message
        try {
          message = (JSON.parse(response?.getBody() ?? '') as { error?: { message?: string } }).error?.message ?? message
        } catch {
          // Not our error shape (the connection itself failed): tus-js-client's message.
        }
        setPhase('failed')
        setError(t('failed', { message }))
      },
      onSuccess: () => void attach(tus.url!),
    })
    upload.current = tus
    const previous = await tus.findPreviousUploads()
    if (previous.length > 0) {
      setOffer({ file, previous })
      setPhase('offered')
      return
    }
    setPhase('uploading')
    tus.start()
  }

  /** The editor's answer to the offer: go on from the server's offset, or start again from zero. */
  const answerOffer = async (carryOn: boolean) => {
    const tus = upload.current
    if (!tus || !offer) return
    setOffer(null)
    if (carryOn) {
      tus.resumeFromPreviousUpload(offer.previous[0])
      setNotice(t('resuming', { name: offer.file.name }))
    } else {
      for (const previous of offer.previous) {
        // The old upload would wait on the server until it expires: delete it now (best effort),
        // and forget it here, so it is not offered again.
        if (previous.uploadUrl) await Upload.terminate(previous.uploadUrl, { onBeforeRequest: withCookie }).catch(() => undefined)
        await defaultOptions.urlStorage.removeUpload(previous.urlStorageKey).catch(() => undefined)
      }
    }
    setPhase('uploading')
    tus.start()
  }

  const pause = () => {
    void upload.current?.abort()
    setPhase('paused')
  }
  const resume = () => {
    samples.current = []
    upload.current?.start()
    setPhase('uploading')
  }

  const busy = phase === 'offered' || phase === 'uploading' || phase === 'paused' || phase === 'saving'
  const left = speed && speed > 0 ? (total - sent) / speed : null
  return (
    <div className="clip-admin clip-upload" data-testid="clip-tus-upload">
      <div className="clip-admin__label">{t('heading')}</div>
      <p className="clip-admin__hint">{t(id ? 'hintReplace' : 'hint')}</p>
      <label className="clip-upload__choose">
        <span className="btn btn--style-secondary btn--size-small">{t('choose')}</span>
        <input
          type="file"
          accept="video/*"
          disabled={busy}
          className="clip-upload__input"
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file) void start(file)
          }}
        />
      </label>
      {offer && (
        <div className="clip-upload__offer" data-testid="clip-tus-offer" role="group">
          <p className="clip-admin__hint">{t('offer', { name: offer.file.name })}</p>
          <Button buttonStyle="primary" size="small" onClick={() => void answerOffer(true)}>
            {t('offerCarryOn')}
          </Button>
          <Button buttonStyle="secondary" size="small" onClick={() => void answerOffer(false)}>
            {t('offerStartOver')}
          </Button>
        </div>
      )}
      {(busy || phase === 'done') && phase !== 'offered' && total > 0 && (
        <>
          <progress className="clip-admin__progress" max={total} value={sent} aria-label={t('heading')} />
          <div className="clip-upload__figures" role="status" aria-live="polite">
            <span>{t('progress', { sent: mb(sent), total: mb(total) })}</span>
            {phase === 'uploading' && speed !== null && <span>{t('speed', { speed: (speed / MB).toFixed(1) })}</span>}
            {phase === 'uploading' && left !== null && <span>{t('timeLeft', { time: duration(left) })}</span>}
          </div>
        </>
      )}
      {phase === 'uploading' && (
        <Button buttonStyle="secondary" size="small" onClick={pause}>
          {t('pause')}
        </Button>
      )}
      {phase === 'paused' && (
        <Button buttonStyle="secondary" size="small" onClick={resume}>
          {t('resume')}
        </Button>
      )}
      {notice && <p className="clip-admin__hint" data-testid="clip-tus-notice">{notice}</p>}
      {error && <p className="clip-admin__error" role="alert">{error}</p>}
    </div>
  )
}
