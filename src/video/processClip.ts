import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import type { Clip, Media } from '../payload-types'
import { mediaDir } from '../config/paths'
import { retryWhenBusy } from '../db/sqlitePragmas'
import { relationId } from '../lib/relationId'
import { ffprobe, FfmpegError, runFfmpeg } from './ffmpeg'
import { avcCodec, masterPlaylist, measureVariant } from './hls'
import { clipOutputDir, clipOutputRoot, clipOutputUrl, originalPath, sourceVersion } from './paths'
import { planPipeline, type RenditionPlan } from './plan'
import { extractPoster } from './poster'
import { probe, ProbeError, type Probe } from './probe'

/** Our own updates of a clip carry this, so they do not queue the pipeline again. */
export const PIPELINE_CONTEXT = { fromPipeline: true }

export class PermanentPipelineError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PermanentPipelineError'
  }
}

type Options = { signal?: AbortSignal; preset?: string }

/**
 * The whole pipeline for one clip (SPEC §5): probe → plan → encode → publish. Progress and
 * the outcome are written to the clip. A source that can never work (no video, unreadable)
 * fails the clip with a plain reason and throws PermanentPipelineError; anything else throws
 * to let the job queue retry. The original upload is only ever read.
 */
export const processClip = async (payload: Payload, clipId: number | string, options: Options = {}) => {
  const clip = await payload.findByID({ collection: 'clips', id: clipId, depth: 0, overrideAccess: true })
  if (!clip.filename) throw new PermanentPipelineError('Klippet har ingen fil / The clip has no file')
  const update = (data: Partial<Clip>) =>
    retryWhenBusy(() =>
      payload.update({ collection: 'clips', id: clipId, data: data as never, context: PIPELINE_CONTEXT, overrideAccess: true, depth: 0 }),
    )
  try {
    await runPipeline(payload, clip, update, options)
  } catch (error) {
    // Whatever went wrong, the clip says so (a retry sets it back to processing).
    const current = await payload.findByID({ collection: 'clips', id: clipId, depth: 0, overrideAccess: true }).catch(() => null)
    if (current && current.processing?.status !== 'failed') {
      const reason = error instanceof FfmpegError ? ffmpegReason(error) : (error as Error).message
      await update({ processing: { status: 'failed', progress: 0, error: reason } }).catch(() => {})
    }
    throw error
  }
}

const runPipeline = async (
  payload: Payload,
  clip: Clip,
  update: (data: Partial<Clip>) => Promise<unknown>,
  options: Options,
) => {
  const clipId = clip.id
  const source = originalPath(clip.filename!)
  let probed: Probe
  try {
    probed = await probe(source)
  } catch (error) {
    if (error instanceof ProbeError) {
      await update({ processing: { status: 'failed', progress: 0, error: error.message } })
      throw new PermanentPipelineError(error.message)
    }
    throw error
  }
  await update({ processing: { status: 'processing', progress: 0, error: null }, probe: probeFields(probed) })

  const version = await sourceVersion(source)
  const finalDir = clipOutputDir(clipId, version)
  // Each attempt encodes into its own work folder and moves finished files into place, so an
  // attempt of a worker that died (its ffmpeg may still run) never mixes with this one.
  const workDir = path.join(clipOutputRoot(clipId), `.work-${version}-${process.pid}-${Date.now()}`)
  await fs.mkdir(workDir, { recursive: true })
  await fs.mkdir(finalDir, { recursive: true })
  const plan = planPipeline(probed, { input: source, outDir: workDir, preset: options.preset })
  const published = (file: string) => path.join(finalDir, path.basename(file))

  let lastReported = 0
  let lastReportedAt = 0
  const reportProgress = async (percent: number) => {
    const rounded = Math.min(99, Math.floor(percent))
    if (rounded < lastReported + 5 || Date.now() - lastReportedAt < 1000) return
    lastReported = rounded
    lastReportedAt = Date.now()
    // Progress is written straight to the database (no hooks, no re-read): it is frequent, the
    // CPU belongs to ffmpeg, and nothing but the admin's progress bar depends on it.
    await payload.db
      .updateOne({ collection: 'clips', id: clipId, data: { processing: { status: 'processing', progress: rounded, error: null } } })
      .catch(() => {})
  }

  let poster: Promise<Settled<Media>> | undefined
  try {
    if (plan.remux) {
      await runFfmpeg(plan.remux, { signal: options.signal, timeoutSeconds: 60 + probed.duration * 2 })
      await moveInto(workDir, finalDir)
      // Playable now: publish the remuxed top rendition before the rest of the ladder.
      const { level: _level, duration: _duration, ...top } = await renditionFields(plan.renditions[0], published, clipId, version)
      await update({ renditions: [top] })
    }
    // The poster comes from the source alongside the ladder: its ffmpeg and sharp work then
    // overlaps the encode instead of following it.
    poster = settle(createPoster(payload, clip, source, probed.duration, plan.posterFilter))
    await runFfmpeg(plan.ladder, {
      signal: options.signal,
      durationSeconds: probed.duration,
      onProgress: (percent) => void reportProgress(percent),
      // Generous, proportional to the clip: a stuck ffmpeg must not hold a worker forever.
      timeoutSeconds: 120 + probed.duration * 20,
    })
    await moveInto(workDir, finalDir)
  } catch (error) {
    // A poster made for outputs that will not be published must not stay behind.
    const made = await poster
    if (made && 'doc' in made) await payload.delete({ collection: 'media', id: made.doc.id, overrideAccess: true }).catch(() => {})
    if (error instanceof FfmpegError && !options.signal?.aborted && /Invalid data|corrupt|moov atom not found|could not find codec/i.test(error.stderr)) {
      // A decode error in the source will not go away by retrying.
      const reason = ffmpegReason(error)
      await update({ processing: { status: 'failed', progress: 0, error: reason } })
      throw new PermanentPipelineError(reason)
    }
    throw error
  } finally {
    await fs.rm(workDir, { recursive: true, force: true })
  }

  const renditions = await Promise.all(plan.renditions.map((rendition) => renditionFields(rendition, published, clipId, version)))
  const writeMaster = async () => {
    const variants = await Promise.all(
      plan.renditions.map(async (rendition, i) => ({
        playlist: path.basename(rendition.hlsPlaylist),
        width: rendition.width,
        height: rendition.height,
        fps: plan.fpsValue,
        codecs: [avcCodec(renditions[i].level), ...(plan.hasAudio ? ['mp4a.40.2'] : [])].join(','),
        stats: await measureVariant(published(rendition.hlsPlaylist)),
      })),
    )
    await fs.writeFile(path.join(finalDir, 'master.m3u8'), masterPlaylist(variants))
  }
  await writeMaster()
  const made = await poster!
  if ('error' in made) throw made.error
  const posterDoc = made.doc
  await update({
    processing: { status: 'ready', progress: 100, error: null },
    renditions: renditions.map(({ level: _level, duration: _duration, ...fields }) => fields),
    hlsUrl: clipOutputUrl(clipId, version, 'master.m3u8'),
    poster: posterDoc.id as number,
  })
  await deleteOldPoster(payload, clip.poster, posterDoc.id)
  await removeOtherVersions(clipId, version)
}

