import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { mediaDir } from '../config/paths'
import { bucketView } from '../storage/bucketView'
import { deleteKeys, objectStore, type ObjectStore } from '../storage/objectStore'
import { inspectMediaStore } from './mediaInventory'
import { UPLOADS_FOLDER } from '../uploads/paths'
import { MEDIA_TEMP_FOLDER, processAlive } from './tempFiles'

/**
 * A transcode attempt's own folders (src/video/processClip.ts): its work folder
 * `clips/<clip>/.work-<version>-<pid>-<time>/` and a published folder set aside while it is
 * replaced, `clips/<clip>/.old-<version>-<pid>-<time>/`. Never named by a document.
 */
const ATTEMPT_FOLDER = /^(clips\/[^/]+\/\.(?:work|old)-[^/]+)(?:\/|$)/
const attemptPid = (folder: string) => Number(/-(\d+)-\d+$/.exec(folder)?.[1]) || null

export type OrphanSweepResult = { removed: string[]; kept: number; missing: number }

/**
 * Removes files under MEDIA_DIR that no document names (issue #9, item 4), once they are older
 * than the grace period; documents whose file is missing are logged, never changed (a person
 * must decide what a story without its photo should be).
 *
 * "Older" is the newest of a file's mtime and ctime, and for a clip's output file also of its
 * folder's (an attempt publishes by renaming the whole folder, which leaves the files' own times
 * as old as the encode). An attempt's work folder goes as a whole, only when nothing in it
 * changed for the grace period (a live ffmpeg writes into it every few seconds, while its first
 * segments may be an hour old) and the process named in it is not running on this machine.
 */
export const sweepOrphanFiles = async (payload: Payload, { graceMinutes }: { graceMinutes: number }): Promise<OrphanSweepResult> => {
  const root = mediaDir()
  const cutoff = Date.now() - graceMinutes * 60_000
  const { orphanFiles, missingFiles } = await inspectMediaStore(payload)

  const store = objectStore()
  for (const missing of missingFiles) {
    payload.logger.warn(`Media sweep: ${missing.collection} ${missing.id} names ${missing.file}, which is missing from ${store ? 'the bucket' : 'MEDIA_DIR'}`)
  }
  if (store) return sweepBucket(payload, store, orphanFiles, cutoff, missingFiles.length)

  // Attempt folders with no files in them (killed before ffmpeg wrote a byte) are units too.
  const units = new Set<string>(await attemptFolders(root))
  // MEDIA_DIR/.uploads belongs to the upload expiry (src/uploads/expiry.ts), which knows a claim in
  // flight, and MEDIA_DIR/.tmp to the temp sweep, which knows whose process is still receiving.
  const ownedElsewhere = [`${UPLOADS_FOLDER}/`, `${MEDIA_TEMP_FOLDER}/`]
  for (const file of orphanFiles) {
    if (!ownedElsewhere.some((prefix) => file.startsWith(prefix))) units.add(ATTEMPT_FOLDER.exec(file)?.[1] ?? file)
  }

  const removed: string[] = []
  let kept = 0
  for (const unit of units) {
    const target = path.join(root, unit)
    const isAttempt = ATTEMPT_FOLDER.test(unit)
    let changed = await newestChange(target)
    if (changed === null) continue // gone already (another sweeper, or the attempt's own clean-up)
    if (!isAttempt && unit.startsWith('clips/')) changed = Math.max(changed, (await ownTimes(path.dirname(target))) ?? 0)
    const pid = isAttempt ? attemptPid(unit) : null
    if (changed >= cutoff || (pid !== null && processAlive(pid))) {
      kept++
      continue
    }
    await fs.rm(target, { recursive: true, force: true })
    removed.push(unit)
  }
  if (removed.length > 0) payload.logger.info(`Media sweep: removed ${removed.length} file(s) no document names: ${removed.join(', ')}`)
  return { removed, kept, missing: missingFiles.length }
}

/** Every attempt folder under MEDIA_DIR/clips, relative to MEDIA_DIR. */
const attemptFolders = async (root: string): Promise<string[]> => {
  const found: string[] = []
  for (const clip of await fs.readdir(path.join(root, 'clips')).catch(() => [] as string[])) {
    for (const entry of await fs.readdir(path.join(root, 'clips', clip)).catch(() => [] as string[])) {
      if (ATTEMPT_FOLDER.test(`clips/${clip}/${entry}`)) found.push(`clips/${clip}/${entry}`)
    }
  }
  return found
}

const ownTimes = async (target: string): Promise<number | null> => {
  const stat = await fs.stat(target).catch(() => null)
  return stat ? Math.max(stat.mtimeMs, stat.ctimeMs) : null
}

/** The newest mtime/ctime of a file, or of a folder and everything in it; null when it is gone. */
const newestChange = async (target: string): Promise<number | null> => {
  const stat = await fs.stat(target).catch(() => null)
  if (!stat) return null
  let newest = Math.max(stat.mtimeMs, stat.ctimeMs)
  if (stat.isDirectory()) {
    for (const entry of await fs.readdir(target).catch(() => [] as string[])) {
      newest = Math.max(newest, (await newestChange(path.join(target, entry))) ?? 0)
    }
  }
  return newest
}

/**
 * With S3 storage: objects no document names, once unchanged for the grace period. A bucket has
 * no attempt folders (workers encode in temp folders of their own): what is left here is a
 * killed worker's preview or half-uploaded version, or a replaced original Payload could not
 * delete. An upload in progress is younger than the grace period and stays.
 */
const sweepBucket = async (payload: Payload, store: ObjectStore, orphans: string[], cutoff: number, missing: number): Promise<OrphanSweepResult> => {
  const changed = new Map((await bucketView(store).list()).map(({ file, changedAt }) => [file, changedAt ?? Date.now()]))
  const removed = orphans.filter((key) => changed.has(key) && changed.get(key)! < cutoff)
  await deleteKeys(store, removed)
  if (removed.length > 0) payload.logger.info(`Media sweep: removed ${removed.length} object(s) no document names: ${removed.join(', ')}`)
  return { removed, kept: orphans.length - removed.length, missing }
}
