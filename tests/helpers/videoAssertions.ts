/**
 * What "web-ready" means (SPEC §5), checked with ffprobe on the files the pipeline wrote.
 * Shared by the generated-media suite and the suite over ../shared/media-fixtures.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { expect } from '@jest/globals'

import type { Clip, Media } from '../../src/payload-types'

const run = promisify(execFile)

type Stream = {
  codec_type: string
  codec_name: string
  profile?: string
  width?: number
  height?: number
  pix_fmt?: string
  sample_aspect_ratio?: string
  r_frame_rate?: string
  avg_frame_rate?: string
  sample_rate?: string
  channels?: number
  level?: number
  bit_rate?: string
  start_time?: string
  color_transfer?: string
  color_primaries?: string
  color_space?: string
  side_data_list?: { rotation?: number }[]
  tags?: Record<string, string>
}

export const ffprobeJson = async (file: string) => {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file])
  return JSON.parse(stdout) as { streams: Stream[]; format: { tags?: Record<string, string>; duration?: string } }
}

/** The file on disk behind a /media/… URL. */
export const fileOf = (url: string) => path.join(process.env.MEDIA_DIR!, url.replace(/^\/media\//, ''))

/** Top-level MP4 boxes in order: `moov` must come before `mdat` for progressive playback. */
export const topLevelBoxes = (file: string): string[] => {
  const fd = fs.openSync(file, 'r')
  const boxes: string[] = []
  try {
    const size = fs.fstatSync(fd).size
    const header = Buffer.alloc(16)
    for (let offset = 0; offset + 8 <= size; ) {
      fs.readSync(fd, header, 0, 16, offset)
      let boxSize = header.readUInt32BE(0)
      boxes.push(header.toString('latin1', 4, 8))
      if (boxSize === 1) boxSize = Number(header.readBigUInt64BE(8))
      if (boxSize === 0) break
      offset += boxSize
    }
  } finally {
    fs.closeSync(fd)
  }
  return boxes
}

const keyframeTimes = async (file: string): Promise<number[]> => {
  const { stdout } = await run('ffprobe', [
    '-v', 'error', '-select_streams', 'v:0', '-skip_frame', 'nokey',
    '-show_entries', 'frame=pts_time', '-of', 'csv=p=0', file,
  ])
  return stdout.split('\n').filter(Boolean).map((line) => Math.round(Number(line) * 1000))
}

const ratio = (value?: string) => {
  const [num, den] = (value ?? '0/1').split('/').map(Number)
  return den ? num / den : 0
}

/** Nothing of the source's metadata may remain: no location, device or creation tags. */
export const expectNoPrivateMetadata = (tags: Record<string, string> | undefined) => {
  const keys = Object.keys(tags ?? {}).map((key) => key.toLowerCase())
  expect(keys.filter((key) => /location|iso6709|gps|xyz|make|model|creation|com\.apple|com\.android/.test(key))).toEqual([])
}

export type SourceTraits = {
  portrait: boolean
  hasAudio: boolean
  /** Web-compatible source: the top MP4 is a remux and keeps the source's own profile. */
  fastPath: boolean
}

/** Asserts every output of a ready clip, file by file. */
export const expectWebReadyClip = async (clip: Clip, source: SourceTraits) => {
  expect(clip.processing).toMatchObject({ status: 'ready', progress: 100 })
  expect(clip.processing?.error ?? null).toBeNull()
  const renditions = clip.renditions ?? []
  expect(renditions.length).toBeGreaterThan(0)
  expect(renditions.map((r) => r.height! * r.width!)).toEqual([...renditions.map((r) => r.height! * r.width!)].sort((a, b) => b - a))

  for (const rendition of renditions) {
    const file = fileOf(rendition.url!)
    expect(fs.statSync(file).size).toBe(rendition.size)
    const { streams, format } = await ffprobeJson(file)
    const videos = streams.filter((s) => s.codec_type === 'video')
    const audios = streams.filter((s) => s.codec_type === 'audio')
    expect(videos).toHaveLength(1)
    const [video] = videos
    expect(video.codec_name).toBe('h264')
    expect(video.pix_fmt).toBe('yuv420p')
    expect([video.width! % 2, video.height! % 2]).toEqual([0, 0])
    expect([video.width, video.height]).toEqual([rendition.width, rendition.height])
    expect(video.height! > video.width!).toBe(source.portrait)
    expect(['1:1', undefined, '0:1']).toContain(video.sample_aspect_ratio)
    expect((video.side_data_list ?? []).map((side) => side.rotation ?? 0).filter((r) => r !== 0)).toEqual([])
    // Constant frame rate: the stream's nominal rate and its average agree.
    expect(Math.abs(ratio(video.r_frame_rate) - ratio(video.avg_frame_rate))).toBeLessThan(0.05)
    expect(ratio(video.avg_frame_rate)).toBeLessThanOrEqual(60.01)
    expect(audios).toHaveLength(source.hasAudio ? 1 : 0)
    if (source.hasAudio) expect(audios[0].codec_name).toBe('aac')
    expectNoPrivateMetadata(format.tags)
    for (const stream of streams) expectNoPrivateMetadata(stream.tags)
    const boxes = topLevelBoxes(file)
    expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0)
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'))
    if (!(source.fastPath && rendition === renditions[0])) {
      expect(video.profile).toBe('High')
      if (source.hasAudio) expect([audios[0].profile, audios[0].sample_rate, audios[0].channels]).toEqual(['LC', '48000', 2])
    }
  }

  // Keyframes at the same instants in every encoded rung.
  const encoded = renditions.filter((_, i) => i > 0 || !source.fastPath)
  const keyframes = await Promise.all(encoded.map((r) => keyframeTimes(fileOf(r.url!))))
  for (const times of keyframes.slice(1)) expect(times).toEqual(keyframes[0])

  await expectValidHls(clip)
  const poster = clip.poster as Media
  expect(poster).toMatchObject({ mimeType: 'image/jpeg' })
  expect(poster.height! > poster.width!).toBe(source.portrait)
}

/** Master and variant playlists parse, and every file they name exists. */
export const expectValidHls = async (clip: Clip) => {
  expect(clip.hlsUrl).toMatch(/\/master\.m3u8$/)
  const master = fileOf(clip.hlsUrl!)
  const lines = fs.readFileSync(master, 'utf8').split('\n')
  expect(lines[0]).toBe('#EXTM3U')
  const variants = lines.flatMap((line, i) => (line.startsWith('#EXT-X-STREAM-INF:') ? [{ info: line, uri: lines[i + 1] }] : []))
  expect(variants).toHaveLength(clip.renditions!.length)
  for (const { info, uri } of variants) {
    expect(Number(/BANDWIDTH=(\d+)/.exec(info)?.[1])).toBeGreaterThan(0)
    expect(info).toMatch(/CODECS="avc1\.64[0-9a-f]{4}/)
    const [width, height] = /RESOLUTION=(\d+)x(\d+)/.exec(info)!.slice(1).map(Number)
    expect(clip.renditions!.some((r) => r.width === width && r.height === height)).toBe(true)
    const variant = path.join(path.dirname(master), uri)
    const text = fs.readFileSync(variant, 'utf8')
    expect(text).toContain('#EXT-X-ENDLIST')
    const named = [...text.matchAll(/^(?!#)(\S+)$/gm)].map((m) => m[1])
    const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(text)?.[1]
    expect(init).toBeDefined()
    expect(named.length).toBeGreaterThan(0)
    for (const name of [init!, ...named]) expect(fs.existsSync(path.join(path.dirname(variant), name))).toBe(true)
  }
}
