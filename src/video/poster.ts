import { stat } from 'node:fs/promises'

import { runFfmpeg } from './ffmpeg'

/**
 * A poster frame from the top rendition (already upright, SDR and square-pixelled): the frame
 * the editor picked, or the most representative of a window early in the clip (ffmpeg's
 * `thumbnail` filter skips black and blurred frames).
 */
export const extractPoster = async (rendition: string, target: string, duration: number, at?: number | null) => {
  const chosen = typeof at === 'number' && at >= 0 ? Math.min(at, Math.max(0, duration - 0.05)) : undefined
  const start = chosen ?? Math.min(duration * 0.1, Math.max(0, duration - 1))
  try {
    await grabFrame(rendition, target, start, chosen === undefined)
  } catch (error) {
    // A source that claimed more than it held can leave nothing at that second: take the first.
    if (start === 0) throw error
    await grabFrame(rendition, target, 0, false)
  }
}

const grabFrame = async (rendition: string, target: string, start: number, representative: boolean) => {
  await runFfmpeg({
    input: rendition,
    inputOptions: ['-ss', start.toFixed(3)],
    outputs: [
      {
        target,
        options: [
          ...(representative ? ['-vf', 'thumbnail=50'] : []),
          '-frames:v', '1',
          '-map_metadata', '-1',
          '-q:v', '2',
        ],
      },
    ],
  })
  // Past the last frame ffmpeg exits 0 having written nothing.
  const written = await stat(target).catch(() => null)
  if (!written?.size) throw new Error(`no frame at ${start.toFixed(3)} s`)
}
