import fs from 'node:fs/promises'
import path from 'node:path'

import type { NextFunction, Request, Response } from 'express'
import { Router } from 'express'
import type { Payload } from 'payload'

import { isStaffUser } from '../access'
import { mediaDir } from '../config/paths'
import { relationId } from '../lib/relationId'
import { uploadFileNames } from '../lib/uploadFileNames'
import { requestLocale } from '../public-api/messages'
import type { Bilingual } from '../lib/bilingual'
import { publicClip } from '../public-api/visibility'
import type { Clip } from '../payload-types'
import { objectStore, readTextObject } from '../storage/objectStore'
import { UPLOAD_PREFIXES } from '../storage/payloadStorage'
import { redirectToPresigned, usesPresignedMedia } from '../storage/presignedRedirect'
import { sendObject } from '../storage/sendObject'
import { clipPrefix } from '../video/bucketOutputs'
import { captionLabel } from '../video/captions'
import { subtitlePlaylist, subtitlePlaylistUrl, withSubtitles } from '../video/hlsSubtitles'
import { clipOutputDir } from '../video/paths'

const TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4s': 'video/iso.segment',
  '.m3u8': 'application/vnd.apple.mpegurl',
}
const SAFE_NAME = /^[\w.-]+$/
/** A caption file's name: `<language>-<12 hex digits of its text's hash>.vtt` (captionUrl). */
const OUTDATED_CAPTION = /^([a-z]{2})-[0-9a-f]{12}\.vtt$/

/**
 * Renditions and HLS files: /media/clips/<clip>/<version>/<file>. Served only while the clip
 * is readable by whoever asks (the public: processed, consent confirmed, none withdrawn; staff:
 * always) and only for its current version, with range requests. Public answers are cacheable
 * for a year (the URL changes with the content); staff previews are never cached.
 */
