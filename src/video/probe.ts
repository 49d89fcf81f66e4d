import type { Bilingual } from '../lib/bilingual'
import { ffprobe, type FfprobeStream } from './ffmpeg'

/** What the pipeline needs to know about a source (SPEC §5 probe, names of §10 and more). */
export type Probe = {
  container: string
  duration: number
  /** Size as stored in the file. */
  storedWidth: number
  storedHeight: number
  /** Size as shown: rotation applied and non-square pixels stretched to square ones. */
  width: number
  height: number
  /** Clockwise degrees the player must turn the picture (0, 90, 180, 270). */
  rotation: number
  sampleAspectRatio: number
  videoCodec: string
  videoProfile?: string
  pixelFormat: string
  bitDepth: number
  /** 'pq' (HDR10/Dolby Vision) or 'hlg' when the source is HDR, else 'sdr'. */
  transfer: 'sdr' | 'pq' | 'hlg'
  interlaced: boolean
  fps: number
  /** The source's own average rate, not capped: what the cost limit (SPEC §5, 120 fps) looks at. */
  sourceFps: number
  variableFrameRate: boolean
  hasAudio: boolean
  audioCodec?: string
  audioChannels?: number
  audioSampleRate?: number
  /** The whole file's bitrate (bit/s). */
  bitrate?: number
  /** The video stream's own bitrate (bit/s) when the container says it. */
  videoBitrate?: number
  /** H.264's level × 10 as ffprobe gives it (42 for 4.2). */
  videoLevel?: number
  /** Seconds the audio starts after (or, negative, before) the video, as the demuxer shows them
   * after the file's edit lists: what a player that ignores edit lists would get wrong. */
  audioOffset: number
}

/** A source the pipeline can never use, with the reason the editor reads in each language. */
export class ProbeError extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en)
    this.name = 'ProbeError'
  }
}

const ratio = (value: string | undefined): number => {
  if (!value) return 0
  const [num, den] = value.split(/[/:]/).map(Number)
  if (!Number.isFinite(num)) return 0
  if (den === undefined) return num
  return den > 0 ? num / den : 0
}

const number = (value: unknown): number | undefined => {
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(n) && n > 0 ? n : undefined
}

/**
 * Rotation from the display matrix (modern files, ffmpeg 5+) or the legacy `rotate` tag.
 * ffprobe's display-matrix rotation is counter-clockwise (-90 for a portrait iPhone clip);
 * we report the clockwise turn a player makes, as the `rotate` tag did (90).
 */
const rotationOf = (stream: FfprobeStream): number => {
  // fluent-ffmpeg's parser flattens side data into the stream (`rotation: "-90"`)
  const fromMatrix = stream.side_data_list?.find((side) => side.rotation !== undefined)?.rotation ?? stream.rotation
  const matrix = fromMatrix === undefined || fromMatrix === '' ? NaN : Number(fromMatrix)
  const raw = Number.isFinite(matrix) ? -matrix : Number(stream.tags?.rotate ?? 0)
  return (((Math.round(raw / 90) * 90) % 360) + 360) % 360
}

const bitDepthOf = (stream: FfprobeStream): number => {
  const fromRaw = number(stream.bits_per_raw_sample)
  if (fromRaw) return fromRaw
  const match = /p(9|10|12|16)(le|be)?$/.exec(stream.pix_fmt ?? '')
  return match ? Number(match[1]) : 8
}

const startOf = (stream: FfprobeStream): number => {
  const start = Number(stream.start_time)
  return Number.isFinite(start) ? start : 0
}

/** Reads a source with ffprobe. Throws ProbeError with a plain reason when it cannot be used. */
export const probe = async (file: string): Promise<Probe> => {
  let data
  try {
    data = await ffprobe(file)
  } catch (error) {
    const detail = String((error as Error).message).split('\n').filter(Boolean).pop() ?? ''
    const cause = detail.replace(/^.*?:\s*/, '').trim()
    throw new ProbeError({
      da: `Filen kan ikke læses som video (${cause || 'ukendt format'})`,
      en: `The file cannot be read as video (${cause || 'unknown format'})`,
    })
  }
  const video = data.streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic)
  const audio = data.streams.find((s) => s.codec_type === 'audio')
  if (!video || !video.width || !video.height) {
    throw new ProbeError(
      audio
        ? { da: 'Filen indeholder kun lyd, ingen video', en: 'The file has sound only, no video' }
        : { da: 'Filen indeholder ingen video', en: 'The file contains no video stream' },
    )
  }
  const rotation = rotationOf(video)
  const sar = ratio(video.sample_aspect_ratio) || 1
  const squareWidth = Math.round(video.width * sar)
  const quarterTurn = rotation === 90 || rotation === 270
  const avg = ratio(video.avg_frame_rate)
  const real = ratio(video.r_frame_rate)
  const fps = avg > 0 && avg <= 240 ? avg : real > 0 && real <= 240 ? real : 30
  const duration = number(data.format.duration) ?? number(video.duration) ?? 0
  if (!(duration > 0)) throw new ProbeError({ da: 'Videoen har ingen varighed', en: 'The video has no duration' })
  const transferName = video.color_transfer ?? ''
  return {
    container: data.format.format_name ?? 'unknown',
    duration,
    storedWidth: video.width,
    storedHeight: video.height,
    width: quarterTurn ? video.height : squareWidth,
    height: quarterTurn ? squareWidth : video.height,
    rotation,
    sampleAspectRatio: sar,
    videoCodec: video.codec_name ?? 'unknown',
    videoProfile: video.profile,
    pixelFormat: video.pix_fmt ?? 'unknown',
    bitDepth: bitDepthOf(video),
    transfer: transferName === 'smpte2084' ? 'pq' : transferName === 'arib-std-b67' ? 'hlg' : 'sdr',
    interlaced: ['tt', 'bb', 'tb', 'bt'].includes(video.field_order ?? ''),
    fps,
    // The average is what the frames really come at; r_frame_rate only when there is no average.
    sourceFps: avg > 0 ? avg : real,
    // r_frame_rate is the timebase-derived "real" rate; far from the average means gaps.
    variableFrameRate: !(avg > 0) || !(real > 0) || Math.abs(real - avg) / avg > 0.02,
    hasAudio: Boolean(audio),
    audioCodec: audio?.codec_name,
    audioChannels: audio?.channels,
    audioSampleRate: number(audio?.sample_rate),
    bitrate: number(data.format.bit_rate),
    videoBitrate: number(video.bit_rate),
    videoLevel: video.level,
    audioOffset: audio ? startOf(audio) - startOf(video) : 0,
  }
}
