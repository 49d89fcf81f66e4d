import type { Call } from '../payload-types'
import { callVideoMaxMinutes, sourceLimitReason } from '../video/limits'
import { probe, ProbeError } from '../video/probe'
import { validationFailed } from '../public-api/messages'
import type { ReceivedFile } from './multipart'

/**
 * The call's cost limits (SPEC §5: length, frame size, frame rate), checked the moment the video
 * has arrived, before anything is stored: a sender whose video is too long is told so at once,
 * next to the video field, and can cut it and send again, instead of getting a receipt for a
 * submission whose video then fails. ffprobe reads only the headers (the clip upload probes MP4s
 * the same way already). A file ffprobe cannot read is left to the pipeline, which fails it with
 * its own reason; the pipeline also checks the limits again at probe time (the call's limit may
 * change before the clip is processed).
 */
export const refuseVideoPastLimits = async (file: ReceivedFile, call: Call): Promise<void> => {
  let probed
  try {
    probed = await probe(file.path)
  } catch (error) {
    if (error instanceof ProbeError) return
    throw error
  }
  const maxMinutes = callVideoMaxMinutes(call as Call & { videoMaxMinutes?: number | null })
  const reason = sourceLimitReason(probed, { maxMinutes, by: 'call' })
  if (reason) {
    throw validationFailed({ video: { da: `"${file.originalName}": ${reason.da}`, en: `"${file.originalName}": ${reason.en}` } })
  }
}
