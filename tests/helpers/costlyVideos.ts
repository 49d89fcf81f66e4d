import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

import type { Payload } from 'payload'

import type { Clip } from '../../src/payload-types'
import { ffmpegProcesses } from './ffmpegProcesses'

const run = promisify(execFile)

const make = async (name: string, args: string[]): Promise<string> => {
  const file = path.join(process.env.B2C_TEST_ROOT!, name)
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', file])
  return file
}

/**
 * Files that are cheap to send and dear to transcode (issue #10, item 2), made in about a
 * second each: a black picture compresses to almost nothing, whatever length it claims.
 */
export const COSTLY = {
  /** 16×16 pixels, 1 fps, ten hours: half a megabyte that claims 36 000 s of video. */
  tenHoursTiny: () => make('ten-hours-16x16.mp4', ['-f', 'lavfi', '-i', 'color=c=black:s=16x16:r=1:d=36000']),
  /** An hour of 480p at 1 fps: under a megabyte. */
  hour480p: () => make('hour-480p.mp4', ['-f', 'lavfi', '-i', 'color=c=black:s=854x480:r=1:d=3600']),
  /** Two and a half minutes of 16×16: within a 10-minute call, past a 1-minute one. */
  twoAndAHalfMinutes: () => make('150s-16x16.mp4', ['-f', 'lavfi', '-i', 'color=c=black:s=16x16:r=1:d=150']),
  /** One frame larger than 8K (8704×4352). */
  beyond8k: () => make('beyond-8k.mp4', ['-f', 'lavfi', '-i', 'color=c=black:s=8704x4352:r=1:d=1']),
  /** 240 frames a second. */
  fps240: () => make('240fps.mp4', ['-f', 'lavfi', '-i', 'color=c=black:s=16x16:r=240:d=2']),
  /** Real picture content (hard to encode), web-compatible: a remux, then a two-rung ladder. */
  busy720p: (seconds: number, name = `busy-720p-${seconds}s.mp4`) =>
    // Within the fast path's bitrate bound (1.5× the 720p cap), as a phone's 720p is.
    make(name, ['-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=30:duration=${seconds}`, '-maxrate', '2500k', '-bufsize', '5M']),
  small: (name: string) => make(name, ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2']),
}

/**
 * Runs `work` while watching this test file's ffmpeg processes every 20 ms; resolves with the
 * most that ran at once (0: no encode, remux or poster frame was started).
 */
export const mostFfmpegsDuring = async (work: () => Promise<unknown>): Promise<number> => {
  let most = 0
  let watching = true
  const sampler = (async () => {
    while (watching) {
      most = Math.max(most, ffmpegProcesses().length)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  })()
  try {
    await work()
  } finally {
    watching = false
    await sampler
  }
  return most
}

/** The processing state of several clips, read in one query: a consistent snapshot. */
export const clipStates = async (payload: Payload, ids: (number | string)[]): Promise<Record<string, Clip['processing']>> => {
  const { docs } = await payload.find({ collection: 'clips', where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true })
  return Object.fromEntries(docs.map((clip) => [String(clip.id), clip.processing]))
}

/** The queue each live job of a clip is on. */
export const queuesOfClip = async (payload: Payload, clipId: number | string): Promise<string[]> => {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ 'input.clipId': { equals: String(clipId) } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] } as never,
    pagination: false,
    overrideAccess: true,
  })
  return docs.map((job) => String(job.queue))
}
