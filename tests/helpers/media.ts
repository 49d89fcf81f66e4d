import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Makes a small real video with ffmpeg's test source (tests never ship media files). */
export const makeTestVideo = async (name = 'clip.mp4', seconds = 1): Promise<string> => {
  const file = path.join(process.env.B2C_TEST_ROOT!, name)
  await run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc=size=160x120:rate=10:duration=${seconds}`,
    '-pix_fmt', 'yuv420p', file,
  ])
  return file
}
