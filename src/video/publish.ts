import fs from 'node:fs/promises'
import path from 'node:path'

import type { Clip } from '../payload-types'
import { clipOutputRoot, clipOutputUrl } from './paths'

/**
 * The publish step of the pipeline (SPEC §11: probe → plan → encode → publish): how an attempt's
 * outputs become what a clip names, in whole folders under `clips/<clip>/`:
 * - `preview-<version>-<pid>-<time>/`: the preview rendition, hard-linked from the attempt's
 *   work folder, never rewritten (its URL is cached for a year);
 * - `<version>/`: the finished ladder, renamed into place whole;
 * - `.work-…/`, `.old-…/`: an attempt's work and a replaced version on its way out.
 */

/** The folder of the preview a clip shows (`preview-…`), or null when it shows none. */
export const shownPreviewFolder = (clip: Clip): string | null => {
  if (clip.processing?.status !== 'preview') return null
  const url = clip.renditions?.[0]?.url ?? ''
  return /\/(preview-[\w.-]+)\/[^/]+$/.exec(url)?.[1] ?? null
}

/** A published preview: its folder under the clip's, its file, and the URL the clip names. */
export type PreviewFolder = { folder: string; file: string; url: string }

/** The preview rendition, shown while the ladder encodes, from a preview folder of this attempt's own. */
const publishPreview = async (root: string, version: string, workFile: string) => {
  const folder = `preview-${version}-${process.pid}-${Date.now()}`
  const dir = path.join(root, folder)
  await fs.mkdir(dir, { recursive: true })
  const file = path.join(dir, path.basename(workFile))
  await fs.link(workFile, file).catch(() => fs.copyFile(workFile, file))
  return { folder, file, url: clipOutputUrl(path.basename(root), folder, path.basename(workFile)) }
}

/**
 * Publishes an attempt's preview and has `name` save it on the clip. Should the save fail (the
 * clip's file was replaced, another attempt of the same file finished first, the database said
 * no), the folder goes again: nothing names it, so nothing may keep it.
 */
export const showPreview = async (
  root: string,
  version: string,
  workFile: string,
  name: (preview: PreviewFolder) => Promise<unknown>,
): Promise<PreviewFolder> => {
  const preview = await publishPreview(root, version, workFile)
  try {
    await name(preview)
    return preview
  } catch (error) {
    await fs.rm(path.join(root, preview.folder), { recursive: true, force: true })
    throw error
  }
}

/** Earlier attempts' preview folders, once this attempt's own preview is the one the clip names. */
export const removePreviewFolders = (root: string, { except }: { except: string }) =>
  removeEntries(root, (entry) => entry.startsWith('preview-') && entry !== except)

/**
 * Puts a finished attempt's outputs in place as a whole: the folder is renamed, never filled
 * file by file, so the version folder holds either the earlier complete set or the new one.
 */
export const publishVersion = async (outDir: string, finalDir: string) => {
  const aside = `${path.dirname(finalDir)}/.old-${path.basename(finalDir)}-${process.pid}-${Date.now()}`
  const hadEarlier = await fs.rename(finalDir, aside).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false
      throw error
    },
  )
  await fs.rename(outDir, finalDir)
  if (hadEarlier) await fs.rm(aside, { recursive: true, force: true })
}

/** Work folders (and set-aside folders) of attempts that are not running any more. */
export const removeWorkFolders = (root: string) => removeEntries(root, (entry) => entry.startsWith('.work-') || entry.startsWith('.old-'))

/** Everything in the clip's folder but `keep` (the version or preview folder it names). */
export const removeOtherVersions = (clipId: number | string, keep: string) => removeEntries(clipOutputRoot(clipId), (entry) => entry !== keep)

/** The entries of a clip's output folder that `remove` picks (none when the folder is gone). */
const removeEntries = async (root: string, remove: (entry: string) => boolean) => {
  for (const entry of await fs.readdir(root).catch(() => [] as string[])) {
    if (remove(entry)) await fs.rm(path.join(root, entry), { recursive: true, force: true })
  }
}
