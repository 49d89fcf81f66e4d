import type { Payload } from 'payload'

/**
 * A transcode belongs to one source file and one job. When the editor replaces the file, or the
 * job is cancelled (a newer one replaced it, the clip was deleted), the attempt must stop at once
 * and never write anything to the clip: its outputs would be shown as the new file's.
 */
export class SupersededError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SupersededError'
  }
}

/** The source an attempt works from, as Payload's upload fields name it. */
export type PipelineSource = { filename: string; filesize: number | null }

export const sameSource = (clip: { filename?: string | null; filesize?: number | null }, source: PipelineSource) =>
  clip.filename === source.filename && (clip.filesize ?? null) === source.filesize

/** How often a running attempt looks: often enough that a replaced file stops its ffmpeg "at once". */
export const WATCH_MS = 1000

export type SupersessionWatch = {
  /** Aborted as soon as the attempt is superseded. */
  signal: AbortSignal
  /** Why the attempt was superseded, or null while it is still current. */
  reason: () => string | null
  /** Looks now (the last look before a write that must not be stale). */
  check: () => Promise<string | null>
  stop: () => void
}

/**
 * Watches, every WATCH_MS, the clip's file and the attempt's job. Reads go straight to the
 * database adapter (no hooks, only the fields needed): they run beside ffmpeg every second.
 * Works across processes: a web process replacing the file and a worker running the job
 * share nothing but the database.
 */
export const watchForSupersession = (
  payload: Payload,
  clipId: number | string,
  source: PipelineSource,
  jobId?: number | string,
): SupersessionWatch => {
  const controller = new AbortController()
  let reason: string | null = null
  const check = async () => {
    if (reason) return reason
    const [clip, job] = await Promise.all([
      payload.db.findOne<{ id: number | string; filename?: string | null; filesize?: number | null }>({
        collection: 'clips',
        where: { id: { equals: clipId } },
        select: { filename: true, filesize: true },
      }),
      jobId === undefined
        ? null
        : payload.db.findOne<{ id: number | string; error?: { cancelled?: boolean } | null }>({
            collection: 'payload-jobs',
            where: { id: { equals: jobId } },
            select: { error: true },
          }),
    ])
    if (reason) return reason
    if (!clip) reason = `clip ${clipId} was deleted`
    else if (!sameSource(clip, source)) reason = `the file of clip ${clipId} was replaced`
    else if (job?.error?.cancelled) reason = `job ${jobId} for clip ${clipId} was cancelled`
    if (reason) controller.abort(new SupersededError(reason))
    return reason
  }
  const timer = setInterval(() => void check().catch(() => {}), WATCH_MS)
  timer.unref()
  return { signal: controller.signal, reason: () => reason, check, stop: () => clearInterval(timer) }
}
