import fs from 'node:fs/promises'
import path from 'node:path'

import { fileTypeFromBuffer } from 'file-type'
import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { readFileHead } from '../../../lib/readFileHead'
import { validationError } from '../../../lib/validationError'
import { ffprobe } from '../../../video/ffmpeg'
import { makeTempDir } from '../../../jobs/tempFiles'
import { inLanguageOf } from '../../../auth/messages'
import type { Bilingual } from '../../../lib/bilingual'

const HEAD_BYTES = 4100
const MEDIA_TYPE = /^(video|audio)\/|^application\/(mp4|vnd\.ms-asf|ogg|octet-stream)$/
const ISO_BASE_MEDIA = /^(video\/(mp4|quicktime|3gpp2?|x-m4v)|audio\/(mp4|x-m4a))$/

const refuse = (req: PayloadRequest, message: Bilingual): never => {
  throw validationError('clips', 'file', [inLanguageOf(req, message)], req)
}

/** Printable UTF-8 without NUL bytes: a text file, whatever its name says. */
const looksLikeText = (head: Buffer) =>
  head.length > 0 && !head.includes(0) && !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(head.toString('utf8'))

/**
 * What the pipeline could never use is refused at upload with a reason an editor understands:
 * an empty file, a text file or image named .mp4, a damaged MP4/MOV (Payload's own integrity
 * check would refuse those too, in English). Anything that might be video is accepted, and the
 * pipeline decides, keeping the original whatever happens.
 */
export const refuseNonVideo: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  const size = file.size ?? file.data?.length ?? 0
  if (size === 0) refuse(req, { da: 'Filen er tom (0 bytes)', en: 'The file is empty (0 bytes)' })

  const head = file.tempFilePath && !file.data?.length
    ? await readFileHead(file.tempFilePath, HEAD_BYTES)
    : Buffer.from(file.data.subarray(0, HEAD_BYTES))
  const detected = await fileTypeFromBuffer(head)
  if (detected && !MEDIA_TYPE.test(detected.mime)) {
    refuse(req, { da: `Filen er ikke en video, men ${detected.mime}`, en: `The file is not a video but ${detected.mime}` })
  }
  if (!detected && looksLikeText(head)) refuse(req, { da: 'Filen er en tekstfil, ikke en video', en: 'The file is text, not video' })

  if (detected && ISO_BASE_MEDIA.test(detected.mime)) {
    const readable = await withFileOnDisk(file, (filePath) => ffprobe(filePath).then(() => true, () => false))
    if (!readable) {
      refuse(req, {
        da: 'Filen er beskadiget eller afkortet og kan ikke læses som video',
        en: 'The file is damaged or cut short and cannot be read as video',
      })
    }
  }
  return args
}

const withFileOnDisk = async <T>(
  file: NonNullable<PayloadRequest['file']>,
  use: (filePath: string) => Promise<T>,
): Promise<T> => {
  if (file.tempFilePath) return use(file.tempFilePath)
  const dir = await makeTempDir('b2c-check')
  try {
    const filePath = path.join(dir, 'upload')
    await fs.writeFile(filePath, file.data)
    return await use(filePath)
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}
