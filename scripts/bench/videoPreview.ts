/**
 * Issue #12's figures for `npm run bench:video` (scripts/bench/video.ts runs these after its own):
 *   (d) upload response → first playable ÷ upload response → ready, 1080p HEVC 10-bit HLG (≤ 0.20)
 *   (e) ready time with preview-first ÷ without it, same clip, bare ffmpeg        (≤ 1.10)
 *   (f) 10 s 4K HLG ladder ÷ 10 s 1080p HLG ladder, as the pipeline runs them      (≤ 2.0)
 *   SSIM of the 1080p rung against the source (scaled, tone-mapped reference), for SDR and HLG,
 *   beside the same figure for the ladder as it was before (tone-mapped at the source's size):
 *   the new one must not be more than 0.005 lower.
 * BENCH_PREVIEW_SECONDS (default 60) sets the length of (d)'s and (e)'s clip.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { promisify } from 'node:util'

import type { Payload } from 'payload'

import { ffmpegArgs, type FfmpegJob } from '../../src/video/ffmpeg'
import { planPipeline, type PipelinePlan } from '../../src/video/plan'
import { probe } from '../../src/video/probe'
import { TONE_MAP_TO_BT709 } from '../../src/video/toneMap'

type Row = [string, string, number, string]
export type BenchContext = {
  payload: Payload
  url: string
  token: string
  makeSource: (name: string, args: string[]) => Promise<string>
  bare: (args: string[]) => Promise<void>
  compare: (a: () => Promise<unknown>, b: () => Promise<unknown>) => Promise<readonly [number, number]>
  freshDir: () => string
}

const HLG = ['-pix_fmt', 'yuv420p10le', '-color_primaries', 'bt2020', '-color_trc', 'arib-std-b67', '-colorspace', 'bt2020nc']
const s = (ms: number) => (ms / 1000).toFixed(2)

const hevcSource = (ctx: BenchContext, name: string, size: string, seconds: number, extra: string[]) =>
  ctx.makeSource(name, [
    '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=30:duration=${seconds}`, '-f', 'lavfi', '-i', `sine=frequency=300:duration=${seconds}`,
    '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', ...extra, '-c:a', 'aac', '-shortest',
  ])

/** What the pipeline runs, in its order: the preview (if any), then the ladder. */
const runPlan = async (ctx: BenchContext, plan: PipelinePlan) => {
  if (plan.preview) await ctx.bare(ffmpegArgs(plan.preview.job))
  await ctx.bare(ffmpegArgs(plan.ladder))
}

/** The ladder as it was before issue #12: tone-mapped at the source's size, then scaled per rung. */
const toneMappedAtSourceSize = (job: FfmpegJob): FfmpegJob => ({ ...job, filterComplex: job.filterComplex!.replace(/scale=\d+:\d+:flags=lanczos,(zscale=t=linear)/, '$1') })

const ssimOf = async (rung: string, source: string, hdr: boolean, width: number, height: number) => {
  // The reference: the tone-map at the source's size, scaled, to YUV with BT.709's matrix.
  const toSdr = hdr ? `${TONE_MAP_TO_BT709},` : ''
  const toYuv = hdr ? ':out_color_matrix=bt709:out_range=tv' : ''
  const { stderr } = await promisify(execFile)('ffmpeg', [
    '-hide_banner', '-i', rung, '-i', source,
    '-lavfi', `[1:v]${toSdr}scale=${width}:${height}:flags=lanczos${toYuv},format=yuv420p[ref];[0:v]format=yuv420p[out];[out][ref]ssim`,
    '-f', 'null', '-',
  ], { maxBuffer: 16 * 1024 * 1024 })
  return Number(/All:([\d.]+)/.exec(stderr)?.[1])
}

