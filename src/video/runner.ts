import type { Payload } from 'payload'

import { createQueueRunner } from '../jobs/queueRunner'
import { dueJobs } from '../jobs/runClaimedJobs'
import { SUBMITTED_VIDEO_QUEUE, VIDEO_QUEUE } from './task'

/**
 * Two video queues, one machine (SPEC §5: submitted clips never delay staff uploads).
 *
 * - `video`, staff uploads: TRANSCODE_CONCURRENCY clips at once in this process, as always.
 * - `video-submitted`, clips from the public endpoint: one at a time, and a new one only starts
 *   while no staff clip runs in this process and none waits in the queue for any process. Its
 *   ffmpeg runs at nice 19, so a staff clip queued while it runs starts at once beside it and
 *   gets nearly all of the CPU; the anonymous one finishes in what is left. Its cost is bounded
 *   by the call's duration limit and the fixed ceilings (src/video/limits.ts), so it is
 *   processed while the queue is idle and the editor can watch it when triaging.
 */
export const videoRunner = createQueueRunner(VIDEO_QUEUE, {
  // When the staff queue has run dry, the submitted clips may have the machine.
  onIdle: () => submittedVideoRunner.kick(),
})

export const submittedVideoRunner = createQueueRunner(SUBMITTED_VIDEO_QUEUE, {
  mayRun: async (payload) => !videoRunner.busy() && !(await staffClipsWaiting(payload)),
})

/** Staff clips due to run that no process has taken yet (one waiting for its retry back-off is not). */
export const staffClipsWaiting = async (payload: Payload): Promise<boolean> => {
  const { totalDocs } = await payload.count({ collection: 'payload-jobs', where: dueJobs(VIDEO_QUEUE), overrideAccess: true })
  return totalDocs > 0
}

/** How many submitted clips one process transcodes at once, whatever TRANSCODE_CONCURRENCY says. */
export const SUBMITTED_VIDEO_CONCURRENCY = 1

/** Starts both video queues in this process: staff first, so a submitted clip never takes their turn. */
export const startVideoRunners = (payload: Payload, concurrency: number): (() => void) => {
  const stops = [videoRunner.start(payload, concurrency), submittedVideoRunner.start(payload, SUBMITTED_VIDEO_CONCURRENCY)]
  return () => stops.forEach((stop) => stop())
}

/** Look at the video queues now (something was just queued). */
export const kickVideoQueue = () => {
  videoRunner.kick()
  submittedVideoRunner.kick()
}
