import path from 'node:path'

import type { FfmpegJob } from './ffmpeg'
import type { Probe } from './probe'
import { TONE_MAP_TO_BT709 } from './toneMap'

/** One rung of the output ladder. */
export type RenditionPlan = {
  label: string
  width: number
  height: number
  /** Peak video bitrate cap (kbit/s) given to the encoder. */
  maxrateKbps: number
  /** The MP4 is a copy of the source's streams (fast path), not an encode. */
  remux: boolean
  mp4: string
  hlsPlaylist: string
}

export type PipelinePlan = {
  /** ffmpeg's notation ('30000/1001') and its value (29.97). */
  fps: string
  fpsValue: number
  hasAudio: boolean
  renditions: RenditionPlan[]
  /** Runs first on the fast path: the top rendition, playable within seconds. */
  remux?: FfmpegJob
  /**
   * The first playable rendition, made before the rest (issue #12): on the fast path the remux
   * of the top rung (the ladder makes only its HLS variant); otherwise, when the ladder has more
   * than one rung, a quick 360p MP4 that only stands in until the ladder is published.
   */
  preview?: { job: FfmpegJob; rendition: RenditionPlan; remux: boolean }
  /** One decode of the source, every rung's encode (MP4 and HLS variant; only HLS for a remuxed rung). */
  ladder: FfmpegJob
  /** Turns a frame of the source into one of the top rendition (upright, SDR, square pixels),
   * so the poster can be taken from the source while the ladder encodes. */
  posterFilter: string
}

export type PlanOptions = {
  /** The source file (only placed into the argument lists; nothing is read). */
  input: string
  outDir: string
  /** x264 preset: the speed/size trade-off for this machine. */
  preset?: string
  /** Make a quick preview first when there is no remux (default); false: the ladder alone (the benchmark's baseline). */
  previewFirst?: boolean
}

const LADDER = [1080, 720, 480] as const
const MAX_FPS = 60
const KEYFRAME_SECONDS = 2
const SEGMENT_SECONDS = 4
const STANDARD_RATES: [number, string][] = [
  [24000 / 1001, '24000/1001'],
  [24, '24'],
  [25, '25'],
  [30000 / 1001, '30000/1001'],
  [30, '30'],
  [50, '50'],
  [60000 / 1001, '60000/1001'],
  [60, '60'],
]

/**
 * The encoded preview (issue #12): small, at most 30 fps (a faster source at half its rate),
 * made as cheaply as a picture worth watching allows, and replaced by the whole ladder. It
 * costs a decode of its own, so every step after the decode is kept to a fraction of a rung's
 * (measured on a 60 s 1080p HLG clip: 12–17 s against the ladder's 100–125 s, where the lowest
 * rung made alone took 33 s).
 */
const PREVIEW_SHORT_SIDE = 360
const PREVIEW_MAX_FPS = 30

const evenRound = (value: number) => Math.max(2, 2 * Math.round(value / 2))
const evenFloor = (value: number) => Math.max(2, 2 * Math.floor(value / 2))

/**
 * Output frame rate: the source's, capped at 60, snapped to the standard rate it is within 1%
 * of. A variable-rate source gets its average, at most 30: a phone that dropped to 12 fps in
 * the dark should not be stretched to 60 duplicated frames a second.
 */
export const targetFps = (probe: Pick<Probe, 'fps' | 'variableFrameRate'>): string => {
  const cap = probe.variableFrameRate ? 30 : MAX_FPS
  const fps = Math.min(cap, probe.fps > 0 ? probe.fps : 30)
  // The nearest standard rate, not the first within 1%: 30 fps must stay 30, not become 29.97.
  const [nearest] = [...STANDARD_RATES].sort(([a], [b]) => Math.abs(a - fps) - Math.abs(b - fps))
  return Math.abs(nearest[0] - fps) / nearest[0] < 0.01 ? nearest[1] : String(Math.max(1, Math.round(fps)))
}

const fpsValue = (fps: string) => {
  const [num, den = '1'] = fps.split('/')
  return Number(num) / Number(den)
}

/** Output sizes by the short side, never upscaled; portrait stays portrait. */
export const ladderSizes = (width: number, height: number): { short: number; width: number; height: number }[] => {
  const short = Math.min(width, height)
  const rungs = LADDER.filter((rung) => rung <= short)
  if (rungs.length === 0) return [{ short: evenFloor(short), width: evenFloor(width), height: evenFloor(height) }]
  return rungs.map((rung) => sizeAt(rung, width, height))
}

/** The source's shape with `short` as its short side, both sides even. */
const sizeAt = (short: number, width: number, height: number) =>
  width >= height
    ? { short, width: evenRound((width * short) / height), height: short }
    : { short, width: short, height: evenRound((height * short) / width) }

