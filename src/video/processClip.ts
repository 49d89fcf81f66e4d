import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import type { Clip, Media } from '../payload-types'
import { makeTempDir } from '../jobs/tempFiles'
import { relationId } from '../lib/relationId'
import type { Bilingual } from '../lib/bilingual'
import { assertRoomFor, DiskFullError, estimateAttemptBytes, isDiskFull } from './diskSpace'
import { failureReason, ffmpegReason } from './failureReason'
import { ffprobe, FfmpegError, runFfmpeg } from './ffmpeg'
import { avcCodec, masterPlaylist, measureVariant } from './hls'
import { durationLimitFor, isSubmittedClip, sourceLimitReason, transcodeMaxSeconds, type ClipOrigin } from './limits'
import { clipOutputStore, type ClipOutputStore } from './outputStore'
import { clipOutputUrl, sourceVersion } from './paths'
import { planPipeline, type RenditionPlan } from './plan'
import { extractPoster } from './poster'
import { deleteClipPosters, posterFileName } from './posterDocs'
import { probe, ProbeError, type Probe } from './probe'
import { shownPreviewFolder } from './publish'
import { storedFailure } from './storedFailure'
import { SupersededError, watchForSupersession, type PipelineSource, type SupersessionWatch } from './supersession'

/** Our own updates of a clip carry this, so they do not queue the pipeline again. */
export const PIPELINE_CONTEXT = { fromPipeline: true }

/** A source or an encode that will never work: the clip fails with this reason, without retries. */
export class PermanentPipelineError extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en)
    this.name = 'PermanentPipelineError'
  }
}

type Options = { signal?: AbortSignal; preset?: string; jobId?: number | string }

type Update = (data: Partial<Clip>, extraContext?: Record<string, unknown>) => Promise<unknown>

/**
 * The whole pipeline for one clip (SPEC §5): probe → plan → encode → publish. Progress and
 * the outcome are written to the clip. A source that can never work (no video, unreadable) or
 * that is past its cost limits (length, frame size, frame rate: src/video/limits.ts, checked
 * before any encode), and an encode stopped at a time or CPU limit, fail the clip with a plain
 * reason and throw PermanentPipelineError; a full disk throws
 * DiskFullError; anything else throws to let the job queue retry. An attempt whose file was
 * replaced or whose job was cancelled stops at once and throws SupersededError without
 * touching the clip. The original upload is only ever read.
 */
export const processClip = async (payload: Payload, clipId: number | string, options: Options = {}) => {
  const clip = await payload.findByID({ collection: 'clips', id: clipId, depth: 0, overrideAccess: true })
  if (!clip.filename) throw new PermanentPipelineError({ da: 'Klippet har ingen fil', en: 'The clip has no file' })
  const source: PipelineSource = { filename: clip.filename, filesize: clip.filesize ?? null }
  const watch = watchForSupersession(payload, clipId, source, options.jobId)
  const signal = options.signal ? AbortSignal.any([options.signal, watch.signal]) : watch.signal
  // Every save names the source it was made from; refuseStalePipelineWrite refuses it once the
  // clip holds another file, so even a save racing the replace cannot show old outputs.
  const context = { ...PIPELINE_CONTEXT, pipelineSource: source }
  const update: Update = (data, extraContext) =>
    payload.update({ collection: 'clips', id: clipId, data: data as never, context: { ...context, ...extraContext }, overrideAccess: true, depth: 0 })
  try {
    await runPipeline(payload, clip, update, { ...options, signal }, watch)
  } catch (error) {
    const superseded = watch.reason() ?? (error instanceof SupersededError ? error.message : await watch.check().catch(() => null))
    if (superseded) throw error instanceof SupersededError ? error : new SupersededError(superseded)
    const reason = failureReason(error)
    try {
      const shown = await payload.findByID({ collection: 'clips', id: clipId, depth: 0, overrideAccess: true })
      const preview = shownPreviewFolder(shown)
      if (preview) await failKeepingPreview(clipId, reason, update, preview)
      else await failClip(payload, clipId, reason, update, relationId(clip.poster))
    } catch (failError) {
      if (failError instanceof SupersededError || watch.reason()) throw new SupersededError(watch.reason() ?? (failError as Error).message)
      payload.logger.error({ err: failError }, `could not mark clip ${clipId} failed`)
    }
    throw error
  } finally {
    watch.stop()
  }
}

