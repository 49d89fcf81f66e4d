'use client'
import type HlsType from 'hls.js'
import React, { useLayoutEffect, useRef, useState } from 'react'

export type PlayerCaption = { language: string; label?: string | null; url?: string | null }

type Engine = 'hls.js' | 'native-hls'

const LANGUAGE_NAMES: Record<string, string> = { da: 'Dansk', en: 'English' }

type Props = {
  /** The HLS master, once the ladder is made; null while only MP4s (the preview) exist. */
  hlsUrl?: string | null
  /** The MP4 played where HLS cannot be, and the only source before the master exists. */
  mp4Url: string
  poster?: string | null
  captions?: PlayerCaption[] | null
  label: string
}

/**
 * The admin's player (issue #15, item 2): HLS through hls.js from our own build (imported from
 * npm, loaded on demand as its own chunk, never from a CDN), Safari's own HLS where hls.js cannot
 * run, and the MP4 where neither works or after a fatal hls.js error. The master names the
 * captions itself (subtitle renditions), so the side-loaded `<track>`s are for the MP4 only:
 * with both, every language would be listed twice. `data-player` says which one plays.
 */
export const AdminVideoPlayer: React.FC<Props> = ({ hlsUrl, mp4Url, poster, captions, label }) => {
  const video = useRef<HTMLVideoElement>(null)
  // The master that failed (fatal error, or no way to play HLS here): its MP4 plays instead.
  const [failedMaster, setFailedMaster] = useState<string | null>(null)
  const [engine, setEngine] = useState<{ source: string; engine: Engine } | null>(null)
  const master = hlsUrl && hlsUrl !== failedMaster ? hlsUrl : null
  const tracks = (captions ?? []).filter((caption) => caption.url)
  // The master's URL stays when only the captions change; their URLs change with their text, so
  // they name the player's source too: new captions load the master (and its subtitles) again.
  const source = `${master ?? mp4Url} ${tracks.map((caption) => caption.url).join(' ')}`

  // A layout effect: the old player is destroyed in the same commit that replaces its element,
  // before the removed element's track events could make it load superseded captions.
  useLayoutEffect(() => {
    const element = video.current
    if (!master || !element) return
    let cancelled = false
    let player: HlsType | undefined
    // Leaving the page aborts hls.js's requests, which it reports as fatal: no reason to fall
    // back to the MP4 (and load its side-loaded captions) on a page that is going away. A page
    // still here a few seconds after `beforeunload` stayed (the leave was cancelled).
    let leaving = false
    let stayed: ReturnType<typeof setTimeout> | undefined
    const onLeave = () => {
      leaving = true
      clearTimeout(stayed)
      stayed = setTimeout(() => (leaving = false), 5000)
    }
    const onPageShow = () => (leaving = false)
    window.addEventListener('beforeunload', onLeave)
    window.addEventListener('pagehide', onLeave)
    window.addEventListener('pageshow', onPageShow)
    void import('hls.js').then(({ default: Hls }) => {
      if (cancelled) return
      if (Hls.isSupported()) {
        // The editor checks the result: start at the best rendition, not at a bandwidth guess.
        player = new Hls({ autoStartLoad: false })
        const hls = player
        hls.on(Hls.Events.MANIFEST_PARSED, (_event, data) => {
          hls.startLevel = data.levels.length - 1
          hls.startLoad()
        })
        hls.on(Hls.Events.ERROR, (_event, data) => {
          if (!data.fatal || leaving) return
          hls.destroy()
          player = undefined
          setFailedMaster(master)
        })
        hls.loadSource(master)
        hls.attachMedia(element)
        setEngine({ source, engine: 'hls.js' })
      } else if (element.canPlayType('application/vnd.apple.mpegurl')) {
        element.src = master
        setEngine({ source, engine: 'native-hls' })
      } else {
        setFailedMaster(master)
      }
    }, () => !cancelled && setFailedMaster(master))
    return () => {
      cancelled = true
      clearTimeout(stayed)
      window.removeEventListener('beforeunload', onLeave)
      window.removeEventListener('pagehide', onLeave)
      window.removeEventListener('pageshow', onPageShow)
      player?.destroy()
    }
    // `source` covers the captions: a change of them starts a new player on the same master.
  }, [master, source])

  const playing = master ? (engine?.source === source ? engine.engine : 'loading') : 'mp4'
  return (
    // A new source is a new element: playback never continues on a stale URL or engine.
    <video
      key={source}
      ref={video}
      src={master ? undefined : mp4Url}
      poster={poster ?? undefined}
      controls
      preload="metadata"
      aria-label={label}
      data-player={playing}
    >
      {!master &&
        tracks.map((caption, index) => (
          <track
            key={caption.url}
            kind="captions"
            src={caption.url!}
            srcLang={caption.language}
            label={caption.label || LANGUAGE_NAMES[caption.language] || caption.language}
            default={index === 0}
          />
        ))}
    </video>
  )
}
