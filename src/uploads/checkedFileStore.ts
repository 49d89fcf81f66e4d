import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'

import { FileStore } from '@tus/file-store'

import type { Bilingual } from '../public-api/messages'
import { refusalForHead, SNIFF_BYTES } from './contentCheck'
import type { UploadOwner } from './paths'

/** The first bytes are not what the upload said it is: answered 415, the upload already gone. */
export class ContentRefused extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en)
    this.name = 'ContentRefused'
  }
}

/**
 * FileStore that looks at an upload's first SNIFF_BYTES before they are written: the content
 * decides (file-type), and an upload that is not what it says is deleted at once, bytes and
 * info, before the rest of the request is read. A first PATCH shorter than SNIFF_BYTES is kept,
 * and the check is made by the PATCH that completes the head (or finishes a small file).
 */
export class CheckedFileStore extends FileStore {
  constructor(
    private readonly owner: UploadOwner,
    private readonly dir: string,
  ) {
    super({ directory: dir })
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    if (offset >= SNIFF_BYTES) return super.write(readable, id, offset)
    const info = await this.configstore.get(id)
    const headEnd = Math.min(SNIFF_BYTES, info?.size ?? SNIFF_BYTES)
    const iterator = (readable as AsyncIterable<Buffer>)[Symbol.asyncIterator]()
    const taken: Buffer[] = []
    let takenBytes = 0
    let ended = false
    while (offset + takenBytes < headEnd) {
      const next = await iterator.next()
      if (next.done) {
        ended = true
        break
      }
      const chunk = Buffer.from(next.value)
      taken.push(chunk)
      takenBytes += chunk.length
    }
    const incoming = Buffer.concat(taken)
    if (offset + incoming.length >= headEnd) {
      const before = offset > 0 ? await readHead(path.join(this.dir, id), offset) : Buffer.alloc(0)
      const head = Buffer.concat([before, incoming]).subarray(0, SNIFF_BYTES)
      const metadata = info?.metadata ?? {}
      const refusal = await refusalForHead(head, this.owner, metadata.field ?? undefined, metadata.filename ?? '')
      if (refusal) {
        await Promise.all([fs.rm(path.join(this.dir, id), { force: true }), fs.rm(path.join(this.dir, `${id}.json`), { force: true })])
        throw new ContentRefused(refusal)
      }
    }
    const rest = async function* () {
      yield incoming
      if (ended) return
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value
    }
    return super.write(Readable.from(rest()), id, offset)
  }
}

const readHead = async (file: string, bytes: number): Promise<Buffer> => {
  const handle = await fs.open(file, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}
