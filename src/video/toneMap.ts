/**
 * Tone-mapping an HDR phone clip (PQ or HLG, BT.2020) to SDR BT.709 (SPEC §5): linear light at
 * 100 nits nominal, BT.709 primaries, Hable's curve, BT.709's transfer, on every pixel in float,
 * ending in RGB (each rung turns it into BT.709 YUV, src/video/plan.ts). ffmpeg's tone-map takes
 * the peak from each frame's light-level metadata (MaxCLL, else the mastering display) and
 * otherwise assumes 1000 nits; `peak` (in units of 100 nits) overrides that.
 *
 * Tried and left (issue #12): the chain as a 3D LUT made per clip from a lattice of RGB values,
 * a third faster, lost 0.0075 SSIM on the 1080p rung, because 16-bit RGB clips the values a
 * YUV source has outside [0, 1] that the float chain keeps.
 */
export const toneMapChain = (peak?: number): string =>
  `zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0${peak ? `:peak=${peak}` : ''},zscale=t=bt709`

/** The chain as the pipeline runs it: the peak from the frames themselves. */
export const TONE_MAP_TO_BT709 = toneMapChain()
