import type { Clip } from '../../payload-types'
import { absolute, publicImage, type PublicImage } from './media'
import { captionLabel } from '../../video/captions'

export type PublicClip = {
  id: string
  title: string | null
  duration: number | null
  width: number | null
  height: number | null
  poster: PublicImage | null
  hlsUrl: string | null
  renditions: { label: string; url: string; width: number; height: number; bitrate: number | null; mimeType: string; size: number | null }[]
  captions: { language: string; label: string; url: string }[]
}

/** Posters are served through the clip (SPEC §6): they stop with it. */
export const posterUrl = (clipId: string | number, file: string) => `/media/posters/${clipId}/${encodeURIComponent(file)}`

/** A public clip as SPEC §7 lists it; only what the website needs, nothing from the upload. */
export const publicClipView = (clip: Clip): PublicClip => {
  const top = clip.renditions?.[0]
  return {
    id: String(clip.id),
    title: clip.title ?? null,
    duration: clip.probe?.duration ?? null,
    width: top?.width ?? clip.probe?.width ?? null,
    height: top?.height ?? clip.probe?.height ?? null,
    poster: publicImage(clip.poster && typeof clip.poster === 'object' ? { ...clip.poster, private: false } : null, (file) => posterUrl(clip.id, file)),
    hlsUrl: clip.hlsUrl ? absolute(clip.hlsUrl) : null,
    renditions: (clip.renditions ?? [])
      .filter((rendition) => rendition.url)
      .map((rendition) => ({
        label: rendition.label ?? '',
        url: absolute(rendition.url!),
        width: rendition.width ?? 0,
        height: rendition.height ?? 0,
        bitrate: rendition.bitrate ?? null,
        mimeType: rendition.mimeType ?? 'video/mp4',
        // Bytes: what an RSS enclosure must state, and what a download needs to show progress.
        size: rendition.size ?? null,
      })),
    captions: (clip.captions ?? [])
      .filter((caption) => caption.url)
      .map((caption) => ({
        language: caption.language,
        label: captionLabel(caption),
        url: absolute(caption.url!),
      })),
  }
}