const maxrateFor = (short: number, fps: number) => {
  const base = short >= 1080 ? 5000 : short >= 720 ? 3000 : short >= 480 ? 1400 : 800
  return Math.round(fps > 30 ? base * 1.5 : base)
}

/** H.264 profiles every browser decodes; "High 10", "High 4:2:2", "High 4:4:4 …" are not among them. */
const WEB_PROFILES = ['Constrained Baseline', 'Baseline', 'Main', 'High']
/** Level 4.2 (1080p60): what the ladder itself never goes above, and what phones' decoders promise. */
const MAX_WEB_LEVEL = 42
/** A remuxed top rung may run at most this far above the cap its encoded rung would get. */
const REMUX_BITRATE_SLACK = 1.5
/** About one AAC frame: closer than that, audio and video start together. */
const AUDIO_OFFSET_TOLERANCE_S = 0.025

/**
 * A source browsers play as it is and whose copy keeps every promise of the ladder (SPEC §5
 * fast path, issue #12): codec, pixel format and orientation, but also a constant frame rate
 * of at most 60, a bitrate within 1.5× the cap of the rung it stands in for, a profile up to
 * High and a level up to 4.2, and audio that starts with the video (an edit list that shifts
 * it plays out of sync where edit lists are ignored). Anything else is encoded.
 */
export const isWebCompatible = (probe: Probe): boolean =>
  probe.videoCodec === 'h264' &&
  probe.pixelFormat === 'yuv420p' &&
  probe.bitDepth === 8 &&
  probe.transfer === 'sdr' &&
  probe.rotation === 0 &&
  Math.abs(probe.sampleAspectRatio - 1) < 0.001 &&
  !probe.interlaced &&
  !probe.variableFrameRate &&
  probe.sourceFps <= MAX_FPS + 0.01 &&
  WEB_PROFILES.includes(probe.videoProfile ?? '') &&
  (probe.videoLevel ?? Infinity) <= MAX_WEB_LEVEL &&
  withinRemuxBitrate(probe) &&
  Math.abs(probe.audioOffset) <= AUDIO_OFFSET_TOLERANCE_S &&
  Math.min(probe.width, probe.height) <= 1080 &&
  probe.width % 2 === 0 &&
  probe.height % 2 === 0 &&
  (!probe.hasAudio || probe.audioCodec === 'aac')

/** The video's bitrate (the file's, less 128 kbit/s of audio, when the stream does not say) against its rung's cap. */
const withinRemuxBitrate = (probe: Probe): boolean => {
  const bitsPerSecond = probe.videoBitrate ?? (probe.bitrate !== undefined ? probe.bitrate - (probe.hasAudio ? 128_000 : 0) : undefined)
  if (bitsPerSecond === undefined) return false
  const capKbps = maxrateFor(Math.min(probe.width, probe.height), probe.sourceFps)
  return bitsPerSecond / 1000 <= capKbps * REMUX_BITRATE_SLACK
}

/** Speech loudness to EBU R128 (-16 LUFS for web), stereo 48 kHz, for every rung and the preview. */
const AUDIO_FILTER = 'aresample=48000,loudnorm=I=-16:TP=-1.5:LRA=11,aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo'
/** Every output's audio: AAC-LC 128 kbit/s, stereo 48 kHz. */
const AAC_OUTPUT = ['-c:a', 'aac', '-profile:a', 'aac_low', '-b:a', '128k', '-ar', '48000', '-ac', '2']

/** No source metadata reaches a public file: phones write GPS positions, device and time. */
const STRIP_METADATA = ['-map_metadata', '-1', '-map_chapters', '-1', '-fflags', '+bitexact']

/**
 * The picture as every rung starts from it: upright (ffmpeg's autorotate ran before the graph),
 * progressive and at the output rate; an HDR source becomes SDR BT.709 RGB, which each rung
 * turns into BT.709 YUV (rungScale). Tone-mapping is the dear step, so an HDR source is first
 * scaled to `size` (the largest rung the job makes) and tone-mapped at that size, never at the
 * source's own (issue #12, item 3: a 4K HLG source costs about what a 1080p one does). SDR
 * sources are scaled once, per rung, as before.
 */
const videoFilters = (probe: Probe, fps: string, size: { width: number; height: number }, scaler = 'lanczos'): string[] => [
  ...(probe.interlaced ? ['yadif=mode=send_frame:parity=auto:deint=all'] : []),
  ...(probe.transfer === 'sdr' ? [] : [`scale=${size.width}:${size.height}:flags=${scaler}`, TONE_MAP_TO_BT709]),
  `fps=${fps}`,
]

