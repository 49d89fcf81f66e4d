/**
 * Captions as HLS subtitle renditions (issue #15, item 3): any HLS player (Safari, hls.js,
 * Shaka, ExoPlayer, ffmpeg) finds a clip's captions in its master playlist, not only our own
 * page's side-loaded `<track>`s. Captions live in the database and change without a new encode,
 * so the master is completed with them when it is served, never rewritten on disk.
 */

export type SubtitleRendition = {
  language: string
  name: string
  /** The WebVTT media playlist of this language (`subtitlePlaylistUrl`). */
  uri: string
}

export const SUBTITLES_GROUP = 'subs'

const quoted = (value: string) => `"${value.replace(/["\r\n]/g, '')}"`

/**
 * The master with one `EXT-X-MEDIA:TYPE=SUBTITLES` per language and the group named on every
 * variant (RFC 8216 §4.3.4.1, §4.3.4.2). The first language is the default; none is forced.
 * A master that already names a subtitles group, or with no captions, is returned as it is.
 */
export const withSubtitles = (master: string, renditions: SubtitleRendition[]): string => {
  if (renditions.length === 0 || master.includes('TYPE=SUBTITLES')) return master
  const media = renditions.map(
    (rendition, index) =>
      `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=${quoted(SUBTITLES_GROUP)},NAME=${quoted(rendition.name)},LANGUAGE=${quoted(rendition.language)},` +
      `DEFAULT=${index === 0 ? 'YES' : 'NO'},AUTOSELECT=YES,FORCED=NO,URI=${quoted(rendition.uri)}`,
  )
  const lines = master.split('\n')
  const firstVariant = lines.findIndex((line) => line.startsWith('#EXT-X-STREAM-INF:'))
  if (firstVariant < 0) return master
  const variants = lines.map((line) =>
    line.startsWith('#EXT-X-STREAM-INF:') ? `${line},SUBTITLES=${quoted(SUBTITLES_GROUP)}` : line,
  )
  return [...variants.slice(0, firstVariant), ...media, ...variants.slice(firstVariant)].join('\n')
}

/**
 * A WebVTT media playlist of one segment: the whole caption file, as long as the clip. Its
 * target duration is the clip's length rounded up (RFC 8216 §4.3.3.1: no segment may be longer).
 */
export const subtitlePlaylist = (vttUri: string, durationSeconds: number): string => {
  const duration = Math.max(1, durationSeconds)
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${Math.ceil(duration)}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    `#EXTINF:${duration.toFixed(3)},`,
    vttUri,
    '#EXT-X-ENDLIST',
    '',
  ].join('\n')
}

/** `/media/clips/1/captions/da-abc.vtt` → `/media/clips/1/captions/da-abc.m3u8`: named by the same content hash. */
export const subtitlePlaylistUrl = (captionUrl: string): string => captionUrl.replace(/\.vtt$/, '.m3u8')
