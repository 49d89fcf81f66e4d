/**
 * Issue #11, item 5: a finished 1–2 GB upload becoming a submission's clip must not pass through
 * the server's memory. Payload's `filePath` reads the whole file (readFile), which costs the
 * video's size in RAM and which Node refuses outright from 2 GiB on (ERR_FS_FILE_TOO_LARGE),
 * though UPLOAD_MAX_BYTES allows 2 GiB. A sparse file past 2 GiB (a real MP4, then one `free`
 * box) stands for the phone video: nothing on the disk is written for its hole.
 */
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Call, Clip } from '../../src/payload-types'
import { makeTestVideo } from '../helpers/media'
import { useServer } from '../helpers/server'
import { createCall, validSubmission } from '../helpers/submissions'

const server = useServer()
const root = process.env.B2C_TEST_ROOT!
const SIZE = 2 * 1024 ** 3 + 1024 ** 2
let call: Call
let dir: string

beforeAll(async () => {
  call = await createCall(server.current.payload, { videoMaxMegabytes: 4096 })
  dir = fs.mkdtempSync(path.join(root, 'large-upload-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A real MP4, then a top-level `free` box (64-bit size) that fills the file to `size` as a hole. */
const sparseVideo = async (size: number) => {
  const head = fs.readFileSync(await makeTestVideo('large-head.mp4'))
  const file = path.join(dir, 'video-0')
  const box = Buffer.alloc(16)
  box.writeUInt32BE(1, 0)
  box.write('free', 4, 'latin1')
  box.writeBigUInt64BE(BigInt(size - head.length), 8)
  fs.writeFileSync(file, Buffer.concat([head, box]))
  fs.truncateSync(file, size)
  return file
}

describe('a video past 2 GiB claimed for a submission', () => {
  it('is stored whole as the clip\'s original, not refused as unreadable', async () => {
    const { storeSubmission } = await import('../../src/submissions/store')
    const { validateSubmission } = await import('../../src/submissions/validate')
    const validated = validateSubmission(validSubmission(call.slug!))
    if (!validated.ok) throw new Error(JSON.stringify(validated.errors))
    const file = await sparseVideo(SIZE)

    const { id } = await storeSubmission(server.current.payload, {
      input: validated.data,
      call,
      files: [{ field: 'video', path: file, size: SIZE, originalName: 'telefon.mp4', mime: 'video/mp4', ext: 'mp4' }],
      receivedAt: new Date(),
    })

    const submission = await server.current.payload.findByID({ collection: 'submissions', id, depth: 1, overrideAccess: true })
    const clip = submission.video as Clip
    const original = path.join(process.env.MEDIA_DIR!, 'originals', clip.filename!)
    expect({ filesize: clip.filesize, mimeType: clip.mimeType, onDisk: fs.statSync(original).size }).toEqual({
      filesize: SIZE,
      mimeType: 'video/mp4',
      onDisk: SIZE,
    })
    fs.rmSync(original)
  }, 120_000)
})
