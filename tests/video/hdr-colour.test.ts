/**
 * An HDR phone clip's colours survive the tone-mapping: every rendition is BT.709 YUV, tagged so,
 * and a player decoding it as BT.709 shows the colours the tone-map made. Before, the tone-mapped
 * picture reached YUV through swscale's default BT.601 matrix and the files carried no matrix
 * tag, so browsers (which take BT.709 for untagged HD video) showed a saturated green as 151
 * instead of 181, and reds and blues shifted likewise.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

import { expect, test } from '@jest/globals'

import { TONE_MAP_TO_BT709, toneMapChain } from '../../src/video/toneMap'
import { uploadAndProcess } from '../helpers/clips'
import { useServer } from '../helpers/server'
import { ffprobeJson, fileOf } from '../helpers/videoAssertions'

const server = useServer({ runJobs: false })
const run = promisify(execFile)

const HLG = ['-color_primaries', 'bt2020', '-color_trc', 'arib-std-b67', '-colorspace', 'bt2020nc']

/** Four flat patches (green, red, blue, grey), 1280×720, 10-bit HEVC as a phone records (HLG by default). */
const makePatches = async (name = 'hlg-patches.mp4', tags = HLG, x265 = 'log-level=error') => {
  const file = path.join(process.env.B2C_TEST_ROOT!, name)
  const patch = (colour: string) => ['-f', 'lavfi', '-i', `color=c=${colour}:size=640x360:rate=30:duration=2`]
  await run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    ...patch('0x20C040'), ...patch('0xC02020'), ...patch('0x2040C0'), ...patch('0x909090'),
    '-filter_complex', '[0][1][2][3]xstack=inputs=4:layout=0_0|w0_0|0_h0|w0_h0',
    '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', x265, '-pix_fmt', 'yuv420p10le', ...tags, '-tag:v', 'hvc1', file,
  ])
  return file
}

/** The RGB of the first frame at each point (fractions of the width and height). */
const rgbAt = async (file: string, filter: string, points: [number, number][]) => {
  const { stdout: size } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file])
  const [width, height] = size.trim().split(',').map(Number)
  const { stdout } = await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', file, '-vf', `${filter},format=rgb24`, '-frames:v', '1', '-f', 'rawvideo', '-'], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  })
  return points.map(([x, y]) => {
    const at = (Math.round(y * height) * width + Math.round(x * width)) * 3
    return [stdout[at], stdout[at + 1], stdout[at + 2]]
  })
}

const CENTRES: [number, number][] = [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]]

test('every rendition of an HLG clip is BT.709, tagged so, in the tone-map\'s colours', async () => {
  const source = await makePatches()
  // What the tone-map makes of each patch, in RGB: the reference a player should show.
  const expected = await rgbAt(source, TONE_MAP_TO_BT709, CENTRES)
  const clip = await uploadAndProcess(server.current.payload, source, 'HLG-farver')
  expect(clip.processing?.status).toBe('ready')
  expect(clip.renditions?.length).toBeGreaterThanOrEqual(2)

  for (const rendition of clip.renditions!) {
    const file = fileOf(rendition.url!)
    const video = (await ffprobeJson(file)).streams.find((stream) => stream.codec_type === 'video') as Record<string, unknown> | undefined
    expect({ rendition: rendition.label, space: video?.color_space, primaries: video?.color_primaries, transfer: video?.color_transfer, range: video?.color_range })
      .toEqual({ rendition: rendition.label, space: 'bt709', primaries: 'bt709', transfer: 'bt709', range: 'tv' })
    // Decoded as a browser decodes it: BT.709, limited range.
    const shown = await rgbAt(file, 'scale=in_color_matrix=bt709:in_range=tv', CENTRES)
    shown.forEach((rgb, i) => rgb.forEach((value, channel) => expect({ rendition: rendition.label, patch: i, channel, off: Math.abs(value - expected[i][channel]) > 6 ? value - expected[i][channel] : 0 }).toEqual({ rendition: rendition.label, patch: i, channel, off: 0 })))
  }
}, 300_000)

test('a PQ clip with a stated light level is tone-mapped for that peak, as ffmpeg\'s tone-map would take it from its frames', async () => {
  const pq = ['-color_primaries', 'bt2020', '-color_trc', 'smpte2084', '-colorspace', 'bt2020nc']
  const source = await makePatches('pq-patches.mp4', pq, 'log-level=error:hdr10=1:max-cll=4000,400:master-display=G(13250,34500)B(7500,3000)R(34000,16000)WP(15635,16450)L(40000000,50)')
  // On the source's frames the float chain reads the peak from their metadata (40 × 100 nits).
  const forItsPeak = await rgbAt(source, TONE_MAP_TO_BT709, CENTRES)
  // Without metadata it would take 10: the peak changes the picture, so matching it means something.
  const forTheDefaultPeak = await rgbAt(source, toneMapChain(10), CENTRES)
  expect(Math.max(...forItsPeak.flatMap((rgb, i) => rgb.map((value, c) => Math.abs(value - forTheDefaultPeak[i][c]))))).toBeGreaterThan(12)

  const clip = await uploadAndProcess(server.current.payload, source, 'PQ-farver')
  expect(clip.processing?.status).toBe('ready')
  const shown = await rgbAt(fileOf(clip.renditions![0].url!), 'scale=in_color_matrix=bt709:in_range=tv', CENTRES)
  expect(Math.max(...shown.flatMap((rgb, i) => rgb.map((value, c) => Math.abs(value - forItsPeak[i][c]))))).toBeLessThanOrEqual(6)
}, 300_000)