/**
 * A failed clip shows nothing: no renditions, no HLS address, no poster, and no files are left
 * of any attempt. Its status and its outputs never disagree, and "Behandl igen" remakes
 * everything from the kept original. (A reprocessed clip that was ready lost its public
 * playback already when it was queued again: only `ready` clips are public.)
 */
const failClip = async (payload: Payload, clipId: number | string, reason: Bilingual, update: Update, poster: number | string | null | undefined) => {
  await update({ processing: { status: 'failed', progress: 0, ...storedFailure(reason) }, renditions: [], hlsUrl: null, poster: null })
  await deleteClipPosters(payload, clipId, { also: poster })
  await clipOutputStore().removeAll(clipId)
}

/**
 * A failure after the preview was published keeps the preview (issue #12): the clip stays
 * playable at the rendition it had, and says why the rest is missing. A failure that will pass
 * (a full disk, a crash) is retried by the queue and goes on from there; "Behandl igen" remakes
 * everything. Every other folder of the clip (work, earlier versions) goes.
 */
const failKeepingPreview = async (clipId: number | string, reason: Bilingual, update: Update, previewFolder: string) => {
  await update({ processing: { status: 'preview', progress: 0, ...storedFailure(reason) } })
  await clipOutputStore().removeOtherVersions(clipId, previewFolder)
}

/** ffmpeg for a submitted clip runs at the lowest priority: it only ever gets what staff leave. */
const SUBMITTED_NICENESS = 19
const STAFF_NICENESS = 10

/** The original as a file on this machine (fetched from the bucket with S3 storage) for as long as the attempt runs. */
const runPipeline = async (payload: Payload, clip: Clip, update: Update, options: Options, watch: SupersessionWatch) => {
  const store = clipOutputStore()
  const source = await store.localSource(clip.filename!).catch(async (error: unknown) => {
    throw (await isDiskFull(error, store.diskRoot())) ? new DiskFullError() : error
  })
  try {
    await encodeAndPublish(payload, clip, source.file, store, update, options, watch)
  } finally {
    await source.release()
  }
}

