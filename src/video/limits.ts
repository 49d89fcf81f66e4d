import os from 'node:os'

import type { Payload } from 'payload'

import type { Bilingual } from '../lib/bilingual'
import { relationId } from '../lib/relationId'
import type { Probe } from './probe'

/**
 * What one clip may cost (SPEC §5 "Cost limits", issue #10 item 2). An upload is cheap to send
 * and dear to transcode: a 1 MB file of 16×16 pixels at 1 fps can claim ten hours, and the
 * pipeline's time limits grow with the claimed length. So the source is judged at probe time,
 * before any encode, and every ffmpeg a job starts has fixed ceilings besides the proportional
 * ones.
 */

/** A call that says nothing accepts videos of up to this many minutes (`calls.videoMaxMinutes`). */
export const DEFAULT_CALL_VIDEO_MAX_MINUTES = 10
/** "Larger than 8K" refused: DCI 8K (8192×4320) is the most pixels a frame may have; UHD 8K fits. */
export const MAX_SOURCE_PIXELS = 8192 * 4320
/** Above this many frames per second in the source, refused (SPEC §5). */
export const MAX_SOURCE_FPS = 120
/** Containers round their durations: a clip this much past the limit still counts as within it. */
const DURATION_SLACK_SECONDS = 0.5

const positiveNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name])
  return process.env[name]?.trim() && Number.isFinite(value) && value > 0 ? value : fallback
}

/** The longest clip staff may upload, in minutes (`VIDEO_MAX_MINUTES_STAFF`, default 60). */
export const staffVideoMaxMinutes = () => positiveNumber('VIDEO_MAX_MINUTES_STAFF', 60)
/**
 * The fixed wall-clock ceiling of one job's ffmpeg work (`TRANSCODE_MAX_SECONDS`, default three
 * hours: an hour-long 10-bit HDR staff clip needs about 2.5 on two cores).
 */
export const transcodeMaxSeconds = () => positiveNumber('TRANSCODE_MAX_SECONDS', 3 * 3600)
/** The fixed CPU-time ceiling of one ffmpeg (`TRANSCODE_MAX_CPU_SECONDS`, default: every core for the wall-clock ceiling). */
export const transcodeMaxCpuSeconds = () => positiveNumber('TRANSCODE_MAX_CPU_SECONDS', transcodeMaxSeconds() * os.cpus().length)

/** How long a clip may be, and whose rule that is: the call's for a submitted clip, staff's otherwise. */
export type DurationLimit = { maxMinutes: number; by: 'call' | 'staff' }

const number = (value: number, locale: 'da' | 'en') => value.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 })

/** "10 t. 0 min." / "10 h 0 min", "2 min. 5 sek." / "2 min 5 s", "45 sek." / "45 s": a length to compare with a limit. */
export const formatLength = (seconds: number, locale: 'da' | 'en'): string => {
  const whole = Math.ceil(seconds)
  const hours = Math.floor(whole / 3600)
  const minutes = Math.floor((whole % 3600) / 60)
  const rest = whole % 60
  if (locale === 'da') return hours > 0 ? `${hours} t. ${minutes} min.` : minutes > 0 ? `${minutes} min. ${rest} sek.` : `${rest} sek.`
  return hours > 0 ? `${hours} h ${minutes} min` : minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`
}

const minutesText = (minutes: number, locale: 'da' | 'en') =>
  locale === 'da' ? `${number(minutes, 'da')} ${minutes === 1 ? 'minut' : 'minutter'}` : `${number(minutes, 'en')} ${minutes === 1 ? 'minute' : 'minutes'}`

/**
 * Why a source is refused, or null when it is within every limit: its length against the limit
 * that applies to it, its frame size, its frame rate. Only what ffprobe read from the headers:
 * deciding costs no decoding.
 */
export const sourceLimitReason = (probe: Pick<Probe, 'duration' | 'storedWidth' | 'storedHeight' | 'sourceFps'>, limit: DurationLimit): Bilingual | null => {
  if (probe.duration > limit.maxMinutes * 60 + DURATION_SLACK_SECONDS) {
    const da = formatLength(probe.duration, 'da')
    const en = formatLength(probe.duration, 'en')
    return limit.by === 'call'
      ? {
          da: `Videoen varer ${da}, men indkaldelsen tager kun imod videoer på højst ${minutesText(limit.maxMinutes, 'da')}. Klip den kortere, og send den igen.`,
          en: `The video lasts ${en}, but the call only accepts videos of at most ${minutesText(limit.maxMinutes, 'en')}. Cut it shorter and send it again.`,
        }
      : {
          da: `Videoen varer ${da}, men videoer må højst vare ${minutesText(limit.maxMinutes, 'da')} (VIDEO_MAX_MINUTES_STAFF).`,
          en: `The video lasts ${en}, but videos may last at most ${minutesText(limit.maxMinutes, 'en')} (VIDEO_MAX_MINUTES_STAFF).`,
        }
  }
  if (probe.storedWidth * probe.storedHeight > MAX_SOURCE_PIXELS) {
    const size = `${probe.storedWidth}×${probe.storedHeight}`
    return {
      da: `Videoen er ${size} pixel; den største, der kan behandles, er 8K (8192×4320).`,
      en: `The video is ${size} pixels; the largest that can be processed is 8K (8192×4320).`,
    }
  }
  if (probe.sourceFps > MAX_SOURCE_FPS) {
    return {
      da: `Videoen har ${number(probe.sourceFps, 'da')} billeder i sekundet; højst ${MAX_SOURCE_FPS} kan behandles.`,
      en: `The video has ${number(probe.sourceFps, 'en')} frames per second; at most ${MAX_SOURCE_FPS} can be processed.`,
    }
  }
  return null
}

/** A call's own limit, or the default for a call that has none. */
export const callVideoMaxMinutes = (call: { videoMaxMinutes?: number | null } | null | undefined) =>
  call?.videoMaxMinutes && call.videoMaxMinutes > 0 ? call.videoMaxMinutes : DEFAULT_CALL_VIDEO_MAX_MINUTES

/** Who gave the pipeline a clip's file (`clips.origin`): staff, or a sender through the public endpoint. */
export type ClipOrigin = { origin?: string | null }

/** Whether a clip came in through the public submission endpoint (anonymous, lower priority). */
export const isSubmittedClip = (clip: ClipOrigin) => clip.origin === 'submission'

/**
 * The duration limit that applies to a clip now: for a submitted clip the limit of the call its
 * submission was sent to (read at probe time, so an administrator's change counts), for staff
 * VIDEO_MAX_MINUTES_STAFF.
 */
export const durationLimitFor = async (payload: Payload, clip: ClipOrigin & { id: number | string }): Promise<DurationLimit> => {
  if (!isSubmittedClip(clip)) return { maxMinutes: staffVideoMaxMinutes(), by: 'staff' }
  const { docs } = await payload.find({
    collection: 'submissions',
    where: { video: { equals: clip.id } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
    select: { call: true },
  })
  const callId = relationId(docs[0]?.call)
  // A submission deleted since (the clip stays): the default limit for calls still applies.
  const call = callId === undefined ? null : await payload.findByID({ collection: 'calls', id: callId, depth: 0, overrideAccess: true }).catch(() => null)
  return { maxMinutes: callVideoMaxMinutes(call as { videoMaxMinutes?: number | null } | null), by: 'call' }
}

