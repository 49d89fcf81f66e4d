/**
 * Issue #12, item 2: the fast path (the source's own H.264 copied as the top rung) may be taken
 * only when the copy keeps every promise of the ladder (SPEC §5): at most 60 fps, constant, a
 * bitrate within 1.5× the rung's cap, profile up to High, level up to 4.2, audio starting with
 * the video. A 120 fps slow-motion clip, a 60 Mbit/s clip and a level 5.1 clip, all H.264 made by
 * ffmpeg, are encoded instead, and every published rendition is checked with ffprobe.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

import { describe, expect, test } from '@jest/globals'

import { uploadAndProcess } from '../helpers/clips'
import { useServer } from '../helpers/server'
import { ffprobeJson, fileOf } from '../helpers/videoAssertions'
import { isWebCompatible } from '../../src/video/plan'
import { probe } from '../../src/video/probe'

const server = useServer()
const run = promisify(execFile)

const make = async (name: string, args: string[]) => {
  const file = path.join(process.env.B2C_TEST_ROOT!, name)
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, file])
  return file
}
const picture = (size: string, rate: number, seconds = 2) => ['-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${rate}:duration=${seconds}`]
const tone = (seconds = 2) => ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`]
const h264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest']

/** Every way a copy could break a promise, each in an otherwise web-compatible H.264 file. */
const BROKEN_PROMISES = {
  '120 fps (a phone\'s slow motion)': () => make('slowmo-120fps.mp4', [...picture('1280x720', 120), ...tone(), ...h264, '-maxrate', '2500k', '-bufsize', '5M']),
  '60 Mbit/s': () =>
    make('60mbit.mp4', [...picture('1920x1080', 30), ...tone(), '-vf', 'noise=alls=40:allf=t', ...h264, '-b:v', '60M', '-minrate', '60M', '-maxrate', '60M', '-bufsize', '30M']),
  'level 5.1': () => make('level51.mp4', [...picture('1920x1080', 30), ...tone(), ...h264, '-level', '5.1', '-maxrate', '4M', '-bufsize', '8M']),
}

/** The ladder's caps (kbit/s) by the rung's short side, 1.5× above 30 fps (src/video/plan.ts). */
const capKbps = (short: number, fps: number) => (short >= 1080 ? 5000 : short >= 720 ? 3000 : short >= 480 ? 1400 : 800) * (fps > 30 ? 1.5 : 1)
const ratio = (value = '0/1') => {
  const [num, den] = value.split('/').map(Number)
  return den ? num / den : num
}

describe('sources the fast path must not copy', () => {
  test.each(Object.entries(BROKEN_PROMISES))('%s: encoded; no rendition above 60 fps, 1.5× its cap or level 4.2', async (name, makeSource) => {
    const source = await makeSource()
    const probed = await probe(source)
    if (name === '60 Mbit/s') expect(probed.videoBitrate).toBeGreaterThan(40_000_000)
    if (name === 'level 5.1') expect(probed.videoLevel).toBe(51)
    if (name.startsWith('120')) expect(probed.sourceFps).toBeCloseTo(120, 0)
    expect(isWebCompatible(probed)).toBe(false)

    const clip = await uploadAndProcess(server.current.payload, source, name)
    expect(clip.processing?.status).toBe('ready')
    for (const rendition of clip.renditions ?? []) {
      const { streams } = await ffprobeJson(fileOf(rendition.url!))
      const video = streams.find((stream) => stream.codec_type === 'video')!
      const fps = ratio(video.avg_frame_rate)
      expect({ rendition: rendition.label, fps: fps <= 60.01, level: Number(video.level) <= 42, profile: video.profile }).toEqual({
        rendition: rendition.label,
        fps: true,
        level: true,
        profile: 'High',
      })
      const short = Math.min(video.width!, video.height!)
      expect(Number(video.bit_rate) / 1000).toBeLessThanOrEqual(capKbps(short, fps) * 1.5)
    }
  }, 240_000)
})

describe('sources the fast path still copies', () => {
  test('a web-ready 1080p30 H.264 at 4 Mbit/s with audio from the start', async () => {
    const source = await make('web-ready-1080p.mp4', [...picture('1920x1080', 30), ...tone(), ...h264, '-maxrate', '4M', '-bufsize', '8M'])
    expect(isWebCompatible(await probe(source))).toBe(true)
  })

  test('but not when its audio starts half a second after the picture (an edit list shifts it)', async () => {
    const audio = await make('late-audio.m4a', [...tone(), '-c:a', 'aac'])
    const picture1080 = await make('picture-only.mp4', [...picture('1920x1080', 30), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-maxrate', '4M', '-bufsize', '8M'])
    const shifted = await make('shifted-audio.mp4', ['-i', picture1080, '-itsoffset', '0.5', '-i', audio, '-map', '0:v', '-map', '1:a', '-c', 'copy'])
    const probed = await probe(shifted)
    expect(probed.audioOffset).toBeCloseTo(0.5, 1)
    expect(isWebCompatible(probed)).toBe(false)
  })
})