export const previewFigures = async (ctx: BenchContext): Promise<Row[]> => {
  const rows: Row[] = []
  const length = Number(process.env.BENCH_PREVIEW_SECONDS ?? 60)

  // (d) through the real pipeline, from the upload's response
  const hlg = await hevcSource(ctx, `hlg-1080p-${length}s.mp4`, '1920x1080', length, HLG)
  const form = new FormData()
  form.append('file', new Blob([fs.readFileSync(hlg)], { type: 'video/mp4' }), 'hlg.mp4')
  form.append('_payload', JSON.stringify({ title: 'hlg' }))
  const response = await fetch(`${ctx.url}/api/clips`, { method: 'POST', headers: { authorization: `JWT ${ctx.token}` }, body: form })
  const answered = performance.now()
  const { doc } = (await response.json()) as { doc: { id: number } }
  let playable = NaN
  let ready = NaN
  while (Number.isNaN(ready)) {
    const clip = await ctx.payload.findByID({ collection: 'clips', id: doc.id, depth: 0 })
    const status = clip.processing?.status
    if (Number.isNaN(playable) && (status === 'preview' || status === 'ready')) playable = performance.now() - answered
    if (status === 'ready') ready = performance.now() - answered
    if (status === 'failed') throw new Error(`(d) clip failed: ${clip.processing?.error}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  rows.push([`(d) first playable ÷ ready, ${length} s 1080p HLG`, `${s(playable)} s ÷ ${s(ready)} s`, playable / ready, '≤ 0.20'])

  // (e) the same clip's ready time bare, with and without the preview first
  const probed = await probe(hlg)
  const [withPreview, without] = await ctx.compare(
    () => runPlan(ctx, planPipeline(probed, { input: hlg, outDir: ctx.freshDir() })),
    () => runPlan(ctx, planPipeline(probed, { input: hlg, outDir: ctx.freshDir(), previewFirst: false })),
  )
  rows.push([`(e) ready with ÷ without preview-first, ${length} s HLG`, `${s(withPreview)} s ÷ ${s(without)} s`, withPreview / without, '≤ 1.10'])

  // (f) 4K against 1080p, 10 s of 10-bit HLG each
  const uhd = await hevcSource(ctx, 'hlg-4k-10s.mp4', '3840x2160', 10, HLG)
  const hd = await hevcSource(ctx, 'hlg-1080p-10s.mp4', '1920x1080', 10, HLG)
  const [probedUhd, probedHd] = await Promise.all([probe(uhd), probe(hd)])
  const [uhdTime, hdTime] = await ctx.compare(
    () => runPlan(ctx, planPipeline(probedUhd, { input: uhd, outDir: ctx.freshDir() })),
    () => runPlan(ctx, planPipeline(probedHd, { input: hd, outDir: ctx.freshDir() })),
  )
  rows.push(['(f) 10 s 4K HLG ladder ÷ 10 s 1080p HLG ladder', `${s(uhdTime)} s ÷ ${s(hdTime)} s`, uhdTime / hdTime, '≤ 2.0'])

  // SSIM of the 1080p rung: today's ladder beside the one before issue #12, same source
  const sdr = await hevcSource(ctx, 'sdr-1080p-10s.mp4', '1920x1080', 10, ['-pix_fmt', 'yuv420p'])
  for (const [name, source, hdr] of [['SDR 1080p', sdr, false], ['HLG 1080p', hd, true], ['HLG 4K', uhd, true]] as const) {
    const probedSource = await probe(source)
    const now = planPipeline(probedSource, { input: source, outDir: ctx.freshDir() })
    await runPlan(ctx, now)
    const before = planPipeline(probedSource, { input: source, outDir: ctx.freshDir(), previewFirst: false })
    await ctx.bare(ffmpegArgs(toneMappedAtSourceSize(before.ladder)))
    const [ssimNow, ssimBefore] = await Promise.all([
      ssimOf(now.renditions[0].mp4, source, hdr, now.renditions[0].width, now.renditions[0].height),
      ssimOf(before.renditions[0].mp4, source, hdr, before.renditions[0].width, before.renditions[0].height),
    ])
    rows.push([`SSIM of the 1080p rung, ${name} (before → now)`, `${ssimBefore.toFixed(4)} → ${ssimNow.toFixed(4)}`, ssimNow - ssimBefore, '≥ −0.005'])
    if (now.preview && !now.preview.remux) {
      // Information: what the quick preview's cheap steps cost in picture, at its own size.
      const { mp4, width, height } = now.preview.rendition
      const ssimPreview = await ssimOf(mp4, source, hdr, width, height)
      rows.push([`(information) SSIM of the ${now.preview.rendition.label} preview, ${name}`, ssimPreview.toFixed(4), ssimPreview, '—'])
    }
  }
  return rows
}
