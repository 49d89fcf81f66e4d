import { createReadStream, createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'

import { DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'

import { s3Settings, type S3Settings } from './settings'

/**
 * The bucket as our own code uses it (the pipeline's outputs, /media, deletions, the inventory).
 * Keys are the paths under MEDIA_DIR on one machine (`originals/…`, `clips/<clip>/<version>/…`,
 * `images/…`), so the two layouts mean the same and a move between them is a copy.
 */
export type ObjectStore = {
  bucket: string
  client: S3Client
}

const clients = new Map<string, S3Client>()

/** The SDK's client options for these settings (Payload's storage plugin is given the same). */
export const s3ClientConfig = (settings: S3Settings): S3ClientConfig => ({
  region: settings.region,
  endpoint: settings.endpoint,
  forcePathStyle: settings.forcePathStyle,
  credentials: settings.credentials,
})

/** The bucket of S3_BUCKET, or null when media stays on the local disk. One client per settings. */
export const objectStore = (): ObjectStore | null => {
  const settings = s3Settings()
  if (!settings) return null
  const key = JSON.stringify(settings)
  let client = clients.get(key)
  if (!client) {
    client = new S3Client(s3ClientConfig(settings))
    clients.set(key, client)
  }
  return { bucket: settings.bucket, client }
}

const TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4s': 'video/iso.segment',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.jpg': 'image/jpeg',
  '.vtt': 'text/vtt',
}

/** Uploads one local file (multipart past 8 MiB, streamed: a 2 GB rendition is never held in memory). */
export const putFile = async (store: ObjectStore, key: string, file: string): Promise<void> => {
  await new Upload({
    client: store.client,
    params: { Bucket: store.bucket, Key: key, Body: createReadStream(file), ContentType: TYPES[path.extname(file)] ?? 'application/octet-stream' },
    queueSize: 2,
  }).done()
}

/** Every file under `dir` to `<prefix>/<relative path>`, in the order `order` gives (default: as listed). */
export const putFolder = async (store: ObjectStore, dir: string, prefix: string, order?: (a: string, b: string) => number): Promise<string[]> => {
  const files = (await fs.readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  if (order) files.sort(order)
  const keys: string[] = []
  for (const file of files) {
    const key = `${prefix}/${file}`
    await putFile(store, key, path.join(dir, file))
    keys.push(key)
  }
  return keys
}

/** Downloads an object to a local file (streamed). Throws NoSuchKey when it is not there. */
export const downloadTo = async (store: ObjectStore, key: string, file: string): Promise<void> => {
  const object = await store.client.send(new GetObjectCommand({ Bucket: store.bucket, Key: key }))
  await pipeline(object.Body as Readable, createWriteStream(file))
}

export type StoredObject = { key: string; size: number; lastModified: number }

/** Every object under `prefix` (all pages), with its size and last change. */
export const listKeys = async (store: ObjectStore, prefix: string): Promise<StoredObject[]> => {
  const found: StoredObject[] = []
  let token: string | undefined
  do {
    const page = await store.client.send(new ListObjectsV2Command({ Bucket: store.bucket, Prefix: prefix, ContinuationToken: token }))
    for (const object of page.Contents ?? []) {
      if (object.Key) found.push({ key: object.Key, size: object.Size ?? 0, lastModified: object.LastModified?.getTime() ?? 0 })
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  return found
}

/** A small text object (a playlist, an upload's info), or undefined when it is not there. */
export const readTextObject = async (store: ObjectStore, key: string): Promise<string | undefined> => {
  try {
    const object = await store.client.send(new GetObjectCommand({ Bucket: store.bucket, Key: key }))
    return (await object.Body?.transformToString('utf8')) ?? ''
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

/** Deletes keys, a thousand a request (S3's limit). Deleting a key that is not there is no error. */
export const deleteKeys = async (store: ObjectStore, keys: string[]): Promise<void> => {
  for (let i = 0; i < keys.length; i += 1000) {
    const batch = keys.slice(i, i + 1000)
    const result = await store.client.send(
      new DeleteObjectsCommand({ Bucket: store.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
    )
    if (result.Errors?.length) throw new Error(`could not delete ${result.Errors.length} object(s), first ${result.Errors[0].Key}: ${result.Errors[0].Message}`)
  }
}

/** Everything under `prefix` (a clip's outputs). A prefix always ends in `/`: `clips/1/` never takes `clips/10/`. */
export const deletePrefix = async (store: ObjectStore, prefix: string, keep?: (key: string) => boolean): Promise<void> => {
  if (!prefix.endsWith('/')) throw new Error(`a prefix to delete must end in "/": ${prefix}`)
  const keys = (await listKeys(store, prefix)).map(({ key }) => key).filter((key) => !keep?.(key))
  await deleteKeys(store, keys)
}

/** Whether an object is there. */
export const objectExists = async (store: ObjectStore, key: string): Promise<boolean> => {
  try {
    await store.client.send(new HeadObjectCommand({ Bucket: store.bucket, Key: key }))
    return true
  } catch (error) {
    if (isNotFound(error)) return false
    throw error
  }
}

export const isNotFound = (error: unknown): boolean => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404
}
