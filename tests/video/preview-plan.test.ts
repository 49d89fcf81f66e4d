/**
 * Issue #12: the quick preview a source that cannot be remuxed gets first. Run for real with
 * ffmpeg on generated sources: it is 360p on its short side (portrait stays portrait), SDR
 * BT.709 H.264 in yuv420p, at most 30 fps (a 60 fps source at half its rate), with the clip's
 * sound, written beside the ladder's folder (never published with it), and the ladder still
 * makes every rung. The ladder then takes its sound from the preview, and every rung's sound is
 * what the ladder would have made alone, a late start included.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { describe, expect, test } from '@jest/globals'

import { runFfmpeg } from '../../src/video/ffmpeg'
import { planPipeline } from '../../src/video/plan'
import { probe } from '../../src/video/probe'
import { ffprobeJson } from '../helpers/videoAssertions'

const run = promisify(execFile)
const HLG = ['-pix_fmt', 'yuv420p10le', '-color_primaries', 'bt2020', '-color_trc', 'arib-std-b67', '-colorspace', 'bt2020nc']

/** Two seconds of HEVC with sound: `size` at `rate`, with `color` options. */
const makeHevc = async (name: string, size: string, rate: number, color: string[]) => {
  const file = path.join(process.env.B2C_TEST_ROOT!, name)
  await run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${rate}:duration=2`, '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=2',
    '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', ...color, '-c:a', 'aac', '-shortest', file,
  ])
  return file
}

const rate = (value = '0/1') => {
  const [num, den] = value.split('/').map(Number)
  return num / den
}

describe('the quick preview', () => {
  test.each([
    ['10-bit HLG, 1080p at 60 fps', '1920x1080', 60, HLG, { width: 640, height: 360, fps: 30 }],
    ['8-bit SDR, portrait 1080×1920 at 30 fps', '1080x1920', 30, ['-pix_fmt', 'yuv420p'], { width: 360, height: 640, fps: 30 }],
  ] as const)('%s: 360p SDR H.264 at most 30 fps, beside the ladder', async (_name, size, fps, color, expected) => {
    const source = await makeHevc(`preview-${size}-${fps}.mp4`, size, fps, [...color])
    const outDir = path.join(process.env.B2C_TEST_ROOT!, `ladder-${size}-${fps}`, 'out')
    const plan = planPipeline(await probe(source), { input: source, outDir })

    expect(plan.preview?.remux).toBe(false)
    const { mp4, label } = plan.preview!.rendition
    expect(label).toBe('360p')
    expect(path.relative(outDir, mp4).startsWith('..')).toBe(true)
    // The ladder still makes every rung, the lowest included.
    expect(plan.renditions.map((rendition) => rendition.label)).toEqual(['1080p', '720p', '480p'])
    for (const rendition of plan.renditions) expect(plan.ladder.outputs.some((output) => output.target.includes(rendition.mp4))).toBe(true)

    fs.mkdirSync(path.dirname(outDir), { recursive: true })
    await runFfmpeg(plan.preview!.job)
    const { streams } = await ffprobeJson(mp4)
    const video = streams.find((stream) => stream.codec_type === 'video')!
    expect({
      codec: video.codec_name,
      pixels: video.pix_fmt,
      width: video.width,
      height: video.height,
      fps: rate(video.avg_frame_rate),
      transfer: video.color_transfer ?? 'bt709',
      primaries: video.color_primaries ?? 'bt709',
    }).toEqual({ codec: 'h264', pixels: 'yuv420p', ...expected, transfer: 'bt709', primaries: 'bt709' })
    expect(streams.some((stream) => stream.codec_type === 'audio')).toBe(true)
    expect(fs.existsSync(outDir)).toBe(false)
  }, 120_000)

  test('the ladder copies the preview\'s sound: every rung\'s sound is what it would have encoded itself, a late start kept', async () => {
    // Sound that starts half a second after the picture (an edit list shifts it), as phones write.
    const picture = await makeHevc('sound-picture.mp4', '1280x720', 30, HLG)
    const late = path.join(process.env.B2C_TEST_ROOT!, 'sound-late.mp4')
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', picture, '-itsoffset', '0.5', '-i', picture, '-map', '0:v', '-map', '1:a', '-c', 'copy', late])
    const probed = await probe(late)
    expect(probed.audioOffset).toBeCloseTo(0.5, 1)

    const outDir = (name: string) => path.join(process.env.B2C_TEST_ROOT!, `sound-${name}`, 'out')
    const withPreview = planPipeline(probed, { input: late, outDir: outDir('with') })
    const alone = planPipeline(probed, { input: late, outDir: outDir('alone'), previewFirst: false })
    expect(withPreview.ladder.secondInput).toBe(withPreview.preview!.rendition.mp4)
    expect(alone.ladder.secondInput).toBeUndefined()

    for (const dir of [outDir('with'), outDir('alone')]) fs.mkdirSync(dir, { recursive: true })
    await runFfmpeg(withPreview.preview!.job)
    await runFfmpeg(withPreview.ladder)
    await runFfmpeg(alone.ladder)

    // What a player gets: each packet's bytes (length and hash) and time, and the sound's start
    // against the picture's.
    const sound = async (file: string) => {
      const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'a', '-show_packets', '-show_data_hash', 'sha256', '-show_entries', 'packet=pts_time,size,data_hash', '-of', 'csv=p=0', file], { maxBuffer: 64 * 1024 * 1024 })
      const packets = stdout.trim().split('\n').map((line) => line.split(','))
      const { streams } = await ffprobeJson(file)
      const start = (type: string) => Number(streams.find((stream) => stream.codec_type === type)?.start_time)
      return { bytes: packets.map(([, size, hash]) => `${size} ${hash}`), times: packets.map(([time]) => Number(time)), offset: start('audio') - start('video') }
    }
    const expectSameSound = (copied: Awaited<ReturnType<typeof sound>>, encoded: Awaited<ReturnType<typeof sound>>) => {
      expect(copied.bytes.length).toBeGreaterThan(50)
      expect(copied.bytes).toEqual(encoded.bytes)
      // The same instants, to the millisecond the MP4's edit list is written in.
      expect(Math.max(...copied.times.map((time, i) => Math.abs(time - encoded.times[i])))).toBeLessThanOrEqual(0.0015)
      expect(copied.offset).toBeCloseTo(0.5, 1)
    }
    expect(withPreview.renditions.map((rendition) => rendition.label)).toEqual(['720p', '480p'])
    for (const [i, rendition] of withPreview.renditions.entries()) {
      expectSameSound(await sound(rendition.mp4), await sound(alone.renditions[i].mp4))
      expectSameSound(await sound(rendition.hlsPlaylist), await sound(alone.renditions[i].hlsPlaylist))
    }
  }, 180_000)
})
