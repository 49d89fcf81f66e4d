import { stat } from 'node:fs/promises'

import { runFfmpeg } from './ffmpeg'

/**
 * A poster frame: the frame the editor picked, or the most representative of a window early in
 * the clip (ffmpeg's `thumbnail` filter skips black and blurred frames). `input` is the top
 * rendition (already upright, SDR, square-pixelled), or the source with the plan's
 * `posterFilter` that makes its frames so.
 */
export const extractPoster = async (
  input: string,
  target: string,
  duration: number,
  at?: number | null,
  filter?: string,
) => {
  const chosen = typeof at === 'number' && at >= 0 ? Math.min(at, Math.max(0, duration - 0.05)) : undefined
  const start = chosen ?? Math.min(duration * 0.1, Math.max(0, duration - 1))
  try {
    await grabFrame(input, target, start, chosen === undefined, filter)
  } catch (error) {
    // A source that claimed more than it held can leave nothing at that second: take the first.
    if (start === 0) throw error
    await grabFrame(input, target, 0, false, filter)
  }
}

const grabFrame = async (input: string, target: string, start: number, representative: boolean, filter?: string) => {
  const filters = [...(filter ? [filter] : []), ...(representative ? ['thumbnail=50'] : [])]
  await runFfmpeg({
    input,
    inputOptions: ['-ss', start.toFixed(3)],
    outputs: [
      {
        target,
        options: [
          '-map', '0:v:0',
          ...(filters.length ? ['-vf', filters.join(',')] : []),
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