export const mediaFiles = (payload: Payload): Router => {
  const router = Router()

  /**
   * The clip as the requester may see it, or null: staff always; the public only while the
   * clip is public and a published story shows it (SPEC §6), checked on every request.
   */
  const readableClip = async (req: Request, clipId: string) => {
    if (!SAFE_NAME.test(clipId)) return null
    const { user } = await payload.auth({ headers: new Headers(req.headers as Record<string, string>) })
    const clip = isStaffUser(user)
      ? await payload.findByID({ collection: 'clips', id: clipId, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)
      : await publicClip(payload, clipId)
    return clip ? { clip, user: isStaffUser(user) ? user : null } : null
  }
  const cacheFor = (res: Response, user: unknown) => {
    res.setHeader('Cache-Control', user ? 'private, no-store' : 'public, max-age=31536000, immutable')
    res.setHeader('X-Content-Type-Options', 'nosniff')
  }

  router.get('/clips/:clip/captions/:file', async (req: Request, res: Response, next: NextFunction) => {
    try {
      const { clip: clipId, file } = req.params as Record<string, string>
      const found = await readableClip(req, clipId)
      // `<lang>-<hash>.m3u8` is the HLS media playlist of the caption file `<lang>-<hash>.vtt`.
      const playlist = file.endsWith('.m3u8')
      const vttFile = playlist ? file.replace(/\.m3u8$/, '.vtt') : file
      const captions = found?.clip.captions ?? []
      const current = captions.find((row) => row.url?.endsWith(`/${vttFile}`))
      // The editor's own player, which loaded the master before the editor changed the captions,
      // asks for their former name (the name carries a hash of the text): staff get the
      // language's current captions, uncached, instead of a 404 in the middle of playback. The
      // public keeps one URL per content: a name no caption has is a 404.
      const language = found?.user ? OUTDATED_CAPTION.exec(vttFile)?.[1] : undefined
      const caption = current ?? captions.find((row) => language && row.language === language)
      if (!found || !caption?.vtt || !caption.url) return notFound(res)
      if (current) cacheFor(res, found.user)
      else {
        res.setHeader('Cache-Control', found.user ? 'private, no-store' : 'public, max-age=60')
        res.setHeader('X-Content-Type-Options', 'nosniff')
      }
      if (playlist) {
        res.type(TYPES['.m3u8']).send(subtitlePlaylist(path.posix.basename(caption.url), found.clip.probe?.duration ?? 0))
        return
      }
      res.type('text/vtt; charset=utf-8').send(caption.vtt)
    } catch (error) {
      next(error)
    }
  })

  router.get('/clips/:clip/:version/:file', async (req: Request, res: Response, next: NextFunction) => {
    try {
      const { clip: clipId, version, file } = req.params as Record<string, string>
      const type = TYPES[path.extname(file)]
      if (!type || !SAFE_NAME.test(file) || !SAFE_NAME.test(version)) return notFound(res)
      const found = await readableClip(req, clipId)
      const clip = found?.clip
      if (!clip?.hlsUrl && !clip?.renditions?.length) return notFound(res)
      const current = clip.hlsUrl ?? clip.renditions?.[0]?.url ?? ''
      if (!current.includes(`/${version}/`)) return notFound(res)
      if (clip.hlsUrl && clip.hlsUrl.endsWith(`/${version}/${file}`)) return sendMaster(req, res, clip, found!.user, version, file)
      cacheFor(res, found!.user)
      res.type(type)
      await sendMediaFile(req, res, { root: clipOutputDir(clipId, version), key: `${clipPrefix(clipId)}${version}/${file}`, file })
    } catch (error) {
      next(error)
    }
  })
  // Posters are private `media` documents: served here, through their clip, so they stop with it.
  router.get('/posters/:clip/:file', async (req: Request, res: Response, next: NextFunction) => {
    try {
      const { clip: clipId, file } = req.params as Record<string, string>
      if (!SAFE_NAME.test(file)) return notFound(res)
      const found = await readableClip(req, clipId)
      const posterId = relationId(found?.clip.poster)
      if (!found || !posterId) return notFound(res)
      const poster = await payload.findByID({ collection: 'media', id: posterId, depth: 0, overrideAccess: true, disableErrors: true })
      if (!poster || !uploadFileNames(poster).includes(file)) return notFound(res)
      cacheFor(res, found.user)
      await sendMediaFile(req, res, { root: path.join(mediaDir(), 'images'), key: `${UPLOAD_PREFIXES.media}/${file}`, file })
    } catch (error) {
      next(error)
    }
  })
  return router
}

/**
 * The master playlist, completed with the clip's captions as subtitle renditions. Captions change
 * without a new encode, so the master is not cached for a year like the files it names: a minute
 * for the public, as the API's answers (express adds the ETag, and answers 304 when it matches).
 */
const sendMaster = async (req: Request, res: Response, clip: Clip, user: unknown, version: string, file: string) => {
  const clipId = String(clip.id)
  const store = objectStore()
  const master = store
    ? await readTextObject(store, `${clipPrefix(clipId)}${version}/${file}`)
    : await fs.readFile(path.join(clipOutputDir(clipId, version), file), 'utf8').catch(() => undefined)
  if (master === undefined) return notFound(res)
  const renditions = (clip.captions ?? [])
    .filter((caption) => caption.url && caption.vtt)
    .map((caption) => ({
      language: caption.language,
      name: captionLabel(caption),
      // Relative to the master (…/<version>/master.m3u8): right behind any host or proxy prefix.
      uri: `../captions/${path.posix.basename(subtitlePlaylistUrl(caption.url!))}`,
    }))
  res.setHeader('Cache-Control', user ? 'private, no-store' : 'public, max-age=60, stale-while-revalidate=300')
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.type(TYPES['.m3u8']).send(withSubtitles(master, renditions))
}

type MediaFile = { root: string; key: string; file: string }

/**
 * A file with ranges, from MEDIA_DIR or (S3_BUCKET) streamed from the bucket: either way through
 * this process, so the gate above decides every request and a withdrawn consent stops the next
 * one (issue #13: streaming was chosen over presigned redirects, see the README). Its answer's
 * long-lived caching and media type were set for a 200/206: an error must not keep them (a 404
 * cached for a year, served as video/mp4).
 */
const sendMediaFile = async (req: Request, res: Response, { root, key, file }: MediaFile) => {
  const store = objectStore()
  if (store && usesPresignedMedia(file)) return redirectToPresigned(res, store, key)
  if (store) {
    const outcome = await sendObject(req, res, store, key)
    if (outcome === 'not_found') notFound(res)
    if (outcome === 'range_not_satisfiable') rangeNotSatisfiable(res)
    return
  }
  await new Promise<void>((resolve) => {
    res.sendFile(file, { root, dotfiles: 'deny', cacheControl: false, acceptRanges: true }, (error?: Error & { status?: number; headers?: Record<string, string> }) => {
      resolve()
      if (!error || res.headersSent) return
      if (error.status === 416) {
        res.set(error.headers ?? {})
        rangeNotSatisfiable(res)
        return
      }
      notFound(res)
    })
  })
}

/** A range past the end: 416 with the size (Content-Range, set by the caller), as RFC 9110 asks, so the player can recover. */
const rangeNotSatisfiable = (res: Response) => {
  forgetSuccessHeaders(res)
  mediaError(res, 416, 'range_not_satisfiable', { da: 'Udsnittet findes ikke i filen', en: 'Range not satisfiable' })
}

const forgetSuccessHeaders = (res: Response) => {
  res.removeHeader('Content-Type')
  res.setHeader('Cache-Control', 'no-store')
}

const notFound = (res: Response) => {
  forgetSuccessHeaders(res)
  mediaError(res, 404, 'not_found', { da: 'Ikke fundet', en: 'Not found' })
}

/** The public API's error shape, in the requester's language (Danish unless it asks for English). */
const mediaError = (res: Response, status: number, code: string, message: Bilingual) => {
  const locale = requestLocale(res.req)
  res.status(status).set('Content-Language', locale).json({ error: { code, message: message[locale] } })
}
