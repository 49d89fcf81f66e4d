import type { Payload } from 'payload'
import type { Locker } from '@tus/server'

import { BUCKET_UPLOADS_FOLDER } from '../storage/bucketView'
import { deleteKeys, listKeys, type ObjectStore } from '../storage/objectStore'
import { deleteUploadObjects, readInfo } from './bucketLayout'
import { currentUploadLocker, uploadLocker } from './locker'
import { UPLOAD_OWNERS, type UploadOwner } from './paths'

/** How long the expiry waits for an upload's lock before leaving it to the next run. */
const LOCK_WAIT_MS = 5_000

type Objects = { key: string; size: number; lastModified: number }[]

/** The objects under `.uploads/<owner>/`, by upload id. */
const byUpload = (owner: UploadOwner, objects: Objects): Map<string, Objects> => {
  const groups = new Map<string, Objects>()
  const prefix = `${BUCKET_UPLOADS_FOLDER}${owner}/`
  for (const object of objects) {
    const id = object.key.slice(prefix.length).split('/')[0]
    if (id) groups.set(id, [...(groups.get(id) ?? []), object])
  }
  return groups
}

/**
 * expireUploads for uploads in the bucket: an upload not finished within `cutoff` of its
 * creation, and a finished one nobody claimed within it of its last piece, lose all their
 * objects; objects left without an info (a deletion cut short) go once they are as old.
 * Each upload is taken under its lock, so a claim or a PATCH under way is not cut in half; one
 * whose lock is not free within a few seconds is left to the next run. No multipart uploads
 * are ever started for uploads (src/uploads/bucketLayout.ts), so there are none to abort.
 */
export const expireBucketUploads = async (payload: Partial<Pick<Payload, 'db'>>, store: ObjectStore, cutoff: number): Promise<string[]> => {
  const locker: Locker = payload.db ? uploadLocker({ db: payload.db }) : currentUploadLocker()
  const removed: string[] = []
  for (const owner of UPLOAD_OWNERS) {
    const groups = byUpload(owner, await listKeys(store, `${BUCKET_UPLOADS_FOLDER}${owner}/`))
    for (const [id, objects] of groups) {
      const info = await readInfo(store, owner, id)
      const pieces = objects.filter((object) => !object.key.endsWith('/info.json'))
      const lastPiece = Math.max(0, ...pieces.map((object) => object.lastModified))
      const stored = pieces.reduce((sum, object) => sum + object.size, 0)
      const finished = typeof info?.size === 'number' && stored === info.size
      // Objects without an info: as old as the newest of them.
      const since = !info ? Math.max(...objects.map((object) => object.lastModified)) : finished ? lastPiece : new Date(info.creation_date ?? 0).getTime()
      if (since >= cutoff) continue
      const lock = locker.newLock(id)
      try {
        await lock.lock(AbortSignal.timeout(LOCK_WAIT_MS), () => undefined)
      } catch {
        continue
      }
      try {
        // A claim may have taken it meanwhile: delete what is there now.
        if (info) await deleteUploadObjects(store, owner, id)
        else await deleteKeys(store, objects.map(({ key }) => key))
        removed.push(`${owner}/${id}`)
      } finally {
        await lock.unlock()
      }
    }
  }
  return removed
}
