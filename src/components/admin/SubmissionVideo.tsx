'use client'
import { useConfig, useFormFields } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { PLAYABLE_STATUSES } from '../../constants/stages'
import type { Clip, Media } from '../../payload-types'
import { AdminVideoPlayer } from './AdminVideoPlayer'
import type { SubmissionVideoKey } from './submissionVideoTranslations'
import { useScopedTranslation } from './useScopedTranslation'
import './clipAdmin.css'

type Loaded = { id: number | string; clip: Clip } | { id: number | string; httpStatus: number }

/**
 * Submission, under its `video` (issue #15, item 2): the clip the sender uploaded, in the same
 * player as on the clip's own page, so the editor watches it without leaving the submission.
 * Follows the field: choosing another clip plays that one.
 */
export const SubmissionVideo: React.FC = () => {
  const t = useScopedTranslation<SubmissionVideoKey>('submissionVideo')
  const { config } = useConfig()
  const value = useFormFields(([fields]) => fields.video?.value) as number | string | { id: number | string } | null | undefined
  const id = value && typeof value === 'object' ? value.id : value
  const [loaded, setLoaded] = useState<Loaded | null>(null)

  useEffect(() => {
    if (!id) return
    let cancelled = false
    void fetch(`${config.serverURL}${config.routes.api}/clips/${id}?depth=1`, { credentials: 'include' })
      .then(async (res): Promise<Loaded> => (res.ok ? { id, clip: (await res.json()) as Clip } : { id, httpStatus: res.status }))
      // No answer at all (offline): said as such, never an unhandled rejection.
      .catch((): Loaded => ({ id, httpStatus: 0 }))
      .then((next) => !cancelled && setLoaded(next))
    return () => {
      cancelled = true
    }
  }, [id, config.serverURL, config.routes.api])

  if (!id) return null
  const current = loaded?.id === id ? loaded : null
  const clip = current && 'clip' in current ? current.clip : null
  const status = clip?.processing?.status ?? ''
  const mp4 = clip && PLAYABLE_STATUSES.includes(status) ? clip.renditions?.[0]?.url : null
  const poster = clip?.poster && typeof clip.poster === 'object' ? (clip.poster as Media) : null
  return (
    <section className="field-type clip-admin submission-video" aria-label={t('heading')}>
      <p className="clip-admin__label">{t('heading')}</p>
      {!current && <p className="clip-admin__hint">{t('loading')}</p>}
      {current && 'httpStatus' in current && <p className="clip-admin__error">{t('unreadable', { status: current.httpStatus })}</p>}
      {clip && !mp4 && <p className="clip-admin__hint">{t('notPlayable')}</p>}
      {clip && mp4 && (
        <figure className="clip-admin__player">
          <AdminVideoPlayer hlsUrl={clip.hlsUrl} mp4Url={mp4} poster={poster?.url} captions={clip.captions} label={t('player')} />
        </figure>
      )}
      {clip && (
        <a href={`${config.routes.admin}/collections/clips/${clip.id}`}>{t('openClip')}</a>
      )}
    </section>
  )
}
