import { stat } from 'node:fs/promises'

import { FfmpegError, runFfmpeg, type FfmpegJob, type RunOptions } from './ffmpeg'

/** Where the poster is taken: the editor's second, or a window early in the clip. */
export const posterStart = (duration: number, at?: number | null) => {
  const chosen = typeof at === 'number' && at >= 0 ? Math.min(at, Math.max(0, duration - 0.05)) : undefined
  return { start: chosen ?? Math.min(duration * 0.1, Math.max(0, duration - 1)), representative: chosen === undefined }
}

/**
 * The ffmpeg job for one poster frame: the frame at `start`, or the most representative of the
 * 50 from there (ffmpeg's `thumbnail` filter skips black and blurred frames). `filter` turns a
 * source frame into one like the top rendition's (upright, SDR, square pixels).
 */
export const posterJob = (input: string, target: string, start: number, representative: boolean, filter?: string): FfmpegJob => {
  const filters = [...(filter ? [filter] : []), ...(representative ? ['thumbnail=50'] : [])]
  return {
    input,
    inputOptions: ['-ss', start.toFixed(3)],
    outputs: [
      {
        target,
        options: ['-map', '0:v:0', ...(filters.length ? ['-vf', filters.join(',')] : []), '-frames:v', '1', '-map_metadata', '-1', '-q:v', '2'],
      },
    ],
  }
}

/**
 * A poster frame from `input`: the top rendition, or the source with the plan's
 * `posterFilter` (so it can be made while the ladder encodes).
 */
export const extractPoster = async (
  input: string,
  target: string,
  duration: number,
  at?: number | null,
  filter?: string,
  /** The job's cancel signal, priority and wall-clock budget (the ceilings apply anyway). */
  run: Pick<RunOptions, 'signal' | 'niceness' | 'jobDeadline'> = {},
) => {
  const { start, representative } = posterStart(duration, at)
  try {
    await grabFrame(posterJob(input, target, start, representative, filter), target, start, run)
  } catch (error) {
    // A source that claimed more than it held can leave nothing at that second: take the first.
    // A frame stopped for its cost or cancelled is not tried again.
    if (start === 0 || (error instanceof FfmpegError && (error.limit || error.cancelled))) throw error
    await grabFrame(posterJob(input, target, 0, false, filter), target, 0, run)
  }
}

const grabFrame = async (job: FfmpegJob, target: string, start: number, run: RunOptions) => {
  await runFfmpeg(job, run)
  // Past the last frame ffmpeg exits 0 having written nothing.
  const written = await stat(target).catch(() => null)
  if (!written?.size) throw new Error(`no frame at ${start.toFixed(3)} s`)
}
