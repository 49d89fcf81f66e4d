import fs from 'node:fs/promises'
import path from 'node:path'

import { mediaDir } from '../config/paths'
import { objectStore } from '../storage/objectStore'
import { bucketOutputs, outputKey } from './bucketOutputs'
import { clipOutputDir, clipOutputRoot, originalPath } from './paths'
import { publishVersion, removeOtherVersions, removePreviewFolders, removeWorkFolders, showPreview, type PreviewFolder } from './publish'

/**
 * Where a clip's pipeline reads its source and puts its outputs: MEDIA_DIR on one machine
 * (src/video/publish.ts), or the S3 bucket for a fleet of workers (src/video/bucketOutputs.ts).
 * The pipeline (processClip) and the clip hooks only ever talk to this, so the two layouts keep
 * the same promises: an attempt works in a folder of its own on this machine, a preview and a
 * version are only named once they are complete in the store, and what the clip no longer names
 * goes.
 */
export type ClipOutputStore = {
  /** The folder whose free space an attempt needs (its work folder's disk). */
  diskRoot: () => string
  /** The clip's original as a file on this machine; `release` removes a fetched copy. */
  localSource: (filename: string) => Promise<LocalFile>
  /** A published output (by its `/media/…` URL) as a file on this machine. */
  localOutput: (url: string) => Promise<LocalFile>
  /** A new, empty folder for one attempt's work. */
  makeWorkDir: (clipId: number | string, version: string) => Promise<string>
  /** Removes an attempt's work folder (and what it fetched). */
  removeWorkDir: (dir: string) => Promise<void>
  /** Dead attempts' work folders of this clip, where the store keeps them beside its outputs. */
  removeDeadWork: (clipId: number | string) => Promise<void>
  /** Publishes the preview file and has `name` save it; removes it again when the save fails. */
  showPreview: (clipId: number | string, version: string, workFile: string, name: (preview: PreviewFolder) => Promise<unknown>) => Promise<PreviewFolder>
  removePreviewFolders: (clipId: number | string, except: string) => Promise<void>
  /** Puts a finished attempt's outputs (`outDir`) in place as `<clip>/<version>/`. */
  publishVersion: (clipId: number | string, version: string, outDir: string) => Promise<void>
  /** A published version that must not stay (its save was refused). */
  removeVersion: (clipId: number | string, version: string) => Promise<void>
  /** Every folder of the clip but `keep`. */
  removeOtherVersions: (clipId: number | string, keep: string) => Promise<void>
  /** Everything the clip ever had. */
  removeAll: (clipId: number | string) => Promise<void>
}

export type LocalFile = { file: string; release: () => Promise<void> }

/** MEDIA_DIR: outputs are folders renamed into place, work folders live beside them (one disk). */
const diskOutputs: ClipOutputStore = {
  diskRoot: mediaDir,
  localSource: async (filename) => ({ file: originalPath(filename), release: async () => {} }),
  localOutput: async (url) => ({ file: path.join(mediaDir(), outputKey(url)), release: async () => {} }),
  makeWorkDir: async (clipId, version) => {
    // Inside the clip's folder: publishing is then a rename on one filesystem, never a copy.
    const dir = path.join(clipOutputRoot(clipId), `.work-${version}-${process.pid}-${Date.now()}`)
    await fs.mkdir(dir, { recursive: true })
    return dir
  },
  removeWorkDir: (dir) => fs.rm(dir, { recursive: true, force: true }),
  removeDeadWork: (clipId) => removeWorkFolders(clipOutputRoot(clipId)),
  showPreview: (clipId, version, workFile, name) => showPreview(clipOutputRoot(clipId), version, workFile, name),
  removePreviewFolders: (clipId, except) => removePreviewFolders(clipOutputRoot(clipId), { except }),
  publishVersion: (clipId, version, outDir) => publishVersion(outDir, clipOutputDir(clipId, version)),
  removeVersion: (clipId, version) => fs.rm(clipOutputDir(clipId, version), { recursive: true, force: true }),
  removeOtherVersions: (clipId, keep) => removeOtherVersions(clipId, keep),
  removeAll: (clipId) => fs.rm(clipOutputRoot(clipId), { recursive: true, force: true }),
}

/** The store of this deployment: the bucket when S3_BUCKET is set, MEDIA_DIR otherwise. */
export const clipOutputStore = (): ClipOutputStore => {
  const store = objectStore()
  return store ? bucketOutputs(store) : diskOutputs
}
