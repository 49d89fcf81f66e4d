import type { Bilingual } from '../lib/bilingual'
import { FfmpegError, type FfmpegLimit } from './ffmpeg'
import { formatLength } from './limits'

/**
 * What the editor reads on a failed clip: a plain reason in each of the admin's languages
 * (stored apart, shown in the editor's: issue #15), never a stray line of ffmpeg's log alone.
 */
export const failureReason = (error: unknown): Bilingual => {
  // Our own refusals carry their reason (DiskFullError, ProbeError, PermanentPipelineError).
  if (carriesReason(error)) return error.reason
  if (error instanceof FfmpegError) return ffmpegReason(error)
  const detail = (error as Error)?.message ?? String(error)
  return { da: `Behandlingen fejlede: ${detail}`, en: `Processing failed: ${detail}` }
}

/** ffmpeg's own account: a signal from outside (OOM killer, an operator), else its last error line. */
export const ffmpegReason = (error: FfmpegError): Bilingual => {
  if (error.limit) return limitReason(error.limit)
  if (error.signal) {
    return { da: `Koderen stoppede uventet (signal ${error.signal})`, en: `The encoder stopped unexpectedly (signal ${error.signal})` }
  }
  const line = error.stderr
    .split('\n')
    .map((text) => text.trim())
    // Progress and statistics lines, and the HLS muxer's chatter about opening segments, say
    // nothing about why ffmpeg stopped.
    .filter((text) => text && !/^(frame=|size=|video:|\[out#|Press \[q\])|Opening '.*' for writing/.test(text))
    .pop()
  // ffmpeg's own line is English whatever the editor reads; it is the detail after the sentence.
  const detail = line ?? error.message
  return { da: `Videoen kunne ikke behandles: ${detail}`, en: `The video could not be processed: ${detail}` }
}

/** Why an encode was stopped for its cost: which limit, and how much it was. */
export const limitReason = (limit: FfmpegLimit): Bilingual => {
  if (limit.kind === 'cpu') {
    const seconds = Math.round(limit.seconds * 10) / 10
    const danish = seconds.toLocaleString('da-DK')
    return limit.fixed
      ? {
          da: `Koderen brugte den faste grænse på ${danish} sekunders CPU-tid op og blev stoppet (TRANSCODE_MAX_CPU_SECONDS)`,
          en: `The encoder used up the fixed limit of ${seconds} seconds of CPU time and was stopped (TRANSCODE_MAX_CPU_SECONDS)`,
        }
      : {
          da: `Koderen brugte mere CPU-tid, end en video af denne længde må (${danish} sekunder), og blev stoppet`,
          en: `The encoder used more CPU time than a video of this length may (${seconds} seconds) and was stopped`,
        }
  }
  return limit.fixed
    ? {
        da: `Behandlingen nåede den faste grænse på ${formatLength(limit.seconds, 'da')} pr. job og blev stoppet (TRANSCODE_MAX_SECONDS)`,
        en: `Processing reached the fixed limit of ${formatLength(limit.seconds, 'en')} per job and was stopped (TRANSCODE_MAX_SECONDS)`,
      }
    : {
        da: `Behandlingen tog længere end ${formatLength(limit.seconds, 'da')}, det længste en video af denne længde må tage, og blev stoppet`,
        en: `Processing took longer than ${formatLength(limit.seconds, 'en')}, the longest a video of this length may take, and was stopped`,
      }
}

/** Told by shape, not class: the pipeline's error classes import this module. */
const carriesReason = (error: unknown): error is { reason: Bilingual } => {
  const reason = (error as { reason?: Partial<Bilingual> } | null)?.reason
  return typeof reason?.da === 'string' && typeof reason.en === 'string'
}