const encodeAndPublish = async (
  payload: Payload,
  clip: Clip,
  source: string,
  store: ClipOutputStore,
  update: Update,
  options: Options,
  watch: SupersessionWatch,
) => {
  const clipId = clip.id
  // The fixed wall-clock ceiling is the job's: every ffmpeg below shares what is left of it.
  const jobDeadline = Date.now() + transcodeMaxSeconds() * 1000
  const submitted = isSubmittedClip(clip as ClipOrigin)
  const niceness = submitted ? SUBMITTED_NICENESS : STAFF_NICENESS
  let probed: Probe
  try {
    probed = await probe(source)
  } catch (error) {
    if (error instanceof ProbeError) throw new PermanentPipelineError(error.reason)
    throw error
  }
  // Cost limits (SPEC §5), from the headers alone: a source past them never reaches an encoder.
  const refused = sourceLimitReason(probed, await durationLimitFor(payload, clip as Clip & ClipOrigin))
  if (refused) {
    await update({ probe: probeFields(probed) })
    throw new PermanentPipelineError(refused)
  }
  // A job handed back after its worker died keeps showing the preview that worker published,
  // until this attempt publishes its own.
  let shownStatus: 'processing' | 'preview' = shownPreviewFolder(clip) ? 'preview' : 'processing'
  await update({ processing: { status: shownStatus, progress: 0, ...storedFailure(null) }, probe: probeFields(probed) })

  const version = await sourceVersion(source)
  // One clip, one job: any other work folder is a dead attempt's debris, and its space counts.
  await store.removeDeadWork(clipId)
  // Each attempt works in its own folder; the published version is only ever put in place
  // whole, after the attempt has succeeded, so no failed or killed attempt can leave anything
  // in it (and a reprocess never mixes new files into the outputs the clip still names).
  const workDir = await store.makeWorkDir(clipId, version)
  const outDir = path.join(workDir, 'out')
  const posterFile = path.join(workDir, posterFileName(clipId))
  const plan = planPipeline(probed, { input: source, outDir, preset: options.preset })

  const sourceBytes = (await fs.stat(source)).size
  await assertRoomFor(store.diskRoot(), estimateAttemptBytes(plan, probed.duration, sourceBytes)).catch(async (error: unknown) => {
    await store.removeWorkDir(workDir)
    throw error
  })
  await fs.mkdir(outDir, { recursive: true })

  let lastReported = 0
  let lastReportedAt = 0
  const reportProgress = async (percent: number) => {
    const rounded = Math.min(99, Math.floor(percent))
    if (watch.reason() || rounded < lastReported + 5 || Date.now() - lastReportedAt < 1000) return
    lastReported = rounded
    lastReportedAt = Date.now()
    // Progress is written straight to the database (no hooks, no re-read): it is frequent, the
    // CPU belongs to ffmpeg, and nothing but the admin's progress bar depends on it. The write
    // only lands while the clip still holds this attempt's file: never against a new one.
    await payload.db
      .updateOne({
        collection: 'clips',
        where: { and: [{ id: { equals: clipId } }, { filename: { equals: clip.filename } }, { filesize: { equals: clip.filesize } }] },
        data: { processing: { status: shownStatus, progress: rounded, ...storedFailure(null) } },
        options: { atomic: true },
      } as never)
      .catch(() => {})
  }

  let poster: Promise<Settled<void>> | undefined
  try {
    if (plan.preview) {
      // The first playable rendition before the rest: the remux (seconds), or the quick 360p
      // preview, about a tenth of the ladder's time. Its progress is the first part of the bar.
      const remuxed = plan.preview.remux
      await runFfmpeg(plan.preview.job, {
        signal: options.signal,
        // A remux takes seconds: only an encoded preview is worth a share of the progress bar.
        ...(remuxed ? {} : { durationSeconds: probed.duration, onProgress: (percent: number) => void reportProgress(percent * PREVIEW_SHARE) }),
        timeoutSeconds: remuxed ? 60 + probed.duration * 2 : 120 + probed.duration * 20,
        jobDeadline,
        niceness,
      })
      // Shown from a preview folder of its own (hard links, no copy) until the whole ladder is
      // published; named per attempt, so a URL once served never changes its bytes.
      const preview = await store.showPreview(clipId, version, plan.preview.rendition.mp4, async ({ file, url }) => {
        const { level: _level, duration: _duration, ...fields } = await renditionFields(plan.preview!.rendition, file, url)
        // A preview only ever stands in for a ladder still to come: refused once another attempt
        // of this file has made the clip ready (a job handed back while its worker still ran).
        await update({ processing: { status: 'preview', progress: remuxed ? 0 : Math.round(PREVIEW_SHARE * 100), ...storedFailure(null) }, renditions: [fields], hlsUrl: null }, { previewOnly: true })
      })
      shownStatus = 'preview'
      await store.removePreviewFolders(clipId, preview.folder)
    }
    // The poster frame comes from the source alongside the ladder: its ffmpeg work overlaps the
    // encode. Its `media` document is only made once the attempt has succeeded.
    poster = settle(extractPoster(source, posterFile, probed.duration, clip.posterAt, plan.posterFilter, { signal: options.signal, niceness, jobDeadline }))
    await runFfmpeg(plan.ladder, {
      signal: options.signal,
      durationSeconds: probed.duration,
      onProgress: (percent) => void reportProgress(plan.preview && !plan.preview.remux ? PREVIEW_SHARE * 100 + percent * (1 - PREVIEW_SHARE) : percent),
      // Generous, proportional to the clip: a stuck ffmpeg must not hold a worker forever. The
      // fixed ceilings (TRANSCODE_MAX_SECONDS, TRANSCODE_MAX_CPU_SECONDS) bound it whatever the
      // source claims.
      timeoutSeconds: 120 + probed.duration * 20,
      jobDeadline,
      niceness,
    })
    const made = await poster
    if ('error' in made) throw made.error

    const renditions = await Promise.all(
      plan.renditions.map((rendition) => renditionFields(rendition, rendition.mp4, clipOutputUrl(clipId, version, path.basename(rendition.mp4)))),
    )
    const variants = await Promise.all(
      plan.renditions.map(async (rendition, i) => ({
        playlist: path.basename(rendition.hlsPlaylist),
        width: rendition.width,
        height: rendition.height,
        fps: plan.fpsValue,
        codecs: [avcCodec(renditions[i].level), ...(plan.hasAudio ? ['mp4a.40.2'] : [])].join(','),
        stats: await measureVariant(rendition.hlsPlaylist),
      })),
    )
    await fs.writeFile(path.join(outDir, 'master.m3u8'), masterPlaylist(variants))

    // The last look before anything is published: a replaced file or a cancelled job stops here.
    const superseded = await watch.check()
    if (superseded) throw new SupersededError(superseded)
    const posterDoc = await createPosterDoc(payload, clip, posterFile)
    try {
      await store.publishVersion(clipId, version, outDir)
      await update({
        processing: { status: 'ready', progress: 100, ...storedFailure(null) },
        renditions: renditions.map(({ level: _level, duration: _duration, ...fields }) => fields),
        hlsUrl: clipOutputUrl(clipId, version, 'master.m3u8'),
        poster: posterDoc.id as number,
      })
    } catch (error) {
      await payload.delete({ collection: 'media', id: posterDoc.id, overrideAccess: true }).catch(() => {})
      // Published for a file the clip no longer holds: nothing may name it, so nothing may keep it.
      if (error instanceof SupersededError || watch.reason()) await store.removeVersion(clipId, version)
      throw error
    }
  } catch (error) {
    await poster // its ffmpeg writes into the work folder removed below
    if (!watch.reason() && (await isDiskFull(error, store.diskRoot()))) throw new DiskFullError()
    // Stopped for its cost: another attempt would cost as much again and be stopped the same way.
    if (error instanceof FfmpegError && error.limit && !watch.reason()) throw new PermanentPipelineError(ffmpegReason(error))
    if (error instanceof FfmpegError && !error.cancelled && !error.signal && /Invalid data|corrupt|moov atom not found|could not find codec/i.test(error.stderr)) {
      // A decode error in the source will not go away by retrying.
      throw new PermanentPipelineError(ffmpegReason(error))
    }
    throw error
  } finally {
    await store.removeWorkDir(workDir)
  }

  // Posters of earlier attempts (a killed worker's, a remake that died half-way) and every
  // other version and preview folder go: the clip names only what it shows.
  const current = await payload.findByID({ collection: 'clips', id: clipId, depth: 0, overrideAccess: true })
  await deleteClipPosters(payload, clipId, { keep: relationId(current.poster), also: relationId(clip.poster) })
  await store.removeOtherVersions(clipId, version)
}

