import fs from 'node:fs/promises'

import type { Bilingual } from '../lib/bilingual'
import { FfmpegError } from './ffmpeg'
import type { PipelinePlan } from './plan'

const MB = 1024 * 1024

/** The editor's words for a full disk; every disk-full failure of the pipeline starts with them. */
export const DISK_FULL: Bilingual = { da: 'Disken er fuld', en: 'The disk is full' }

export class DiskFullError extends Error {
  /** What the clip stores and the editor reads, in each language. */
  readonly reason: Bilingual

  constructor(detail?: string) {
    const reason = detail ? { da: `${DISK_FULL.da}: ${detail}`, en: `${DISK_FULL.en}: ${detail}` } : DISK_FULL
    super(reason.en)
    this.name = 'DiskFullError'
    this.reason = reason
  }
}

/** Bytes free for us on the file system holding `dir` (null when it cannot be asked). */
export const freeBytes = async (dir: string): Promise<number | null> => {
  try {
    const stats = await fs.statfs(dir)
    return stats.bavail * stats.bsize
  } catch {
    return null
  }
}

/**
 * What one attempt will write, on the safe side: every rung at its bitrate cap (plus 128 kbit/s
 * of audio) twice (the MP4 and the HLS copy), the remuxed top rendition at the source's size,
 * the encoded preview, a poster, and 10 % for containers. A cap is a ceiling, so real outputs are usually smaller.
 */
export const estimateAttemptBytes = (plan: Pick<PipelinePlan, 'renditions' | 'remux' | 'hasAudio' | 'preview'>, durationSeconds: number, sourceBytes: number) => {
  const bytesPerSecond = (maxrateKbps: number) => ((maxrateKbps + (plan.hasAudio ? 128 : 0)) * 1000) / 8
  const seconds = Math.max(1, durationSeconds)
  const encoded = plan.renditions.reduce((sum, rendition) => sum + bytesPerSecond(rendition.maxrateKbps), 0) * seconds * 2
  const remuxed = plan.remux ? sourceBytes : 0
  // An encoded preview is one MP4 beside the ladder (the remux is the top rung's own MP4).
  const preview = plan.preview && !plan.preview.remux ? bytesPerSecond(plan.preview.rendition.maxrateKbps) * seconds : 0
  return Math.ceil((encoded + remuxed + preview) * 1.1 + 2 * MB)
}

/** Fails fast, before any encoding, when the attempt cannot fit in what is free. */
export const assertRoomFor = async (dir: string, neededBytes: number) => {
  const free = await freeBytes(dir)
  if (free !== null && free < neededBytes) {
    throw new DiskFullError(`${megabytes(free)} MB fri, omkring ${megabytes(neededBytes)} MB behøves / ${megabytes(free)} MB free, about ${megabytes(neededBytes)} MB needed`)
  }
}

/**
 * Whether a failure was the disk running full: ENOSPC from the file system, ffmpeg saying so,
 * or (ffmpeg's HLS muxer drops write errors and may even exit 0) a file system that is all
 * but full right after the failure.
 */
export const isDiskFull = async (error: unknown, dir: string): Promise<boolean> => {
  if (error instanceof DiskFullError) return true
  const code = (error as { code?: string })?.code
  const text = `${(error as Error)?.message ?? ''}\n${error instanceof FfmpegError ? error.stderr : ''}`
  if (code === 'ENOSPC' || /No space left on device|ENOSPC/i.test(text)) return true
  const free = await freeBytes(dir)
  return free !== null && free < MB
}

/** The free-space threshold below which /healthz warns: DISK_LOW_MEGABYTES, default 1024. */
export const diskLowThresholdBytes = () => {
  const value = Number(process.env.DISK_LOW_MEGABYTES)
  return (Number.isFinite(value) && value >= 0 && process.env.DISK_LOW_MEGABYTES !== '' ? value : 1024) * MB
}

export type DiskWarning = { code: 'low_disk'; message: string; freeMegabytes: number; thresholdMegabytes: number }

/** A warning when the media folder's file system is low on space, else null. */
export const lowDiskWarning = async (dir: string): Promise<DiskWarning | null> => {
  const free = await freeBytes(dir)
  const threshold = diskLowThresholdBytes()
  if (free === null || free >= threshold) return null
  return {
    code: 'low_disk',
    // For operators reading /healthz, in the language of the logs.
    message: `Low disk space for media: ${megabytes(free)} MB free`,
    freeMegabytes: megabytes(free),
    thresholdMegabytes: megabytes(threshold),
  }
}

const megabytes = (bytes: number) => Math.floor(bytes / MB)