/**
 * One rung's size and pixel format. The tone-mapped RGB of an HDR source becomes YUV here, with
 * BT.709's matrix said out loud: swscale's default is BT.601, which players showing BT.709 video
 * turn into shifted colours (a saturated green 30 levels too dark).
 */
const rungScale = (probe: Probe, rendition: { width: number; height: number }, scaler = 'lanczos'): string =>
  `scale=${rendition.width}:${rendition.height}:flags=${scaler}${probe.transfer === 'sdr' ? '' : ':out_color_matrix=bt709:out_range=tv'},setsar=1,format=yuv420p`

/** An HDR source's renditions say what they are now: BT.709 SDR, limited range. */
const BT709_TAGS = ['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv']

/**
 * From a probe to the exact ffmpeg jobs (pure: no I/O). The ladder decodes the source once,
 * splits the picture, and encodes every rung to an MP4 and an HLS variant through one tee.
 */
export const planPipeline = (probe: Probe, { input, outDir, preset = 'veryfast', previewFirst = true }: PlanOptions): PipelinePlan => {
  const fps = targetFps(probe)
  const fpsNumber = fpsValue(fps)
  const gop = Math.max(1, Math.round(fpsNumber * KEYFRAME_SECONDS))
  const fastPath = isWebCompatible(probe)
  const sizes = fastPath
    ? // the remux keeps the source size; the encoded rungs go below it
      [
        { short: Math.min(probe.width, probe.height), width: probe.width, height: probe.height },
        ...ladderSizes(probe.width, probe.height).filter((size) => size.short < Math.min(probe.width, probe.height)),
      ]
    : ladderSizes(probe.width, probe.height)

  const renditions: RenditionPlan[] = sizes.map((size, index) => {
    const label = `${size.short}p`
    return {
      label,
      width: size.width,
      height: size.height,
      maxrateKbps: maxrateFor(size.short, fpsNumber),
      remux: fastPath && index === 0,
      mp4: path.join(outDir, `${label}.mp4`),
      hlsPlaylist: path.join(outDir, `${label}.m3u8`),
    }
  })

  /**
   * One decode of the source, split to `rungs`, each encoded to its MP4 (unless remuxed) and HLS
   * variant through a tee. With `soundFrom` (the quick preview's MP4, made by this attempt just
   * before) every rung copies that file's sound: the same filter and encoder settings made it
   * from the same source, so the rungs' sound is bit for bit what they would have encoded
   * themselves, without the loudness pass and one AAC encode per rung (issue #12, (e)).
   */
  const encodeJob = (rungs: RenditionPlan[], soundFrom?: string): FfmpegJob => {
    const count = rungs.length
    const graph = [
      `[0:v:0]${[...videoFilters(probe, fps, rungs[0]), `split=${count}`].join(',')}${rungs.map((_, i) => `[s${i}]`).join('')}`,
      ...rungs.map((rendition, i) => `[s${i}]${rungScale(probe, rendition)}[v${i}]`),
      ...(probe.hasAudio && !soundFrom ? [`[0:a:0]${AUDIO_FILTER},asplit=${count}${rungs.map((_, i) => `[a${i}]`).join('')}`] : []),
    ].join(';')
    const outputs = rungs.map((rendition, i) => rungOutput(rendition, i, soundFrom ? 'copied' : 'encoded'))
    return { input, inputOptions: [], ...(soundFrom ? { secondInput: soundFrom } : {}), filterComplex: graph, outputs }
  }

  const rungOutput = (rendition: RenditionPlan, i: number, sound: 'encoded' | 'copied') => {
    const hls = [
      'f=hls',
      `hls_time=${SEGMENT_SECONDS}`,
      'hls_playlist_type=vod',
      'hls_segment_type=fmp4',
      'hls_flags=independent_segments',
      `hls_fmp4_init_filename=${rendition.label}_init.mp4`,
      `hls_segment_filename=${path.join(outDir, `${rendition.label}_%03d.m4s`)}`,
    ].join(':')
    const targets = [
      ...(rendition.remux ? [] : [`[f=mp4:movflags=+faststart]${rendition.mp4}`]),
      `[${hls}]${rendition.hlsPlaylist}`,
    ]
    return {
      target: targets.join('|'),
      options: [
        '-map', `[v${i}]`,
        ...(probe.hasAudio ? ['-map', sound === 'copied' ? '1:a:0' : `[a${i}]`] : []),
        '-c:v', 'libx264',
        '-profile:v', 'high',
        '-preset', preset,
        '-crf', '22',
        '-maxrate', `${rendition.maxrateKbps}k`,
        '-bufsize', `${rendition.maxrateKbps * 2}k`,
        '-g', String(gop),
        '-keyint_min', String(gop),
        '-sc_threshold', '0',
        // Keyframes at the same instants in every rung, so players can switch between them.
        '-force_key_frames', `expr:gte(t,n_forced*${KEYFRAME_SECONDS})`,
        ...(probe.transfer === 'sdr' ? [] : BT709_TAGS),
        ...(probe.hasAudio ? (sound === 'copied' ? ['-c:a', 'copy'] : AAC_OUTPUT) : []),
        ...STRIP_METADATA,
        '-max_muxing_queue_size', '4096',
        '-flags', '+global_header',
        '-f', 'tee',
      ],
    }
  }

  const remux: FfmpegJob | undefined = fastPath
    ? {
        input,
        inputOptions: [],
        outputs: [
          {
            target: renditions[0].mp4,
            options: [
              '-map', '0:v:0',
              ...(probe.hasAudio ? ['-map', '0:a:0'] : []),
              '-c', 'copy',
              ...STRIP_METADATA,
              '-movflags', '+faststart',
              '-f', 'mp4',
            ],
          },
        ],
      }
    : undefined

  /**
   * The quick preview: one more decode of the source, bought for a clip that plays long before
   * the ladder is done. Every step is the cheap one, since the ladder replaces it whole: the
   * decoder skips its in-loop filters (deblocking, SAO: 15 % of an HEVC decode, barely visible
   * three times smaller), bilinear scaling, tone-mapping at 360p, x264's fastest preset. Its
   * sound alone is made exactly as the ladder's: the ladder copies it (see encodeJob).
   */
  const previewJob = (): { job: FfmpegJob; rendition: RenditionPlan; remux: boolean } => {
    const size = sizeAt(PREVIEW_SHORT_SIDE, renditions[0].width, renditions[0].height)
    // Half of a rate above 30 (60 → 30, 50 → 25): every other frame, evenly.
    const [num, den = '1'] = fps.split('/')
    const previewFps = fpsNumber > PREVIEW_MAX_FPS ? `${num}/${Number(den) * 2}` : fps
    const label = `${size.short}p`
    const rendition: RenditionPlan = {
      label,
      width: size.width,
      height: size.height,
      maxrateKbps: maxrateFor(size.short, fpsValue(previewFps)),
      remux: false,
      // In the folder that holds the ladder's (the attempt's own), never in the ladder's: the
      // preview is not published with the ladder.
      mp4: path.join(path.dirname(outDir), `${label}.mp4`),
      hlsPlaylist: '',
    }
    const graph = [
      `[0:v:0]${[...videoFilters(probe, previewFps, size, 'bilinear'), rungScale(probe, size, 'bilinear')].join(',')}[v0]`,
      ...(probe.hasAudio ? [`[0:a:0]${AUDIO_FILTER}[a0]`] : []),
    ].join(';')
    const options = [
      '-map', '[v0]',
      ...(probe.hasAudio ? ['-map', '[a0]'] : []),
      '-c:v', 'libx264',
      '-preset', 'ultrafast',
      '-crf', '23',
      '-maxrate', `${rendition.maxrateKbps}k`,
      '-bufsize', `${rendition.maxrateKbps * 2}k`,
      '-g', String(gop),
      ...(probe.transfer === 'sdr' ? [] : BT709_TAGS),
      ...(probe.hasAudio ? AAC_OUTPUT : []),
      ...STRIP_METADATA,
      '-movflags', '+faststart',
      '-f', 'mp4',
    ]
    const inputOptions = [
      '-skip_loop_filter', 'all',
      // The graph's filters in one thread, not sliced across the cores the decoder already keeps
      // busy: at 360p the slices cost more in hand-overs than they save (the same bytes out, about
      // 10 % less time and CPU on a 60 s 1080p HLG clip, on 2 cores).
      '-filter_complex_threads', '1',
    ]
    const job = { input, inputOptions, filterComplex: graph, outputs: [{ target: rendition.mp4, options }] }
    return { job, rendition, remux: false }
  }

  const preview = remux
    ? { job: remux, rendition: renditions[0], remux: true }
    : previewFirst && renditions.length > 1
      ? previewJob()
      : undefined

  return {
    fps,
    fpsValue: fpsNumber,
    hasAudio: probe.hasAudio,
    renditions,
    remux,
    preview,
    ladder: encodeJob(renditions, preview && !preview.remux && probe.hasAudio ? preview.rendition.mp4 : undefined),
    posterFilter: [
      ...videoFilters(probe, fps, renditions[0]),
      `scale=${renditions[0].width}:${renditions[0].height}:flags=lanczos`,
      'setsar=1',
    ].join(','),
  }
}