/** A new poster at the editor's second (SPEC §5), from the published top rendition only. */
export const remakePoster = async (payload: Payload, clipId: number | string) => {
  const clip = await payload.findByID({ collection: 'clips', id: clipId, depth: 0, overrideAccess: true })
  const top = clip.renditions?.[0]
  if (clip.processing?.status !== 'ready' || !top?.url) return
  const file = path.join(mediaDir(), top.url.replace(/^\/media\//, ''))
  const poster = await createPoster(payload, clip, file, clip.probe?.duration ?? 0)
  await retryWhenBusy(() =>
    payload.update({ collection: 'clips', id: clipId, data: { poster: poster.id as number }, context: PIPELINE_CONTEXT, overrideAccess: true, depth: 0 }),
  )
  await deleteOldPoster(payload, clip.poster, poster.id)
}

const deleteOldPoster = async (payload: Payload, old: Clip['poster'], keep: number | string) => {
  const oldId = relationId(old)
  if (oldId && String(oldId) !== String(keep)) {
    await payload.delete({ collection: 'media', id: oldId, overrideAccess: true }).catch(() => {})
  }
}

const probeFields = (p: Probe): Clip['probe'] => ({
  duration: Math.round(p.duration * 1000) / 1000,
  width: p.width,
  height: p.height,
  rotation: p.rotation,
  videoCodec: p.videoCodec,
  audioCodec: p.audioCodec ?? null,
  fps: Math.round(p.fps * 1000) / 1000,
  variableFrameRate: p.variableFrameRate,
  hasAudio: p.hasAudio,
  bitrate: p.bitrate ?? null,
})

const renditionFields = async (
  rendition: RenditionPlan,
  published: (file: string) => string,
  clipId: number | string,
  version: string,
) => {
  const file = published(rendition.mp4)
  const [stat, data] = await Promise.all([fs.stat(file), ffprobe(file)])
  const video = data.streams.find((stream) => stream.codec_type === 'video')
  const duration = Number(data.format.duration) || 0
  return {
    label: rendition.label,
    url: clipOutputUrl(clipId, version, path.basename(rendition.mp4)),
    width: video?.width ?? rendition.width,
    height: video?.height ?? rendition.height,
    bitrate: duration > 0 ? Math.round((stat.size * 8) / duration) : null,
    mimeType: 'video/mp4',
    size: stat.size,
    level: video?.level,
    duration,
  }
}

type Settled<T> = { doc: T } | { error: unknown }
/** A promise that never rejects, so work started early cannot become an unhandled rejection. */
const settle = <T,>(work: Promise<T>): Promise<Settled<T>> =>
  work.then(
    (doc) => ({ doc }),
    (error: unknown) => ({ error }),
  )

const createPoster = async (payload: Payload, clip: Clip, input: string, duration: number, filter?: string) => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'b2c-poster-'))
  try {
    const file = path.join(dir, `plakat-${clip.id}.jpg`)
    await extractPoster(input, file, duration, clip.posterAt, filter)
    return await payload.create({
      collection: 'media',
      // Private: Payload's own file route never serves it; /media/posters/ does, while the clip is public.
      data: { alt: `Stillbillede fra videoen "${clip.title ?? clip.filename}"`, private: true },
      filePath: file,
      overrideAccess: true,
    })
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

/** Moves every finished file of a work folder into the published one. */
const moveInto = async (workDir: string, finalDir: string) => {
  for (const entry of await fs.readdir(workDir)) await fs.rename(path.join(workDir, entry), path.join(finalDir, entry))
}

const removeOtherVersions = async (clipId: number | string, keep: string) => {
  const root = clipOutputRoot(clipId)
  for (const entry of await fs.readdir(root).catch(() => [] as string[])) {
    if (entry !== keep) await fs.rm(path.join(root, entry), { recursive: true, force: true })
  }
}

/** ffmpeg's last meaningful stderr line, for the editor. */
const ffmpegReason = (error: FfmpegError): string => {
  const line = error.stderr
    .split('\n')
    .map((text) => text.trim())
    .filter((text) => text && !/^(frame=|size=|video:|\[out#|Press \[q\])/.test(text))
    .pop()
  return `Videoen kunne ikke behandles / The video could not be processed: ${line ?? error.message}`
}