/** A new poster at the editor's second (SPEC §5), from the published top rendition only. */
export const remakePoster = async (payload: Payload, clipId: number | string) => {
  const clip = await payload.findByID({ collection: 'clips', id: clipId, depth: 0, overrideAccess: true })
  const top = clip.renditions?.[0]
  if (clip.processing?.status !== 'ready' || !top?.url) return
  const rendition = await clipOutputStore().localOutput(top.url)
  const dir = await makeTempDir('b2c-poster')
  try {
    const frame = path.join(dir, posterFileName(clipId))
    await extractPoster(rendition.file, frame, clip.probe?.duration ?? 0, clip.posterAt)
    const poster = await createPosterDoc(payload, clip, frame)
    await payload
      .update({ collection: 'clips', id: clipId, data: { poster: poster.id as number }, context: PIPELINE_CONTEXT, overrideAccess: true, depth: 0 })
      .catch(async (error: unknown) => {
        await payload.delete({ collection: 'media', id: poster.id, overrideAccess: true }).catch(() => {})
        throw error
      })
    await deleteClipPosters(payload, clipId, { keep: poster.id, also: relationId(clip.poster) })
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
    await rendition.release()
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

/** A rendition's fields, measured on its file (in the work folder) and named by its future URL. */
const renditionFields = async (rendition: RenditionPlan, file: string, url: string) => {
  const [stat, data] = await Promise.all([fs.stat(file), ffprobe(file)])
  const video = data.streams.find((stream) => stream.codec_type === 'video')
  const duration = Number(data.format.duration) || 0
  return {
    label: rendition.label,
    url,
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

/** The poster's `media` document (sharp makes its sizes), from a frame already extracted. */
const createPosterDoc = (payload: Payload, clip: Clip, frame: string): Promise<Media> =>
  payload.create({
    collection: 'media',
    // Private: Payload's own file route never serves it; /media/posters/ does, while the clip is public.
    data: { alt: `Stillbillede fra videoen "${clip.title ?? clip.filename}"`, private: true },
    filePath: frame,
    overrideAccess: true,
  })

/** About the quick preview's share of the work (a decode and a small encode): the progress bar's first part. */
const PREVIEW_SHARE = 0.1
