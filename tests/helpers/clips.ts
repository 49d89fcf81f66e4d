import type { Payload } from 'payload'

import type { Clip } from '../../src/payload-types'

/** Uploads a clip through the Local API (which queues the pipeline) and runs the video queue. */
export const uploadAndProcess = async (payload: Payload, filePath: string, title = 'Testklip'): Promise<Clip> => {
  const clip = await payload.create({ collection: 'clips', data: { title } as never, filePath })
  await runVideoQueue(payload)
  return payload.findByID({ collection: 'clips', id: clip.id, depth: 1 })
}

/** Runs the video queue until nothing runnable is left (retries included when they are due). */
export const runVideoQueue = async (payload: Payload) => {
  for (let round = 0; round < 5; round++) {
    const { remainingJobsFromQueried, noJobsRemaining } = (await payload.jobs.run({ queue: 'video', limit: 10 })) as {
      remainingJobsFromQueried?: number
      noJobsRemaining?: boolean
    }
    if (noJobsRemaining || !remainingJobsFromQueried) return
  }
}
