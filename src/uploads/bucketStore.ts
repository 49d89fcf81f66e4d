import type { Readable } from 'node:stream'

import { DataStore, ERRORS, Upload } from '@tus/server'

import type { ObjectStore } from '../storage/objectStore'
import { deleteUploadObjects, listPieces, piecesEnd, readInfo, readUploadHead, writeInfo, writePiece } from './bucketLayout'
import { ContentRefused } from './checkedFileStore'
import { refusalForHead, SNIFF_BYTES, takeHead } from './contentCheck'
import type { UploadOwner } from './paths'

/**
 * How much of a PATCH goes into one object. One piece is stored while the next arrives: at most
 * two are held per request. Larger pieces mean fewer objects; a cut connection loses what the
 * piece being gathered held (the client resends it after HEAD), as on disk.
 */
export const BUCKET_PIECE_BYTES = 4 * 1024 * 1024

const asBuffer = (chunk: Uint8Array | string): Buffer =>
  typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)

/**
 * The tus datastore when uploads live in the bucket (src/uploads/bucketLayout.ts), for several
 * web processes: every one reads the state from the bucket, nothing is cached in memory, so a
 * PATCH or HEAD may reach any process. It keeps CheckedFileStore's promises: the first
 * SNIFF_BYTES are checked by content before they are stored (an upload that is not what it says
 * is deleted and answered 415), and a PATCH's new offset is answered only once its bytes are
 * stored objects. Writes to one upload are kept apart by the server's locker (src/uploads/locker.ts).
 */
export class BucketUploadStore extends DataStore {
  constructor(
    private readonly owner: UploadOwner,
    private readonly store: ObjectStore,
  ) {
    super()
    // As @tus/file-store announces them (no expiration date is sent: the expiry job decides).
    this.extensions = ['creation', 'creation-with-upload', 'creation-defer-length', 'termination', 'expiration']
  }

  override async create(upload: Upload): Promise<Upload> {
    upload.creation_date = new Date().toISOString()
    await writeInfo(this.store, this.owner, upload.id, { id: upload.id, size: upload.size, metadata: upload.metadata, creation_date: upload.creation_date })
    return upload
  }

  override async getUpload(id: string): Promise<Upload> {
    const info = await readInfo(this.store, this.owner, id)
    if (!info) throw ERRORS.FILE_NOT_FOUND
    const offset = piecesEnd(await listPieces(this.store, this.owner, id))
    return new Upload({ id, size: typeof info.size === 'number' ? info.size : undefined, offset, metadata: info.metadata, creation_date: info.creation_date })
  }

  override async declareUploadLength(id: string, length: number): Promise<void> {
    const info = await readInfo(this.store, this.owner, id)
    if (!info) throw ERRORS.FILE_NOT_FOUND
    await writeInfo(this.store, this.owner, id, { ...info, size: length })
  }

  override async remove(id: string): Promise<void> {
    if (!(await readInfo(this.store, this.owner, id))) throw ERRORS.FILE_NOT_FOUND
    await deleteUploadObjects(this.store, this.owner, id)
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const iterator = (readable as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]()
    if (offset >= SNIFF_BYTES) return this.append(id, offset, Buffer.alloc(0), iterator)
    const info = await readInfo(this.store, this.owner, id)
    if (!info) throw ERRORS.FILE_NOT_FOUND
    const headEnd = Math.min(SNIFF_BYTES, info.size ?? SNIFF_BYTES)
    const { taken: incoming, ended } = await takeHead(iterator, offset, headEnd)
    if (offset + incoming.length >= headEnd) {
      const before = offset > 0 ? await readUploadHead(this.store, this.owner, id, offset) : Buffer.alloc(0)
      const head = Buffer.concat([before, incoming]).subarray(0, SNIFF_BYTES)
      const metadata = info.metadata ?? {}
      const refusal = await refusalForHead(head, this.owner, metadata.field ?? undefined, metadata.filename ?? '')
      if (refusal) {
        await deleteUploadObjects(this.store, this.owner, id)
        throw new ContentRefused(refusal)
      }
    }
    return this.append(id, offset, incoming, ended ? undefined : iterator)
  }

  /**
   * Stores `first` and then what `rest` yields as pieces from `offset`, one PutObject at a time
   * and in order, the next piece arriving while the previous is stored. Returns the offset after
   * the last stored piece. When `rest` ends early (the client went away) what arrived is still
   * stored; when a store fails, the pieces before it stay and tus answers 500: either way HEAD
   * reports the end of the stored run.
   */
  private async append(id: string, offset: number, first: Buffer, rest: AsyncIterator<Uint8Array | string> | undefined): Promise<number> {
    let position = offset
    let storing: Promise<void> = Promise.resolve()
    let pending: Buffer[] = []
    let pendingBytes = 0
    const take = (chunk: Buffer) => {
      if (chunk.length === 0) return
      pending.push(chunk)
      pendingBytes += chunk.length
    }
    const flush = async () => {
      const piece = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes)
      pending = []
      pendingBytes = 0
      await storing
      const at = position
      position += piece.length
      storing = writePiece(this.store, this.owner, id, at, piece)
      // Awaited by the next flush or at the end; until then a failure must not be "unhandled".
      storing.catch(() => undefined)
    }
    try {
      take(first)
      if (rest) {
        for (let next = await rest.next(); !next.done; next = await rest.next()) {
          take(asBuffer(next.value))
          if (pendingBytes >= BUCKET_PIECE_BYTES) await flush()
        }
      }
      if (pendingBytes > 0) await flush()
      await storing
      return position
    } catch {
      await storing.catch(() => undefined)
      await rest?.return?.().catch(() => undefined)
      // As @tus/file-store answers a failed write.
      throw ERRORS.FILE_WRITE_ERROR
    }
  }
}
