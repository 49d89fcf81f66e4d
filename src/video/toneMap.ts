import fs from 'node:fs/promises'
import path from 'node:path'

import { runFfmpeg, type FfmpegJob } from './ffmpeg'
import type { Probe } from './probe'

/**
 * Tone-mapping an HDR phone clip (PQ or HLG, BT.2020) to SDR BT.709 (SPEC §5).
 *
 * The tone-map itself is this float filter chain: linear light at 100 nits nominal, BT.709
 * primaries, Hable's curve, BT.709's transfer. Run on every pixel of every frame it is the
 * dearest step of an HDR encode (about 1 CPU-second per second of 1080p here), yet it is a pure
 * function of a pixel's RGB. So the pipeline runs it once per clip on a Hald image — every point
 * of a 64³ lattice of RGB values — and applies the result as a 3D LUT with tetrahedral
 * interpolation (issue #12: a first playable rendition sooner, and the ladder with it). The LUT
 * matches the chain to about 65 dB PSNR on 16-bit RGB; the chain stays the definition, and is
 * what the LUT is made from with this machine's own ffmpeg, so the two never drift apart.
 */
export const toneMapChain = (peak?: number): string =>
  `zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0${peak ? `:peak=${peak}` : ''},zscale=t=bt709`

/** The chain as the frames of an HDR source without light-level metadata get it. */
export const TONE_MAP_TO_BT709 = toneMapChain()

/** The Hald level: 8 gives a 64-point lattice per channel (a 512×512 image). */
const HALD_LEVEL = 8
const LATTICE = HALD_LEVEL * HALD_LEVEL

const TRANSFER_NAMES: Record<Exclude<Probe['transfer'], 'sdr'>, string> = { hlg: 'arib-std-b67', pq: 'smpte2084' }

/**
 * Hable's peak, as ffmpeg's tonemap would take it from the source's frames: the content light
 * level (MaxCLL) or the mastering display's peak, in units of 100 nits; none gives its default.
 */
export const toneMapPeak = (probe: Pick<Probe, 'hdrPeakNits'>): number | undefined =>
  probe.hdrPeakNits ? probe.hdrPeakNits / 100 : undefined

/** The ffmpeg job that runs the chain over the Hald lattice, as HDR RGB of the source's transfer, into raw 16-bit RGB. */
export const toneMapLatticeJob = (probe: Pick<Probe, 'transfer' | 'hdrPeakNits'>, rawFile: string): FfmpegJob => {
  if (probe.transfer === 'sdr') throw new Error('an SDR source needs no tone-map')
  const tagged = `setparams=color_primaries=bt2020:color_trc=${TRANSFER_NAMES[probe.transfer]}:colorspace=gbr:range=pc`
  return {
    input: `haldclutsrc=level=${HALD_LEVEL},trim=end_frame=1,format=gbrp16le,${tagged},${toneMapChain(toneMapPeak(probe))},format=rgb48le`,
    inputOptions: ['-f', 'lavfi'],
    outputs: [{ target: rawFile, options: ['-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb48le'] }],
  }
}

/** The lattice's tone-mapped RGB as a .cube file (red fastest, as the Hald image is laid out). */
export const cubeFromLattice = (raw: Buffer): string => {
  const points = LATTICE ** 3
  if (raw.length !== points * 6) throw new Error(`tone-map lattice: ${raw.length} bytes, expected ${points * 6}`)
  const lines = [`LUT_3D_SIZE ${LATTICE}`]
  for (let i = 0; i < points; i++) {
    lines.push(`${(raw.readUInt16LE(i * 6) / 65535).toFixed(6)} ${(raw.readUInt16LE(i * 6 + 2) / 65535).toFixed(6)} ${(raw.readUInt16LE(i * 6 + 4) / 65535).toFixed(6)}`)
  }
  return `${lines.join('\n')}\n`
}

/** Writes the clip's tone-map LUT to `cubeFile` (well under a second of work, once per attempt). */
export const writeToneMapLut = async (
  probe: Pick<Probe, 'transfer' | 'hdrPeakNits'>,
  cubeFile: string,
  options: { signal?: AbortSignal; niceness?: number; jobDeadline?: number } = {},
): Promise<void> => {
  const rawFile = path.join(path.dirname(cubeFile), `${path.basename(cubeFile)}.lattice`)
  try {
    await runFfmpeg(toneMapLatticeJob(probe, rawFile), { ...options, timeoutSeconds: 60 })
    await fs.writeFile(cubeFile, cubeFromLattice(await fs.readFile(rawFile)))
  } finally {
    await fs.rm(rawFile, { force: true })
  }
}

/** A path as one value of a filter option inside a filter graph (both levels of ffmpeg's escaping). */
export const filterGraphPath = (file: string): string => file.replace(/[\\':]/g, '\\$&').replace(/[\\'[\],;]/g, '\\$&')
