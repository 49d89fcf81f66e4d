'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect } from 'react'

import { PLAYABLE_STATUSES } from '../../constants/stages'
import type { Media } from '../../payload-types'
import { AdminVideoPlayer } from './AdminVideoPlayer'
import type { ClipOutputsKey } from './clipOutputsTranslations'
import { useClipState } from './useClipState'
import { useScopedTranslation } from './useScopedTranslation'
import './clipAdmin.css'

const megabytes = (bytes?: number | null) => (bytes ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : '–')
const kbps = (bits?: number | null) => (bits ? `${Math.round(bits / 1000)} kbit/s` : '–')

/**
 * Main area: a player for what the clip plays now (the preview MP4 while the ladder encodes, then
 * the HLS ladder with its captions, the top MP4 as fallback), and what the pipeline found and
 * made — source, renditions, HLS, poster.
 */
export const ClipOutputs: React.FC = () => {
  const t = useScopedTranslation<ClipOutputsKey>('clipOutputs')
  const { clip, refresh } = useClipState()
  // A save may change the captions (new URLs, a new master's subtitles): read the clip again,
  // so the player shows what was saved, not the captions the page was opened with.
  const { lastUpdateTime } = useDocumentInfo()
  useEffect(() => {
    if (lastUpdateTime) void refresh()
  }, [lastUpdateTime, refresh])
  if (!clip) return null
  const probe = clip.probe
  const poster = clip.poster && typeof clip.poster === 'object' ? (clip.poster as Media) : null
  const status = clip.processing?.status
  // Every rendition is an H.264 MP4 that plays in any browser; the first is the best there is.
  const playing = PLAYABLE_STATUSES.includes(status ?? '') && clip.renditions?.[0]?.url ? clip.renditions[0] : null
  return (
    <section className="clip-admin clip-admin--outputs" aria-label={t('region')}>
      {playing && (
        <figure className="clip-admin__player">
          <AdminVideoPlayer
            hlsUrl={clip.hlsUrl}
            mp4Url={playing.url!}
            poster={poster?.url}
            captions={clip.captions}
            label={t('player')}
          />
          {status === 'preview' && <figcaption className="clip-admin__hint">{t('playingPreview', { label: playing.label })}</figcaption>}
        </figure>
      )}
      {probe?.duration ? (
        <p className="clip-admin__probe">
          {t('source', { width: probe.width, height: probe.height })}
          {probe.rotation ? ` (${t('rotated', { degrees: probe.rotation })})` : ''} · {probe.videoCodec}
          {probe.audioCodec ? ` + ${probe.audioCodec}` : ` · ${t('noAudio')}`} · {probe.fps?.toFixed(2)} fps
          {probe.variableFrameRate ? ` (${t('variable')})` : ''} · {probe.duration.toFixed(1)} s
        </p>
      ) : null}
      {clip.renditions?.length ? (
        <table className="clip-admin__table">
          <thead>
            <tr>
              <th>{t('rendition')}</th>
              <th>{t('size')}</th>
              <th>{t('bitrate')}</th>
              <th>{t('file')}</th>
            </tr>
          </thead>
          <tbody>
            {clip.renditions.map((rendition) => (
              <tr key={rendition.url}>
                <td>
                  {rendition.label} ({rendition.width}×{rendition.height})
                </td>
                <td>{megabytes(rendition.size)}</td>
                <td>{kbps(rendition.bitrate)}</td>
                <td>
                  <a href={rendition.url ?? '#'} target="_blank" rel="noreferrer">
                    MP4
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="clip-admin__hint">{t('noRenditions')}</p>
      )}
      {clip.hlsUrl && (
        <p>
          HLS: <a href={clip.hlsUrl}>{clip.hlsUrl}</a>
        </p>
      )}
      {poster?.url && (
        // eslint-disable-next-line @next/next/no-img-element
        <img className="clip-admin__poster" src={poster.sizes?.thumbnail?.url ?? poster.url} alt={poster.alt ?? ''} />
      )}
    </section>
  )
}
