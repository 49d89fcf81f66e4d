import fs from 'node:fs/promises'
import path from 'node:path'

import { mediaDir } from '../config/paths'
import { makeTempDir } from '../jobs/tempFiles'
import { deletePrefix, downloadTo, putFile, putFolder, type ObjectStore } from '../storage/objectStore'
import { UPLOAD_PREFIXES } from '../storage/payloadStorage'
import type { ClipOutputStore, LocalFile } from './outputStore'
import { clipOutputUrl, mediaUrlToKey } from './paths'

/** `clips/<clip>/`: every key of one clip's outputs (the trailing `/` keeps clip 1 from taking clip 10's). */
export const clipPrefix = (clipId: number | string) => `clips/${clipId}/`

/** A published output's key from its `/media/…` URL (the clip's own field: never outside /media). */
export const outputKey = (url: string): string => {
  const key = mediaUrlToKey(url)
  if (!key) throw new Error(`not a /media URL: ${url}`)
  return key
}

/** The folder a key of a clip's outputs is in (`clips/1/<folder>/file`). */
const folderOf = (key: string) => key.split('/')[2] ?? ''

/**
 * A clip's outputs in the S3 bucket (issue #13), for workers on any machine. A worker fetches
 * the original into a temp folder of its own (MEDIA_DIR/.tmp, swept by pid when it dies), encodes
 * there, uploads, and removes its temp files. Keys are the paths MEDIA_DIR would have.
 *
 * A bucket has no rename: a version is uploaded file by file, segments first and playlists
 * last (the master playlist very last), and the clip names it only after the last upload
 * succeeded; until then nothing points at it. A failed upload leaves keys no document names:
 * the attempt's own failure path removes the clip's unnamed folders, and the orphan sweep
 * (src/jobs/orphanSweep.ts) anything a killed worker left.
 */
export const bucketOutputs = (store: ObjectStore): ClipOutputStore => {
  const fetch = async (key: string): Promise<LocalFile> => {
    const dir = await makeTempDir('b2c-source')
    const release = () => fs.rm(dir, { recursive: true, force: true })
    try {
      const file = path.join(dir, path.basename(key))
      await downloadTo(store, key, file)
      return { file, release }
    } catch (error) {
      await release()
      throw error
    }
  }
  const removeFolders = (clipId: number | string, remove: (folder: string) => boolean) =>
    deletePrefix(store, clipPrefix(clipId), (key) => !remove(folderOf(key)))

  return {
    diskRoot: mediaDir,
    localSource: (filename) => fetch(`${UPLOAD_PREFIXES.clips}/${filename}`),
    localOutput: (url) => fetch(outputKey(url)),
    makeWorkDir: () => makeTempDir('b2c-transcode'),
    removeWorkDir: (dir) => fs.rm(dir, { recursive: true, force: true }),
    // A dead worker's work folder is on its own machine: the temp sweep there removes it.
    removeDeadWork: async () => {},
    showPreview: async (clipId, version, workFile, name) => {
      const folder = `preview-${version}-${process.pid}-${Date.now()}`
      const file = path.basename(workFile)
      const preview = { folder, file: workFile, url: clipOutputUrl(clipId, folder, file) }
      try {
        await putFile(store, `${clipPrefix(clipId)}${folder}/${file}`, workFile)
        await name(preview)
        return preview
      } catch (error) {
        await deletePrefix(store, `${clipPrefix(clipId)}${folder}/`).catch(() => {})
        throw error
      }
    },
    removePreviewFolders: (clipId, except) => removeFolders(clipId, (folder) => folder.startsWith('preview-') && folder !== except),
    publishVersion: async (clipId, version, outDir) => {
      await putFolder(store, outDir, `${clipPrefix(clipId)}${version}`, playlistsLast)
    },
    removeVersion: (clipId, version) => deletePrefix(store, `${clipPrefix(clipId)}${version}/`),
    removeOtherVersions: (clipId, keep) => removeFolders(clipId, (folder) => folder !== keep),
    removeAll: (clipId) => deletePrefix(store, clipPrefix(clipId)),
  }
}

/** Media first, variant playlists next, `master.m3u8` last: a playlist never names a file not yet uploaded. */
const rank = (file: string) => (file === 'master.m3u8' ? 2 : file.endsWith('.m3u8') ? 1 : 0)
const playlistsLast = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b)
