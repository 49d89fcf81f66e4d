/**
 * The one module that talks to fluent-ffmpeg (archived upstream): everything else in the
 * pipeline works with plain argument lists and typed results, so replacing it touches one file.
 */
import os from 'node:os'

import ffmpeg from 'fluent-ffmpeg'

export type FfprobeData = {
  streams: FfprobeStream[]
  format: { format_name?: string; duration?: number | string; bit_rate?: number | string; tags?: Record<string, string> }
}

export type FfprobeStream = {
  index: number
  codec_type?: string
  codec_name?: string
  profile?: string
  width?: number
  height?: number
  pix_fmt?: string
  bits_per_raw_sample?: string | number
  sample_aspect_ratio?: string
  color_transfer?: string
  color_primaries?: string
  field_order?: string
  r_frame_rate?: string
  avg_frame_rate?: string
  duration?: string | number
  bit_rate?: string | number
  sample_rate?: string | number
  channels?: number
  level?: number
  tags?: Record<string, string>
  side_data_list?: { side_data_type?: string; rotation?: number }[]
  /** Display-matrix rotation, as fluent-ffmpeg's parser flattens it into the stream. */
  rotation?: string | number
  disposition?: { attached_pic?: number }
}

const configure = () => {
  if (process.env.FFMPEG_PATH) ffmpeg.setFfmpegPath(process.env.FFMPEG_PATH)
  if (process.env.FFPROBE_PATH) ffmpeg.setFfprobePath(process.env.FFPROBE_PATH)
}

/** ffprobe's JSON for a file; rejects with ffprobe's own message when it cannot read it. */
export const ffprobe = (file: string): Promise<FfprobeData> => {
  configure()
  return new Promise((resolve, reject) => {
    ffmpeg.ffprobe(file, (error, data) =>
      error ? reject(error) : resolve(data as unknown as FfprobeData),
    )
  })
}

export type RunOptions = {
  /** Called with 0–100 as ffmpeg reports its position against `durationSeconds`. */
  onProgress?: (percent: number) => void
  durationSeconds?: number
  /** Kill ffmpeg after this many seconds (a stuck or pathological input must not hang a worker). */
  timeoutSeconds?: number
  /** Lower CPU priority than the web server (nice value, 0–19). */
  niceness?: number
  signal?: AbortSignal
}

export class FfmpegError extends Error {
  /** The signal that ended ffmpeg when something outside us killed it (never set for our own cancel). */
  readonly signal?: string
  constructor(
    message: string,
    readonly stderr: string,
    readonly cancelled = false,
  ) {
    super(message)
    this.name = 'FfmpegError'
    if (!cancelled) this.signal = /killed with signal (\w+)/.exec(message)?.[1]
  }
}

/** One ffmpeg run as `plan` describes it: an input with its options, one filter graph, outputs. */
export type FfmpegJob = {
  input: string
  inputOptions: string[]
  filterComplex?: string
  outputs: { target: string; options: string[] }[]
}

/** The exact argument list ffmpeg gets for a job (also what the benchmark runs bare). */
export const ffmpegArgs = (job: FfmpegJob): string[] => [
  '-hide_banner',
  ...job.inputOptions,
  '-i',
  job.input,
  '-y',
  ...(job.filterComplex ? ['-filter_complex', job.filterComplex] : []),
  ...job.outputs.flatMap((output) => [...output.options, output.target]),
]

/**
 * Runs one ffmpeg job. Resolves when ffmpeg exits 0; rejects with a FfmpegError carrying the
 * tail of ffmpeg's stderr otherwise (or when cancelled, or past the timeout).
 */
export const runFfmpeg = (job: FfmpegJob, options: RunOptions = {}): Promise<void> => {
  configure()
  return new Promise((resolve, reject) => {
    const command = ffmpeg({ timeout: options.timeoutSeconds, niceness: options.niceness ?? 10 } as never)
      .input(job.input)
      .inputOptions([
        '-hide_banner',
        // ffmpeg's own CPU-time limit also stops an ffmpeg whose worker was killed (orphaned).
        ...(options.timeoutSeconds ? ['-timelimit', String(Math.ceil(options.timeoutSeconds * os.cpus().length))] : []),
        ...job.inputOptions,
      ])
    if (job.filterComplex) command.outputOptions(['-filter_complex', job.filterComplex])
    for (const output of job.outputs) command.output(output.target).outputOptions(output.options)

    let stderr = ''
    command.on('stderr', (line: string) => {
      stderr = (stderr + line + '\n').slice(-8000)
    })
    command.on('progress', (progress: { timemark?: string }) => {
      if (!options.onProgress || !options.durationSeconds || !progress.timemark) return
      const seconds = parseTimemark(progress.timemark)
      if (seconds !== null) options.onProgress(Math.max(0, Math.min(100, (seconds / options.durationSeconds) * 100)))
    })
    const abort = () => command.kill('SIGKILL')
    if (options.signal?.aborted) return reject(new FfmpegError('ffmpeg was cancelled', '', true))
    options.signal?.addEventListener('abort', abort, { once: true })
    command.on('error', (error: Error) => {
      options.signal?.removeEventListener('abort', abort)
      const cancelled = Boolean(options.signal?.aborted)
      reject(new FfmpegError(cancelled ? 'ffmpeg was cancelled' : error.message.split('\n')[0], stderr, cancelled))
    })
    command.on('end', () => {
      options.signal?.removeEventListener('abort', abort)
      resolve()
    })
    command.run()
  })
}

const parseTimemark = (timemark: string): number | null => {
  const match = /^(-?\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(timemark)
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : null
}
