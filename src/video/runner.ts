import { createQueueRunner } from '../jobs/queueRunner'
import { VIDEO_QUEUE } from './task'

/** The video queue's runner: TRANSCODE_CONCURRENCY clips at once in this process. */
export const videoRunner = createQueueRunner(VIDEO_QUEUE)
export const kickVideoQueue = () => videoRunner.kick()
