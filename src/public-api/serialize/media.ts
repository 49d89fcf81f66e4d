import type { Media } from '../../payload-types'
import { readEnv } from '../../config/env'

export type PublicImage = { url: string; alt: string; width: number | null; height: number | null; srcset: string }

const SIZES = ['thumbnail', 'card', 'hero'] as const

export const absolute = (url: string) => (/^https?:\/\//.test(url) ? url : `${readEnv().publicUrl}${url}`)

/** An image with its sharp sizes as a `srcset`, absolute URLs. `base` overrides where files are served. */
export const publicImage = (media: Media | number | null | undefined, base?: (file: string) => string): PublicImage | null => {
  if (!media || typeof media !== 'object' || !media.url || media.private) return null
  const fileUrl = (file: string) => absolute(base ? base(file) : `/api/media/file/${encodeURIComponent(file)}`)
  const sizes = SIZES.map((name) => media.sizes?.[name]).filter((size) => size?.filename && size.width)
  return {
    url: fileUrl(media.filename!),
    alt: media.alt ?? '',
    width: media.width ?? null,
    height: media.height ?? null,
    srcset: [...sizes.map((size) => `${fileUrl(size!.filename!)} ${size!.width}w`), ...(media.width ? [`${fileUrl(media.filename!)} ${media.width}w`] : [])].join(', '),
  }
}
