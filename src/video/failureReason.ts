import { DISK_FULL, DiskFullError } from './diskSpace'
import { FfmpegError, type FfmpegLimit } from './ffmpeg'
import { formatLength } from './limits'

/**
 * What the editor reads on a failed clip: a plain reason in the style of the pipeline's other
 * messages (Danish / English), never a stray line of ffmpeg's log.
 */
export const failureReason = (error: unknown, diskFull: boolean): string => {
  if (error instanceof DiskFullError) return error.message
  if (diskFull) return DISK_FULL
  if (error instanceof FfmpegError) return ffmpegReason(error)
  return (error as Error)?.message ?? String(error)
}

/** ffmpeg's own account: a signal from outside (OOM killer, an operator), else its last error line. */
export const ffmpegReason = (error: FfmpegError): string => {
  if (error.limit) return limitReason(error.limit)
  if (error.signal) return `Koderen stoppede uventet (signal ${error.signal}) / The encoder stopped unexpectedly (signal ${error.signal})`
  const line = error.stderr
    .split('\n')
    .map((text) => text.trim())
    // Progress and statistics lines, and the HLS muxer's chatter about opening segments, say
    // nothing about why ffmpeg stopped.
    .filter((text) => text && !/^(frame=|size=|video:|\[out#|Press \[q\])|Opening '.*' for writing/.test(text))
    .pop()
  return `Videoen kunne ikke behandles / The video could not be processed: ${line ?? error.message}`
}

/** Why an encode was stopped for its cost: which limit, and how much it was. */
export const limitReason = (limit: FfmpegLimit): string => {
  if (limit.kind === 'cpu') {
    const seconds = Math.round(limit.seconds * 10) / 10
    return limit.fixed
      ? `Koderen brugte den faste grænse på ${seconds.toLocaleString('da-DK')} sekunders CPU-tid op og blev stoppet (TRANSCODE_MAX_CPU_SECONDS) / The encoder used up the fixed limit of ${seconds} seconds of CPU time and was stopped`
      : `Koderen brugte mere CPU-tid, end en video af denne længde må (${seconds.toLocaleString('da-DK')} sekunder), og blev stoppet / The encoder used more CPU time than a video of this length may (${seconds} seconds) and was stopped`
  }
  return limit.fixed
    ? `Behandlingen nåede den faste grænse på ${formatLength(limit.seconds, 'da')} pr. job og blev stoppet (TRANSCODE_MAX_SECONDS) / Processing reached the fixed limit of ${formatLength(limit.seconds, 'en')} per job and was stopped`
    : `Behandlingen tog længere end ${formatLength(limit.seconds, 'da')}, det længste en video af denne længde må tage, og blev stoppet / Processing took longer than ${formatLength(limit.seconds, 'en')}, the longest a video of this length may take, and was stopped`
}
