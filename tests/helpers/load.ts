import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * A source the pipeline must really transcode (4:2:2, so no fast path) and that keeps a
 * worker busy for tens of seconds on two cores: the background load of the contention tests.
 */
export const transcodeLoad = async (seconds = 40): Promise<string> => {
  const file = path.join(process.env.B2C_TEST_ROOT!, 'transcode-load.mp4')
  await run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=30:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv422p', '-c:a', 'aac', '-shortest', file,
  ])
  return file
}
