import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { objectStore } from '../storage/objectStore'
import { expireBucketUploads } from './bucketExpiry'
import { UPLOAD_OWNERS, uploadsDir } from './paths'

const CLAIM_MARK = '.claiming-'
// A claim renames the info away for the moment it takes to move the bytes; one older than this crashed.
const CLAIM_STALE_MS = 3_600_000

type Info = { size?: number; creation_date?: string }

const statOrNull = (file: string) => fs.stat(file).catch(() => null)

/**
 * The expiry of tus uploads (issue #11), run by housekeeping: in MEDIA_DIR/.uploads, an upload
 * not finished within `expiryHours` of its creation, and a finished one that nothing claimed
 * within `expiryHours` of its last byte, are deleted, bytes and info. Files there that belong to
 * no upload (bytes whose info is gone, a crashed claim's renamed info) go after the same time.
 * The orphan sweep leaves this folder to this job. `now` is injectable so tests need not wait.
 * Returns the ids (or stray names) removed. With S3_BUCKET set, the same rules in the bucket
 * (src/uploads/bucketExpiry.ts); `payload.db` then picks the locker that keeps claims apart.
 */
export const expireUploads = async (
  payload: Pick<Payload, 'logger'> & Partial<Pick<Payload, 'db'>>,
  { expiryHours, now = new Date() }: { expiryHours: number; now?: Date },
): Promise<string[]> => {
  const cutoff = now.getTime() - expiryHours * 3_600_000
  const store = objectStore()
  if (store) {
    const removed = await expireBucketUploads(payload, store, cutoff)
    if (removed.length > 0) payload.logger.info(`Upload expiry: removed ${removed.length} upload(s) from the bucket: ${removed.join(', ')}`)
    return removed
  }
  const removed: string[] = []
  for (const owner of UPLOAD_OWNERS) {
    const dir = uploadsDir(owner)
    const names = await fs.readdir(dir).catch(() => [] as string[])
    const infos = new Set(names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)))
    const claiming = new Map<string, string[]>()
    for (const name of names) {
      const at = name.indexOf(CLAIM_MARK)
      if (at > 0) claiming.set(name.slice(0, at), [...(claiming.get(name.slice(0, at)) ?? []), name])
    }
    for (const id of infos) {
      const infoPath = path.join(dir, `${id}.json`)
      const bytesPath = path.join(dir, id)
      let info: Info
      try {
        info = JSON.parse(await fs.readFile(infoPath, 'utf8')) as Info
      } catch {
        continue // claimed or expired by another process in the meantime
      }
      const bytes = await statOrNull(bytesPath)
      const finished = bytes !== null && typeof info.size === 'number' && bytes.size === info.size
      const since = finished ? bytes.mtimeMs : new Date(info.creation_date ?? 0).getTime()
      if (since >= cutoff) continue
      await Promise.all([fs.rm(bytesPath, { force: true }), fs.rm(infoPath, { force: true })])
      removed.push(`${owner}/${id}`)
    }
    for (const name of names) {
      if (name.endsWith('.json')) continue
      const claimId = name.includes(CLAIM_MARK) ? name.slice(0, name.indexOf(CLAIM_MARK)) : null
      if (claimId === null && infos.has(name)) continue
      const target = path.join(dir, name)
      const stat = await statOrNull(target)
      if (!stat?.isFile() || Math.max(stat.mtimeMs, stat.ctimeMs) >= cutoff) continue
      // Bytes a claim is moving right now are not strays.
      if (claimId === null && (await claimInProgress(dir, claiming.get(name) ?? [], now))) continue
      await fs.rm(target, { force: true })
      removed.push(`${owner}/${name}`)
    }
  }
  if (removed.length > 0) payload.logger.info(`Upload expiry: removed ${removed.length} upload(s) or stray file(s): ${removed.join(', ')}`)
  return removed
}

const claimInProgress = async (dir: string, marks: string[], now: Date) => {
  for (const mark of marks) {
    const stat = await statOrNull(path.join(dir, mark))
    if (stat && now.getTime() - stat.ctimeMs < CLAIM_STALE_MS) return true
  }
  return false
}
