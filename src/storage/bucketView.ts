import { listKeys, objectExists, readTextObject, type ObjectStore } from './objectStore'

/**
 * The media store as the inventory and the orphan sweep read it (src/jobs/mediaInventory.ts):
 * files by their path relative to the store's root, with their last change where known.
 */
export type StoreView = {
  list: () => Promise<{ file: string; changedAt?: number }[]>
  exists: (file: string) => Promise<boolean>
  /** A small text file (a playlist); '' when it cannot be read. */
  readText: (file: string) => Promise<string>
}

/**
 * Resumable uploads in progress keep their parts and state under this folder of the bucket, as
 * under MEDIA_DIR/.uploads on one machine: the upload expiry owns them, not the media inventory.
 */
export const BUCKET_UPLOADS_FOLDER = '.uploads/'

/** The bucket: keys are the relative paths (uploads in progress left to their expiry). */
export const bucketView = (store: ObjectStore): StoreView => ({
  list: async () =>
    (await listKeys(store, ''))
      .filter(({ key }) => !key.startsWith(BUCKET_UPLOADS_FOLDER))
      .map(({ key, lastModified }) => ({ file: key, changedAt: lastModified })),
  exists: (file) => objectExists(store, file),
  readText: async (file) => (await readTextObject(store, file)) ?? '',
})
