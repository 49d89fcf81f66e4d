import fs from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'

import { FileStore } from '@tus/file-store'
import { ERRORS, isPathInsideDirectory, type Upload } from '@tus/server'

import { readFileHead } from '../lib/readFileHead'
import type { Bilingual } from '../lib/bilingual'
import { refusalForHead, SNIFF_BYTES, takeHead } from './contentCheck'
import { appendDurably, syncCreated } from './durableAppend'
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
 *
 * It also writes the bytes itself (src/uploads/durableAppend.ts): in large pieces, and on disk
 * (fdatasync) before tus answers the PATCH with its new offset; a creation's files are synced
 * before its 201.
 */
export class CheckedFileStore extends FileStore {
  constructor(
    private readonly owner: UploadOwner,
    private readonly dir: string,
  ) {
    super({ directory: dir })
  }

  override async create(file: Upload): Promise<Upload> {
    const created = await super.create(file)
    await syncCreated(this.dir, [this.bytesPath(file.id), this.infoPath(file.id)])
    return created
  }

  override async declareUploadLength(id: string, length: number): Promise<void> {
    await super.declareUploadLength(id, length)
    await syncCreated(this.dir, [this.infoPath(id)])
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const iterator = (readable as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
    const file = this.bytesPath(id)
    if (offset >= SNIFF_BYTES) return this.append(file, offset, Buffer.alloc(0), iterator)
    const info = await this.configstore.get(id)
    const headEnd = Math.min(SNIFF_BYTES, info?.size ?? SNIFF_BYTES)
    const { taken: incoming, ended } = await takeHead(iterator, offset, headEnd)
    if (offset + incoming.length >= headEnd) {
      const before = offset > 0 ? await readFileHead(file, offset) : Buffer.alloc(0)
      const head = Buffer.concat([before, incoming]).subarray(0, SNIFF_BYTES)
      const metadata = info?.metadata ?? {}
      const refusal = await refusalForHead(head, this.owner, metadata.field ?? undefined, metadata.filename ?? '')
      if (refusal) {
        await Promise.all([fs.rm(file, { force: true }), fs.rm(this.infoPath(id), { force: true })])
        throw new ContentRefused(refusal)
      }
    }
    return this.append(file, offset, incoming, ended ? undefined : iterator)
  }

  private async append(file: string, offset: number, first: Buffer, rest: AsyncIterator<Uint8Array> | undefined) {
    try {
      return await appendDurably(file, offset, first, rest)
    } catch {
      // As @tus/file-store answers a failed write; the offset stays the file's size.
      throw ERRORS.FILE_WRITE_ERROR
    }
  }

  private bytesPath(id: string): string {
    const file = path.join(this.dir, id)
    if (!isPathInsideDirectory(this.dir, file)) throw ERRORS.FILE_NOT_FOUND
    return file
  }

  private infoPath(id: string): string {
    return `${this.bytesPath(id)}.json`
  }
}
