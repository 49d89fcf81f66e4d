import fs from 'node:fs/promises'
import path from 'node:path'

export type VariantStats = { peakBitsPerSecond: number; averageBitsPerSecond: number; segments: string[] }

/**
 * Bandwidth of one HLS variant measured from its own segments (peak and average, bits/s),
 * so the master playlist advertises what players will really have to download.
 */
export const measureVariant = async (playlistFile: string): Promise<VariantStats> => {
  const dir = path.dirname(playlistFile)
  const lines = (await fs.readFile(playlistFile, 'utf8')).split('\n')
  let duration = 0
  let totalBits = 0
  let peak = 0
  const segments: string[] = []
  const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(lines.join('\n'))?.[1]
  for (let i = 0; i < lines.length; i++) {
    const match = /^#EXTINF:([\d.]+)/.exec(lines[i])
    if (!match) continue
    const name = lines[i + 1]?.trim()
    if (!name) continue
    const seconds = Number(match[1])
    const bits = (await fs.stat(path.join(dir, name))).size * 8
    segments.push(name)
    duration += seconds
    totalBits += bits
    if (seconds > 0.5) peak = Math.max(peak, bits / seconds)
  }
  if (init) segments.unshift(init)
  const average = duration > 0 ? totalBits / duration : 0
  return { peakBitsPerSecond: Math.ceil(peak || average), averageBitsPerSecond: Math.ceil(average), segments }
}

export type MasterVariant = {
  playlist: string
  width: number
  height: number
  fps: number
  codecs: string
  stats: VariantStats
}

/** The master playlist, written by us with measured BANDWIDTH and real CODECS and sizes. */
export const masterPlaylist = (variants: MasterVariant[]): string =>
  [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    ...variants.flatMap((variant) => [
      `#EXT-X-STREAM-INF:BANDWIDTH=${variant.stats.peakBitsPerSecond},AVERAGE-BANDWIDTH=${variant.stats.averageBitsPerSecond},RESOLUTION=${variant.width}x${variant.height},FRAME-RATE=${variant.fps.toFixed(3)},CODECS="${variant.codecs}"`,
      variant.playlist,
    ]),
    '',
  ].join('\n')

/** RFC 6381 codec string of an H.264 High stream at a level (e.g. 31 → avc1.64001f). */
export const avcCodec = (level: number | undefined): string =>
  `avc1.6400${Math.max(10, Math.min(62, level ?? 40)).toString(16).padStart(2, '0')}`
