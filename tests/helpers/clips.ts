import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import type { Clip } from '../../src/payload-types'
import type { Client } from './http'

/** Uploads a clip through the Local API (which queues the pipeline) and runs the video queue. */
export const uploadAndProcess = async (payload: Payload, filePath: string, title = 'Testklip'): Promise<Clip> => {
  const clip = await payload.create({ collection: 'clips', data: { title } as never, filePath })
  await runVideoQueue(payload)
  return payload.findByID({ collection: 'clips', id: clip.id, depth: 1 })
}

/**
 * Runs the video queues until nothing runnable is left (retries included when they are due):
 * staff uploads (`video`), then submitted clips (`video-submitted`).
 */
export const runVideoQueue = async (payload: Payload) => {
  for (const queue of ['video', 'video-submitted']) {
    for (let round = 0; round < 5; round++) {
      const { remainingJobsFromQueried, noJobsRemaining } = (await payload.jobs.run({ queue, limit: 10 })) as {
        remainingJobsFromQueried?: number
        noJobsRemaining?: boolean
      }
      if (noJobsRemaining || !remainingJobsFromQueried) break
    }
  }
}

/**
 * Waits until the clip's pipeline job, run by another process, has ended: the job tidies up
 * (work and preview folders, earlier versions) after it saves `ready`, so a test that looks at
 * the files waits for this, not for the status.
 */
export const waitForClipJobsToEnd = async (payload: Payload, clipId: number | string, timeoutMs = 240_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const { totalDocs } = await payload.count({
      collection: 'payload-jobs',
      where: { 'input.clipId': { equals: String(clipId) }, completedAt: { exists: false }, hasError: { not_equals: true } } as never,
      overrideAccess: true,
    })
    if (totalDocs === 0) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`the pipeline job of clip ${clipId} did not end within ${timeoutMs} ms`)
}

/**
 * The ladder is being encoded: progress reported while the clip is processing, or while it
 * plays at its preview (a remuxed or encoded first rendition, issue #12).
 */
export const isTranscoding = (processing: { status?: string | null; progress?: number | null } | null | undefined): boolean =>
  (processing?.status === 'processing' || processing?.status === 'preview') && (processing.progress ?? 0) > 0

/**
 * A clip's file sent through the admin's REST API (multipart, as the admin sends it): a new
 * clip, or a new file for `clipId`. The answer's status and document, for the test to judge.
 */
export const uploadClipOverRest = async (as: Client, file: string, title: string, clipId?: number | string): Promise<{ status: number; doc: Clip; text: string }> => {
  const form = new FormData()
  form.append('file', new Blob([fs.readFileSync(file)], { type: 'video/mp4' }), path.basename(file))
  form.append('_payload', JSON.stringify({ title }))
  const res = await as.request(clipId === undefined ? '/api/clips' : `/api/clips/${clipId}`, { method: clipId === undefined ? 'POST' : 'PATCH', body: form })
  const text = await res.text()
  const doc = (res.ok ? (JSON.parse(text) as { doc: Clip }).doc : undefined) as Clip
  return { status: res.status, doc, text }
}
