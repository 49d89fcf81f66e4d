import fs from 'node:fs'

/**
 * Real ffmpeg processes of this test file, found in /proc by their arguments (every path they
 * touch lies under this file's own MEDIA_DIR, or the `under` folder given, so other test
 * files' ffmpegs are never matched).
 */
export type FfmpegProcess = { pid: number; args: string[] }

export const ffmpegProcesses = (match: (args: string[]) => boolean = () => true, under = process.env.MEDIA_DIR!): FfmpegProcess[] => {
  const mediaDir = under
  const found: FfmpegProcess[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let args: string[]
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean)
    } catch {
      continue
    }
    if (!args[0]?.endsWith('ffmpeg') || !args.some((arg) => arg.includes(mediaDir))) continue
    if (isAlive(Number(entry)) && match(args)) found.push({ pid: Number(entry), args })
  }
  return found
}

/** The ladder: the one ffmpeg with a filter graph (the remux and the poster frame have none). */
export const isLadder = (args: string[]) => args.includes('-filter_complex')

/** Alive, and not a zombie waiting for its parent to read its exit status. */
export const isAlive = (pid: number) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

export const waitFor = async <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, everyMs = 100): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
  throw new Error(`timed out waiting for ${what}`)
}
