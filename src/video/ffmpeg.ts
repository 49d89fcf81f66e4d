/**
 * The one module that talks to fluent-ffmpeg (archived upstream): everything else in the
 * pipeline works with plain argument lists and typed results, so replacing it touches one file.
 */
import fs from 'node:fs'
import os from 'node:os'

import ffmpeg from 'fluent-ffmpeg'

import { transcodeMaxCpuSeconds, transcodeMaxSeconds } from './limits'

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
  start_time?: string | number
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
  /**
   * Kill ffmpeg after this many seconds (a stuck or pathological input must not hang a worker):
   * the proportional limit. The fixed ceiling (TRANSCODE_MAX_SECONDS) applies whatever it says.
   */
  timeoutSeconds?: number
  /** When the job's fixed wall-clock budget runs out (ms since the epoch): several ffmpegs of one job share it. */
  jobDeadline?: number
  /** Kill ffmpeg past this much CPU time (default: `timeoutSeconds` on every core); TRANSCODE_MAX_CPU_SECONDS caps it. */
  cpuSeconds?: number
  /** Lower CPU priority than the web server (nice value, 0–19). */
  niceness?: number
  signal?: AbortSignal
}

/** Which limit stopped an ffmpeg: wall-clock or CPU time, the fixed ceiling or the proportional one. */
export type FfmpegLimit = { kind: 'wall' | 'cpu'; seconds: number; fixed: boolean }

export class FfmpegError extends Error {
  /** The signal that ended ffmpeg when something outside us killed it (never set for our own cancel). */
  readonly signal?: string
  constructor(
    message: string,
    readonly stderr: string,
    readonly cancelled = false,
    /** Set when ffmpeg was stopped for going past one of its limits. */
    readonly limit?: FfmpegLimit,
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
  /** A second input (`1:`), read as it is: the ladder takes the preview's finished sound from it. */
  secondInput?: string
  filterComplex?: string
  outputs: { target: string; options: string[] }[]
}

/** The exact argument list ffmpeg gets for a job (also what the benchmark runs bare). */
export const ffmpegArgs = (job: FfmpegJob): string[] => [
  '-hide_banner',
  ...job.inputOptions,
  '-i',
  job.input,
  ...(job.secondInput ? ['-i', job.secondInput] : []),
  '-y',
  ...(job.filterComplex ? ['-filter_complex', job.filterComplex] : []),
  ...job.outputs.flatMap((output) => [...output.options, output.target]),
]

/**
 * The limits one run gets: the smaller of the proportional and the fixed, and which one that was
 * (a fixed limit is named by its configured size, though the job's earlier ffmpegs used some of it).
 */
const limitsFor = (options: RunOptions): { wall: FfmpegLimit; wallSeconds: number; cpu: FfmpegLimit } => {
  const ceiling = transcodeMaxSeconds()
  const budget = Math.max(0.001, ((options.jobDeadline ?? Date.now() + ceiling * 1000) - Date.now()) / 1000)
  const proportional = options.timeoutSeconds !== undefined && options.timeoutSeconds < budget
  const wall: FfmpegLimit = proportional ? { kind: 'wall', seconds: options.timeoutSeconds!, fixed: false } : { kind: 'wall', seconds: ceiling, fixed: true }
  const cpuCeiling = transcodeMaxCpuSeconds()
  const proportionalCpu = options.cpuSeconds ?? (options.timeoutSeconds !== undefined ? options.timeoutSeconds * os.cpus().length : Infinity)
  const cpu: FfmpegLimit =
    proportionalCpu < cpuCeiling ? { kind: 'cpu', seconds: proportionalCpu, fixed: false } : { kind: 'cpu', seconds: cpuCeiling, fixed: true }
  return { wall, wallSeconds: proportional ? options.timeoutSeconds! : budget, cpu }
}

/** Clock ticks per second of /proc/<pid>/stat's times: USER_HZ, 100 on every Linux Node runs on. */
const CLOCK_TICKS = 100

/** CPU seconds (user + system, all threads) a process has used, from /proc; null where there is no /proc. */
export const cpuSecondsOf = (pid: number): number | null => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces): state is the 3rd, utime the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
  } catch {
    return null
  }
}

