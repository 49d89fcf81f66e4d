'use client'
import React from 'react'

import type { Media } from '../../payload-types'
import { useClipState } from './useClipState'
import './clipAdmin.css'

const megabytes = (bytes?: number | null) => (bytes ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : '–')
const kbps = (bits?: number | null) => (bits ? `${Math.round(bits / 1000)} kbit/s` : '–')

/** Main area: what the pipeline found and made — probe summary, renditions, HLS and poster. */
export const ClipOutputs: React.FC = () => {
  const { clip } = useClipState()
  if (!clip) return null
  const probe = clip.probe
  const poster = clip.poster && typeof clip.poster === 'object' ? (clip.poster as Media) : null
  return (
    <section className="clip-admin clip-admin--outputs" aria-label="Videoens versioner / Renditions">
      {probe?.duration ? (
        <p className="clip-admin__probe">
          Kilde / Source: {probe.width}×{probe.height}
          {probe.rotation ? ` (drejet ${probe.rotation}°)` : ''} · {probe.videoCodec}
          {probe.audioCodec ? ` + ${probe.audioCodec}` : ' · uden lyd / no audio'} · {probe.fps?.toFixed(2)} fps
          {probe.variableFrameRate ? ' (variabel)' : ''} · {probe.duration.toFixed(1)} s
        </p>
      ) : null}
      {clip.renditions?.length ? (
        <table className="clip-admin__table">
          <thead>
            <tr>
              <th>Version</th>
              <th>Størrelse / Size</th>
              <th>Bitrate</th>
              <th>Fil / File</th>
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
        <p className="clip-admin__hint">Ingen versioner endnu. / No renditions yet.</p>
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
