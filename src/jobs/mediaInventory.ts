import type { Dirent } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { mediaDir } from '../config/paths'
import { uploadFileNames } from '../lib/uploadFileNames'
import { bucketView, type StoreView } from '../storage/bucketView'
import { objectStore } from '../storage/objectStore'
import { UPLOAD_PREFIXES } from '../storage/payloadStorage'
import { UPLOAD_OWNERS, uploadsDir } from '../uploads/paths'
import { mediaUrlToKey } from '../video/paths'

/**
 * What MEDIA_DIR holds against what the documents name (issue #9, item 4). One function, used by
 * the orphan sweeper and by the tests' invariant, so the two can never disagree about what
 * "named by a document" means.
 *
 * Named files:
 * - every upload collection (media, clips, consent-documents, …): `<staticDir>/<filename>` and,
 *   for images, `<staticDir>/<sizes.*.filename>`;
 * - a clip's outputs: the files its `renditions[].url` and `hlsUrl` point at, and through the
 *   master playlist its variant playlists, their segments and init segments.
 * Captions are not files: they are stored on the clip and served from the database.
 *
 * With S3_BUCKET the store is the bucket (keys are the same relative paths): upload collections
 * under their folders (src/storage/payloadStorage.ts), clip outputs under `clips/`. MEDIA_DIR is
 * then only scratch space (tus uploads, temp folders), owned by their own sweeps.
 */
export type MediaInventory = {
  /** Files under MEDIA_DIR (or keys in the bucket) that no document names, relative to MEDIA_DIR (POSIX separators). */
  orphanFiles: string[]
  /** Documents that name a file which is not there. */
  missingFiles: MissingFile[]
}
export type MissingFile = { collection: string; id: number | string; file: string }

export const inspectMediaStore = async (payload: Payload): Promise<MediaInventory> => {
  const store = objectStore()
  const view = store ? bucketView(store) : diskView(mediaDir())
  // Read the store first, the documents after: a file written (and its document saved) between
  // the two reads is then named, never reported as an orphan.
  const stored = (await view.list()).map(({ file }) => file)
  const named = await namedFiles(payload, view, Boolean(store))
  const orphanFiles = stored.filter((file) => !named.has(file)).sort()
  const missingFiles: MissingFile[] = []
  for (const [file, owner] of named) {
    if (!(await view.exists(file))) missingFiles.push({ ...owner, file })
  }
  return { orphanFiles, missingFiles }
}

/** MEDIA_DIR as a store: relative POSIX paths. */
const diskView = (root: string): StoreView => ({
  list: async () => (await listFiles(root)).map((file) => ({ file })),
  exists: (file) => exists(path.join(root, file)),
  readText: (file) => fs.readFile(path.join(root, file), 'utf8').catch(() => ''),
})

type Owner = { collection: string; id: number | string }

/** Every file a document names, relative to MEDIA_DIR, with the document that names it. */
const namedFiles = async (payload: Payload, view: StoreView, inBucket: boolean): Promise<Map<string, Owner>> => {
  const root = mediaDir()
  const named = new Map<string, Owner>()
  const add = (relative: string | null, owner: Owner) => {
    if (relative && !named.has(relative)) named.set(relative, owner)
  }
  for (const collection of payload.config.collections) {
    const upload = collection.upload
    if (!upload || typeof upload !== 'object') continue
    // The folder the collection's files are in, relative to the store's root.
    const folder = upload.disableLocalStorage
      ? UPLOAD_PREFIXES[collection.slug as keyof typeof UPLOAD_PREFIXES]
      : upload.staticDir && !inBucket
        ? toRelative(root, path.resolve(upload.staticDir))
        : null
    if (!folder) continue
    for (const doc of await allDocs(payload, collection.slug)) {
      const owner = { collection: collection.slug, id: doc.id as number | string }
      for (const name of uploadFileNames(doc)) add(path.posix.join(folder, name), owner)
      if (collection.slug === 'clips') {
        for (const file of await clipOutputFiles(view, doc)) add(file, owner)
      }
    }
  }
  if (!inBucket) {
    for (const file of await tusUploadFiles()) add(toRelative(root, file), { collection: 'tus-uploads', id: path.basename(file, '.json') })
  }
  return named
}

