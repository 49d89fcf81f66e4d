import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

import type { Payload } from 'payload'

import { PIPELINE_CONTEXT, processClip } from '../video/processClip'
import { makeTempDir } from '../jobs/tempFiles'

export const DEMO_CLIP_TITLE = 'Demoklip: værkstedet om onsdagen'
/** The demo story that shows the clip. */
export const DEMO_STORY_WITH_CLIP = 'cykelvaerksted-i-kaelderen-giver-unge-job'

/**
 * A short demo clip for the demo story, so a new installation shows a video that plays. The
 * repository carries no media: ffmpeg makes it (a test picture and a tone), and it goes through
 * the real pipeline here, before the story that shows it is published. Without ffmpeg the demo
 * simply has no video.
 */
export const ensureDemoClip = async (payload: Payload): Promise<number | string | undefined> => {
  const { docs } = await payload.find({ collection: 'clips', where: { title: { equals: DEMO_CLIP_TITLE } }, limit: 1, depth: 0, overrideAccess: true })
  if (docs[0]) return docs[0].processing?.status === 'ready' ? docs[0].id : undefined
  const dir = await makeTempDir('b2c-demo')
  try {
    const file = path.join(dir, 'demoklip.mp4')
    await promisify(execFile)(process.env.FFMPEG_PATH || 'ffmpeg', [
      '-hide_banner', '-loglevel', 'error', '-y',
      '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25:duration=8',
      '-f', 'lavfi', '-i', 'sine=frequency=330:duration=8',
      '-c:v', 'libx264', '-preset', 'veryfast', '-maxrate', '2500k', '-bufsize', '5M', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-movflags', '+faststart',
      file,
    ])
    // Created as the pipeline's own save: it is processed right here, not queued as well.
    const clip = await payload.create({
      collection: 'clips',
      context: PIPELINE_CONTEXT,
      overrideAccess: true,
      filePath: file,
      data: {
        title: DEMO_CLIP_TITLE,
        spokenLanguage: 'none',
        consent: {
          confirmed: true,
          records: [{ person: 'Ingen personer i billedet (demo)', role: 'other', givenAt: '2026-01-01', scope: ['web'] }],
        },
        captions: [{ language: 'da', label: 'Dansk', vtt: 'WEBVTT\n\n00:00.500 --> 00:04.000\nDette er et demoklip.\n\n00:04.000 --> 00:07.500\nJeres egne videoer kommer til at stå her.\n' }],
      } as never,
    })
    await processClip(payload, clip.id)
    return clip.id
  } catch (error) {
    payload.logger.warn({ err: error }, 'seed: no demo clip (is ffmpeg installed?)')
    return undefined
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}