const CPU_POLL_MS = 250
/**
 * ffmpeg's own `-timelimit` (setrlimit RLIMIT_CPU: the kernel sends SIGXCPU, then SIGKILL) a little
 * above our limit: our poll stops it first, with a clear reason, while the kernel's limit also
 * stops an ffmpeg whose worker died and can no longer watch it.
 */
const kernelCpuLimit = (seconds: number) => Math.ceil(seconds + Math.max(2, seconds * 0.05))

/**
 * Runs one ffmpeg job. Resolves when ffmpeg exits 0; rejects with a FfmpegError carrying the
 * tail of ffmpeg's stderr otherwise (or when cancelled, or past a limit: then `limit` says which).
 */
export const runFfmpeg = (job: FfmpegJob, options: RunOptions = {}): Promise<void> => {
  configure()
  const limits = limitsFor(options)
  return new Promise((resolve, reject) => {
    const command = ffmpeg({ niceness: options.niceness ?? 10 } as never)
      .input(job.input)
      .inputOptions([
        '-hide_banner',
        ...(Number.isFinite(limits.cpu.seconds) ? ['-timelimit', String(kernelCpuLimit(limits.cpu.seconds))] : []),
        ...job.inputOptions,
      ])
    if (job.secondInput) command.input(job.secondInput)
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

    let stoppedFor: FfmpegLimit | undefined
    let lastCpu = 0
    let started = false
    const stopFor = (limit: FfmpegLimit) => {
      stoppedFor ??= limit
      // Before the process exists there is nothing to kill: 'start' kills it then.
      if (started) command.kill('SIGKILL')
    }
    // (setTimeout holds at most 2^31-1 ms; a larger delay would fire at once.)
    const wallTimer = setTimeout(() => stopFor(limits.wall), Math.min(limits.wallSeconds * 1000, 2 ** 31 - 1))
    let cpuTimer: NodeJS.Timeout | undefined
    command.on('start', () => {
      started = true
      if (stoppedFor) return command.kill('SIGKILL')
      const pid = (command as unknown as { ffmpegProc?: { pid?: number } }).ffmpegProc?.pid
      if (!pid || !Number.isFinite(limits.cpu.seconds)) return
      cpuTimer = setInterval(() => {
        const used = cpuSecondsOf(pid)
        if (used === null) return
        lastCpu = used
        if (used >= limits.cpu.seconds) stopFor(limits.cpu)
      }, CPU_POLL_MS)
    })
    const done = () => {
      clearTimeout(wallTimer)
      clearInterval(cpuTimer)
      options.signal?.removeEventListener('abort', abort)
    }

    const abort = () => command.kill('SIGKILL')
    if (options.signal?.aborted) {
      clearTimeout(wallTimer)
      return reject(new FfmpegError('ffmpeg was cancelled', '', true))
    }
    options.signal?.addEventListener('abort', abort, { once: true })
    command.on('error', (error: Error) => {
      done()
      const cancelled = Boolean(options.signal?.aborted) && !stoppedFor
      // The kernel's limit, when it struck before our poll: ffmpeg quits on SIGXCPU ("received
      // signal 24") or is killed one CPU-second later.
      const kernel = /received signal 24\b|signal SIGXCPU/.test(`${stderr}\n${error.message}`) || lastCpu >= limits.cpu.seconds
      const limit = stoppedFor ?? (kernel && !cancelled ? limits.cpu : undefined)
      reject(new FfmpegError(cancelled ? 'ffmpeg was cancelled' : error.message.split('\n')[0], stderr, cancelled, limit))
    })
    command.on('end', () => {
      done()
      resolve()
    })
    command.run()
  })
}

const parseTimemark = (timemark: string): number | null => {
  const match = /^(-?\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(timemark)
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : null
}
