import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'

import { BUCKET_UPLOADS_FOLDER } from '../storage/bucketView'
import { deleteKeys, deletePrefix, listKeys, readTextObject, type ObjectStore } from '../storage/objectStore'
import type { UploadOwner } from './paths'
import type { StoredInfo } from './records'

/**
 * How a resumable upload lives in the bucket (S3_BUCKET set): every object of upload <id> under
 * `.uploads/<owner>/<id>/`, which the media inventory leaves to the upload expiry:
 *
 * - `info.json`: tus's info (size, metadata, creation_date), as @tus/file-store writes it;
 * - `<offset>` (15 digits): the bytes from that offset, one object per piece a PATCH stored.
 *
 * Only plain objects, no multipart upload: a piece is there whole or not at all (PutObject), so
 * the offset is where the run of pieces from 0 ends, on any S3-compatible server, and no part
 * is ever lost or counted twice when a process dies half-way. (@tus/s3-store needs ListParts and
 * AbortMultipartUpload, which not every S3-compatible server has, and rewrites its last short
 * part on every PATCH.)
 */
export const uploadPrefix = (owner: UploadOwner, id: string): string => `${BUCKET_UPLOADS_FOLDER}${owner}/${id}/`
const infoKey = (owner: UploadOwner, id: string) => `${uploadPrefix(owner, id)}info.json`
const OFFSET_DIGITS = 15
const pieceKey = (owner: UploadOwner, id: string, offset: number) => `${uploadPrefix(owner, id)}${String(offset).padStart(OFFSET_DIGITS, '0')}`

export type Piece = { key: string; start: number; size: number; lastModified: number }

export const readInfo = async (store: ObjectStore, owner: UploadOwner, id: string): Promise<StoredInfo | undefined> => {
  const text = await readTextObject(store, infoKey(owner, id))
  try {
    return text === undefined ? undefined : (JSON.parse(text) as StoredInfo)
  } catch (error) {
    if (error instanceof SyntaxError) return undefined
    throw error
  }
}

export const writeInfo = async (store: ObjectStore, owner: UploadOwner, id: string, info: StoredInfo): Promise<void> => {
  await store.client.send(
    new PutObjectCommand({ Bucket: store.bucket, Key: infoKey(owner, id), Body: JSON.stringify(info), ContentType: 'application/json' }),
  )
}

export const writePiece = async (store: ObjectStore, owner: UploadOwner, id: string, offset: number, bytes: Buffer): Promise<void> => {
  await store.client.send(new PutObjectCommand({ Bucket: store.bucket, Key: pieceKey(owner, id, offset), Body: bytes, ContentLength: bytes.length }))
}

const PIECE_NAME = new RegExp(`/(\\d{${OFFSET_DIGITS}})$`)

/**
 * The upload's pieces from offset 0 on, in order, up to the first gap (there is none: pieces
 * are written one after the other, under the upload's lock). Empty pieces are never written.
 */
export const listPieces = async (store: ObjectStore, owner: UploadOwner, id: string): Promise<Piece[]> => {
  const pieces = (await listKeys(store, uploadPrefix(owner, id)))
    .map((object) => ({ ...object, start: Number(PIECE_NAME.exec(object.key)?.[1] ?? NaN) }))
    .filter((piece) => Number.isFinite(piece.start) && piece.size > 0)
    .sort((a, b) => a.start - b.start)
  const run: Piece[] = []
  let end = 0
  for (const piece of pieces) {
    if (piece.start !== end) break
    run.push(piece)
    end += piece.size
  }
  return run
}

export const piecesEnd = (pieces: Piece[]): number => pieces.reduce((end, piece) => end + piece.size, 0)

const pieceBody = async (store: ObjectStore, key: string, range?: string): Promise<Readable> =>
  (await store.client.send(new GetObjectCommand({ Bucket: store.bucket, Key: key, Range: range }))).Body as Readable

/** The first `length` bytes of the upload (the content check's head, at most SNIFF_BYTES). */
export const readUploadHead = async (store: ObjectStore, owner: UploadOwner, id: string, length: number): Promise<Buffer> => {
  const parts: Buffer[] = []
  let have = 0
  for (const piece of await listPieces(store, owner, id)) {
    if (have >= length) break
    const body = await pieceBody(store, piece.key, `bytes=0-${Math.min(piece.size, length - have) - 1}`)
    for await (const chunk of body as AsyncIterable<Buffer>) parts.push(chunk)
    have = parts.reduce((sum, part) => sum + part.length, 0)
  }
  return Buffer.concat(parts).subarray(0, length)
}

/** The pieces, in order, into one local file (streamed, never held whole). */
export const downloadPieces = async (store: ObjectStore, pieces: Piece[], file: string): Promise<void> => {
  await fs.writeFile(file, '')
  for (const piece of pieces) await pipeline(await pieceBody(store, piece.key), createWriteStream(file, { flags: 'a' }))
}

/** Every object of the upload, info first: without it, no one takes what is left for an upload. */
export const deleteUploadObjects = async (store: ObjectStore, owner: UploadOwner, id: string): Promise<void> => {
  await deleteKeys(store, [infoKey(owner, id)])
  await deletePrefix(store, uploadPrefix(owner, id))
}