/**
 * tus uploads (MEDIA_DIR/.uploads/<owner>/, issue #11) are named by their own info file, not by
 * a document: `<id>.json` and its bytes `<id>` count as named while the info exists. They are
 * bounded by the upload expiry (src/uploads/expiry.ts), which owns that folder; bytes without
 * an info file stay orphans here, and the expiry removes them.
 */
const tusUploadFiles = async (): Promise<string[]> => {
  const files: string[] = []
  for (const owner of UPLOAD_OWNERS) {
    const dir = uploadsDir(owner)
    const names = new Set(await fs.readdir(dir).catch(() => [] as string[]))
    for (const name of names) {
      if (!name.endsWith('.json')) continue
      files.push(path.join(dir, name))
      const bytes = name.slice(0, -'.json'.length)
      if (names.has(bytes)) files.push(path.join(dir, bytes))
    }
  }
  return files
}

/** The files a clip's renditions and HLS playlists name, relative to the store's root. */
const clipOutputFiles = async (view: StoreView, clip: Record<string, unknown>): Promise<string[]> => {
  const files: string[] = []
  const renditions = (clip.renditions ?? []) as { url?: string | null }[]
  for (const rendition of renditions) {
    const file = mediaUrlToKey(rendition.url)
    if (file) files.push(file)
  }
  const master = mediaUrlToKey(clip.hlsUrl as string | null | undefined)
  if (master) {
    files.push(master)
    for (const playlist of await playlistEntries(view, master)) {
      files.push(playlist)
      for (const segment of await playlistEntries(view, playlist)) files.push(segment)
    }
  }
  return files
}

/**
 * The files an HLS playlist names (URIs on their own lines and `#EXT-X-MAP:URI="…"`), resolved
 * beside it. A playlist that cannot be read names nothing: it is then itself reported missing.
 */
const playlistEntries = async (view: StoreView, playlist: string): Promise<string[]> => {
  const text = await view.readText(playlist)
  const dir = path.posix.dirname(playlist)
  const names = new Set<string>()
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line) continue
    if (line.startsWith('#')) {
      const map = /URI="([^"]+)"/.exec(line)
      if (map && line.startsWith('#EXT-X-MAP')) names.add(map[1])
      continue
    }
    names.add(line)
  }
  // Only plain relative names: a playlist never legitimately points outside its own folder.
  return [...names].filter((name) => !name.includes('/') && !name.includes('\\') && !name.includes('..')).map((name) => path.posix.join(dir, name))
}

/** Every document of a collection with the fields that name files, depth 0. */
const allDocs = async (payload: Payload, collection: string): Promise<Record<string, unknown>[]> => {
  const result = await payload.find({
    collection: collection as 'media',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return result.docs as unknown as Record<string, unknown>[]
}

/** Every regular file under `root`, relative to it, with POSIX separators. */
export const listFiles = async (root: string): Promise<string[]> => {
  const files: string[] = []
  const walk = async (dir: string) => {
    let entries: Dirent[]
    try {
      entries = await fs.readdir(dir, { withFileTypes: true })
    } catch {
      return // gone in the meantime, or MEDIA_DIR not made yet
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) await walk(full)
      else if (entry.isFile()) files.push(toRelative(root, full)!)
    }
  }
  await walk(root)
  return files
}

const toRelative = (root: string, absolute: string): string | null => {
  const relative = path.relative(root, path.resolve(absolute))
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return null
  return relative.split(path.sep).join('/')
}

const exists = (file: string) =>
  fs.stat(file).then(
    (stat) => stat.isFile(),
    () => false,
  )
