import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import path from 'node:path'

import { mediaDir } from '../config/paths'

/** Where a clip's uploaded original lives (Payload's upload staticDir for clips). */
export const originalPath = (filename: string) => path.join(mediaDir(), 'originals', filename)

/** All outputs of a clip: one folder per version, so URLs change whenever the source does. */
export const clipOutputRoot = (clipId: number | string) => path.join(mediaDir(), 'clips', String(clipId))
export const clipOutputDir = (clipId: number | string, version: string) => path.join(clipOutputRoot(clipId), version)
export const clipOutputUrl = (clipId: number | string, version: string, file: string) =>
  `/media/clips/${encodeURIComponent(String(clipId))}/${version}/${file}`

/**
 * The other way: `/media/clips/1/abc/720p.mp4` → `clips/1/abc/720p.mp4`, the file's path under
 * MEDIA_DIR and its key in the bucket; null for anything else (outside /media, or leading out of it).
 */
export const mediaUrlToKey = (url: string | null | undefined): string | null => {
  if (!url?.startsWith('/media/')) return null
  const key = path.posix.normalize(decodeURIComponent(url.slice('/media/'.length)))
  return key.startsWith('../') || key === '..' || key.startsWith('/') ? null : key
}

/** A version id from the source's content: the same upload keeps its URLs, a new one gets new. */
export const sourceVersion = (file: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex').slice(0, 16)))
  })
