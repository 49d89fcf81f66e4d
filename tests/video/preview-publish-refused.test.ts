/**
 * Issue #12: an attempt's preview folder exists only while the clip names it. When the save that
 * would name it is refused — the clip is already `ready` from another attempt of the same file
 * (a job handed back while its first worker still ran), or the clip's file was replaced — the
 * folder goes again, and the clip keeps what it showed. Before, a late attempt took a ready clip
 * back to its preview, or (when the save was refused) left an unnamed `preview-…` folder behind.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

import { beforeAll, expect, test } from '@jest/globals'

import type { Clip } from '../../src/payload-types'
import { mediaDir } from '../../src/config/paths'
import { PIPELINE_CONTEXT } from '../../src/video/processClip'
import { clipOutputRoot } from '../../src/video/paths'
import { showPreview } from '../../src/video/publish'
import { uploadAndProcess } from '../helpers/clips'
import { expectMediaStoreConsistent } from '../helpers/mediaInvariant'
import { useServer } from '../helpers/server'

const server = useServer({ runJobs: false })
let ready: Clip

beforeAll(async () => {
  const source = path.join(process.env.B2C_TEST_ROOT!, 'ready.mp4')
  await promisify(execFile)('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=854x480:rate=30:duration=2',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-maxrate', '1M', '-bufsize', '2M', source,
  ])
  ready = await uploadAndProcess(server.current.payload, source, 'Allerede færdigt')
  expect(ready.processing?.status).toBe('ready')
}, 180_000)

const previewFoldersOf = async (clipId: number | string) => (await fs.readdir(clipOutputRoot(clipId))).filter((entry) => entry.startsWith('preview-'))

test.each([
  ['the clip is already ready from another attempt of the same file', () => ({ filename: ready.filename, filesize: ready.filesize })],
  ['the clip holds another file by now', () => ({ filename: 'an-earlier-file.mp4', filesize: 1 })],
])('a refused preview leaves no folder and the clip unchanged: %s', async (_case, sourceOf) => {
  const { payload } = server.current
  const before = (await payload.findByID({ collection: 'clips', id: ready.id, depth: 0, overrideAccess: true })) as Clip
  // The attempt's finished preview rung (any playable MP4 of the clip will do for the folder).
  const workFile = path.join(mediaDir(), before.renditions![0].url!.replace(/^\/media\//, ''))

  const attempt = showPreview(clipOutputRoot(ready.id), 'v-late', workFile, ({ url }) =>
    payload.update({
      collection: 'clips',
      id: ready.id,
      data: { processing: { status: 'preview', progress: 20, error: null }, renditions: [{ ...before.renditions![0], id: undefined, url }], hlsUrl: null } as never,
      context: { ...PIPELINE_CONTEXT, pipelineSource: sourceOf(), previewOnly: true },
      overrideAccess: true,
      depth: 0,
    }),
  )
  await expect(attempt).rejects.toMatchObject({ name: 'SupersededError' })

  const after = (await payload.findByID({ collection: 'clips', id: ready.id, depth: 0, overrideAccess: true })) as Clip
  expect(after.processing?.status).toBe('ready')
  expect(after.renditions?.map((rendition) => rendition.url)).toEqual(before.renditions?.map((rendition) => rendition.url))
  expect(after.hlsUrl).toBe(before.hlsUrl)
  expect(await previewFoldersOf(ready.id)).toEqual([])
  await expectMediaStoreConsistent(payload)
})
