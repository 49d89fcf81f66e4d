import fs from 'node:fs/promises'

/**
 * How much of a PATCH is gathered before one write. The socket hands over 64 KiB at a time;
 * writing each through a stream (as @tus/file-store does) costs a thread-pool round trip and a
 * stop-and-go of every stream before it per 64 KiB. At most two pieces are held per request
 * (one being written, one filling), well inside the memory budget of bench:upload's figure (a).
 */
export const PIECE_BYTES = 1024 * 1024

/** How much is written between the syncs started while a PATCH is still arriving. */
const EARLY_SYNC_BYTES = 4 * 1024 * 1024

const writeAll = async (handle: fs.FileHandle, piece: Buffer, position: number) => {
  for (let done = 0; done < piece.length; ) {
    const { bytesWritten } = await handle.write(piece, done, piece.length - done, position + done)
    done += bytesWritten
  }
}

const asBuffer = (chunk: Uint8Array | string): Buffer =>
  typeof chunk === 'string'
    ? Buffer.from(chunk)
    : Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)

/**
 * Writes `first` and then everything `rest` yields into `file` from `offset`, and returns the
 * offset after the last byte, only once those bytes are on disk (fdatasync): the 204 that
 * carries it tells the client it need never send them again, also after a power cut.
 * The next piece is read from the request while the previous one is written, one write at a
 * time and in order. When `rest` ends early (the client went away, tus ends the stream) what
 * arrived is still written; when it fails, what was written stays and the error is thrown:
 * either way the file's size is the offset a HEAD reports.
 */
export const appendDurably = async (
  file: string,
  offset: number,
  first: Buffer,
  rest: AsyncIterator<Uint8Array | string> | undefined,
): Promise<number> => {
  const handle = await fs.open(file, 'r+')
  let position = offset
  let writing: Promise<void> = Promise.resolve()
  let pending: Buffer[] = []
  let pendingBytes = 0
  let syncing: Promise<void> | undefined
  let syncedUpTo = offset
  let syncFailure: unknown
  const take = (chunk: Buffer) => {
    if (chunk.length === 0) return
    pending.push(chunk)
    pendingBytes += chunk.length
  }
  const flush = async () => {
    const piece = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes)
    pending = []
    pendingBytes = 0
    await writing
    const at = position
    position += piece.length
    writing = writeAll(handle, piece, at)
    // Awaited by the next flush or at the end; until then a failure must not be "unhandled".
    writing.catch(() => undefined)
    // The disk starts on what is written while the rest arrives, so that the sync before the
    // answer has only the last pieces left to do.
    if (position - syncedUpTo >= EARLY_SYNC_BYTES && !syncing) {
      syncedUpTo = position
      // Linux reports a failed writeback to one sync of a file only: a failure here must fail
      // the PATCH, or the last sync would answer for bytes that never reached the disk.
      syncing = writing
        .then(() => handle.datasync())
        .catch((error: unknown) => void (syncFailure ??= error))
        .finally(() => (syncing = undefined))
    }
  }
  try {
    take(first)
    if (rest) {
      for (let next = await rest.next(); !next.done; next = await rest.next()) {
        take(asBuffer(next.value))
        if (pendingBytes >= PIECE_BYTES) await flush()
      }
    }
    if (pendingBytes > 0) await flush()
    await writing
    await syncing
    if (syncFailure !== undefined) throw syncFailure
    await handle.datasync()
    return position
  } catch (error) {
    await writing.catch(() => undefined)
    await syncing
    await rest?.return?.().catch(() => undefined)
    throw error
  } finally {
    await handle.close()
  }
}

/** A new upload's empty file and info file, and their folder entries, on disk before its 201. */
export const syncCreated = async (dir: string, files: string[]): Promise<void> => {
  for (const file of [...files, dir]) {
    const handle = await fs.open(file, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  }
}
