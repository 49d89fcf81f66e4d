import { DISK_FULL, DiskFullError } from './diskSpace'
import { FfmpegError } from './ffmpeg'

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
  if (error.signal === 'SIGXCPU') {
    // ffmpeg's -timelimit: the CPU-time ceiling every job has.
    return 'Koderen brugte for lang tid og blev stoppet (signal SIGXCPU) / The encoder ran past its time limit and was stopped'
  }
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
