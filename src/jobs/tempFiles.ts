import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { mediaDir } from '../config/paths'

/**
 * Our temp folders in os.tmpdir(), and the sweep that removes the ones a killed process left
 * behind (issue #9, item 3). Several processes share os.tmpdir() (web processes, workers, tests),
 * so a folder carries its owner's pid in its name: `<prefix>-pid<pid>-XXXXXX`. A folder is
 * abandoned when that process is gone, or when nothing in it changed for TEMP_MAX_AGE_HOURS
 * (a pid reused by another program, or a process in another container sharing the folder).
 *
 * Bytes on their way into MEDIA_DIR (a submission's files, an upload claimed for a clip) wait in
 * MEDIA_DIR/.tmp instead: on the media's own filesystem a claimed tus upload is renamed, not
 * copied, the copy into place stays on one disk, and a 2 GB video never fills a RAM-backed /tmp.
 * The same names and the same sweep apply there; no route serves it and the orphan sweep leaves
 * it to this one.
 */

/** The prefixes we create, and so the only folders the sweep ever looks at. */
export const TEMP_PREFIXES = ['b2c-submission', 'b2c-claim', 'b2c-uploads', 'b2c-poster', 'b2c-check', 'b2c-demo', 'b2c-source', 'b2c-transcode'] as const
export type TempPrefix = (typeof TEMP_PREFIXES)[number]

export const MEDIA_TEMP_FOLDER = '.tmp'
/** MEDIA_DIR/.tmp */
export const mediaTempRoot = (): string => path.join(mediaDir(), MEDIA_TEMP_FOLDER)
/**
 * The prefixes whose folders hold bytes bound for MEDIA_DIR, and so live in mediaTempRoot(); with
 * S3 storage also a worker's fetched original and its encodes (gigabytes, like the media itself).
 */
const ON_MEDIA_DISK: readonly TempPrefix[] = ['b2c-submission', 'b2c-claim', 'b2c-source', 'b2c-transcode']

/** The folders the sweep looks in: the OS's temp folder and MEDIA_DIR/.tmp. */
export const tempRoots = (): string[] => [os.tmpdir(), mediaTempRoot()]

/**
 * A new private temp folder owned by this process: `<root>/<prefix>-pid<pid>-XXXXXX`, where root
 * is MEDIA_DIR/.tmp for bytes bound for the media store and os.tmpdir() for everything else.
 */
export const makeTempDir = async (prefix: TempPrefix): Promise<string> => {
  const root = ON_MEDIA_DISK.includes(prefix) ? mediaTempRoot() : os.tmpdir()
  await fs.mkdir(root, { recursive: true })
  return fs.mkdtemp(path.join(root, `${prefix}-pid${process.pid}-`))
}

/**
 * This process's own folder for `prefix`, not created: for settings that take a path and make
 * the folder themselves when needed (Payload's `upload.tempFileDir`).
 */
export const tempDirPath = (prefix: TempPrefix): string => path.join(os.tmpdir(), `${prefix}-pid${process.pid}`)

type Owner = { prefix: string; pid: number | null }

/** `b2c-submission-pid123-Ab3dEf` → its owner; a name of ours from before pids (`b2c-uploads`, `b2c-poster-Ab3dEf`) → pid null. */
export const tempOwner = (name: string): Owner | null => {
  const prefix = TEMP_PREFIXES.find((candidate) => name === candidate || name.startsWith(`${candidate}-`))
  if (!prefix) return null
  const pid = new RegExp(`^${prefix}-pid(\\d+)(?:-|$)`).exec(name)?.[1]
  return { prefix, pid: pid ? Number(pid) : null }
}

/** Whether a process with this pid exists on this machine (EPERM: it does, as another user). */
export const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The newest modification time of a folder and its direct entries (a file being written is fresh). */
const newestChange = async (dir: string): Promise<number> => {
  let newest = (await fs.stat(dir)).mtimeMs
  for (const entry of await fs.readdir(dir).catch(() => [])) {
    const stat = await fs.stat(path.join(dir, entry)).catch(() => null)
    if (stat) newest = Math.max(newest, stat.mtimeMs, stat.ctimeMs)
  }
  return newest
}

/**
 * Removes our temp folders whose process is gone (or which nothing touched for `maxAgeHours`);
 * returns the paths removed. Folders from before pids were in the names (a shared `b2c-uploads`)
 * lose only the entries older than `maxAgeHours`. This process's own folders are never touched.
 */
export const sweepTempDirs = async (
  payload: Pick<Payload, 'logger'>,
  { maxAgeHours, root = os.tmpdir() }: { maxAgeHours: number; root?: string },
): Promise<string[]> => {
  const cutoff = Date.now() - maxAgeHours * 3_600_000
  const removed: string[] = []
  const remove = async (target: string) => {
    await fs.rm(target, { recursive: true, force: true })
    removed.push(target)
  }
  for (const name of await fs.readdir(root).catch(() => [] as string[])) {
    const owner = tempOwner(name)
    if (!owner || owner.pid === process.pid) continue
    const dir = path.join(root, name)
    try {
      const stat = await fs.stat(dir)
      if (!stat.isDirectory()) continue
      if (owner.pid !== null) {
        if (!processAlive(owner.pid) || (await newestChange(dir)) < cutoff) await remove(dir)
        continue
      }
      for (const entry of await fs.readdir(dir)) {
        const target = path.join(dir, entry)
        const entryStat = await fs.stat(target).catch(() => null)
        if (entryStat && Math.max(entryStat.mtimeMs, entryStat.ctimeMs) < cutoff) await remove(target)
      }
      if ((await fs.readdir(dir)).length === 0 && (await fs.stat(dir)).mtimeMs < cutoff) await remove(dir)
    } catch (error) {
      // Another process swept it first, or it is not ours to read: leave it for the next sweep.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') payload.logger.warn({ err: error }, `temp sweep: could not check ${dir}`)
    }
  }
  if (removed.length > 0) payload.logger.info(`Temp sweep: removed ${removed.length} abandoned temp folder(s) or file(s): ${removed.join(', ')}`)
  return removed
}
