import { GetObjectCommand } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { Response } from 'express'

import type { ObjectStore } from './objectStore'

/**
 * How long a presigned media URL works: the longest a withdrawn consent can keep a file reachable
 * for someone who was handed its URL just before (issue #13: under a minute). Players fetch a
 * segment or a range within seconds of being sent to it, so this is plenty.
 */
export const PRESIGNED_SECONDS = 30

/**
 * MEDIA_DELIVERY=presigned: /media answers a media file (MP4, HLS segment) with a redirect to a
 * short-lived presigned bucket URL instead of streaming it (the measured trade-off is in the
 * README; streaming is the default). Playlists are always streamed: their relative URIs would
 * otherwise resolve against the bucket and bypass the gate. The bucket must then allow our
 * site's origin (CORS) for hls.js's requests.
 */
export const usesPresignedMedia = (file: string): boolean =>
  process.env.MEDIA_DELIVERY?.trim().toLowerCase() === 'presigned' && !file.endsWith('.m3u8')

export const redirectToPresigned = async (res: Response, store: ObjectStore, key: string): Promise<void> => {
  const url = await getSignedUrl(store.client, new GetObjectCommand({ Bucket: store.bucket, Key: key }), { expiresIn: PRESIGNED_SECONDS })
  // The redirect is per request and short-lived: never cached (the bytes behind it are).
  res.setHeader('Cache-Control', 'no-store')
  res.redirect(302, url)
}
