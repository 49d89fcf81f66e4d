import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

const target = (name: string) => path.join(process.env.B2C_TEST_ROOT!, name)

/** Runs ffmpeg with `args` to make `name` in this test file's folder; its path. */
export const ffmpeg = async (name: string, args: string[]): Promise<string> => {
  const file = target(name)
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, file])
  return file
}

const picture = (size: string, rate: number | string, seconds: number) =>
  ['-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${rate}:duration=${seconds}`]
const tone = (seconds: number, rate = 48000) => ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=${rate}:duration=${seconds}`]

/** Makes a small real video with ffmpeg's test source (tests never ship media files). */
export const makeTestVideo = (name = 'clip.mp4', seconds = 1) =>
  ffmpeg(name, [...picture('160x120', 10, seconds), '-pix_fmt', 'yuv420p'])

/**
 * Sources like the ones phones, cameras and screen recorders make (SPEC §5 and issue #3),
 * generated with lavfi so the repository carries no media.
 */
export const SOURCES = {
  /** Web-compatible landscape 1080p H.264/AAC with a GPS tag: the fast path. */
  landscape1080: () =>
    ffmpeg('landscape1080.mp4', [
      ...picture('1920x1080', 30, 2), ...tone(2),
      '-c:v', 'libx264', '-preset', 'ultrafast', '-maxrate', '4M', '-bufsize', '8M', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
      '-metadata', 'location=+55.6761+012.5683/', '-movflags', '+faststart',
    ]),
  /** A phone's portrait clip: HEVC stored landscape with a 90° display matrix, and a location. */
  portraitHevc: async () => {
    const stored = await ffmpeg('portrait-stored.mp4', [
      ...picture('640x360', 30, 2), ...tone(2),
      '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-tag:v', 'hvc1', '-pix_fmt', 'yuv420p',
      '-c:a', 'aac', '-shortest',
    ])
    // ffmpeg 5's mov muxer turns the legacy rotate tag into a display matrix, as phones write it
    return ffmpeg('portrait-hevc.mov', [
      '-i', stored, '-c', 'copy', '-metadata:s:v:0', 'rotate=90',
      '-metadata', 'location=+55.6761+012.5683/', '-f', 'mov',
    ])
  },
  vp9Opus: () =>
    ffmpeg('vp9-opus.webm', [
      ...picture('640x360', 25, 2), ...tone(2),
      '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '500k', '-c:a', 'libopus', '-shortest',
    ]),
  /** Frames at irregular intervals, as a phone in low light or a screen recorder writes them. */
  variableFrameRate: () =>
    ffmpeg('vfr.mp4', [
      ...picture('640x360', 30, 3), ...tone(3),
      '-vf', "setpts='if(lt(N,30),N/(30*TB),if(lt(N,45),(1+(N-30)/15)/TB,(2+(N-45)/30)/TB))'",
      '-fps_mode', 'vfr', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
    ]),
  noAudio: () => ffmpeg('no-audio.mp4', [...picture('640x360', 25, 2), '-c:v', 'libx264', '-preset', 'ultrafast', '-maxrate', '800k', '-bufsize', '1600k', '-pix_fmt', 'yuv420p']),
  oddSize: () =>
    ffmpeg('odd-853x479.mkv', [...picture('856x480', 25, 2), ...tone(2), '-vf', 'scale=853:479', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv444p', '-c:a', 'aac', '-shortest']),
  /** 720x576 stored with 16:11 pixels (anamorphic): shown 1047 wide. */
  anamorphic: () =>
    ffmpeg('anamorphic.mp4', [...picture('720x576', 25, 2), ...tone(2), '-vf', 'setsar=16/11', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest']),
  hlg10bit: () =>
    ffmpeg('hlg-10bit.mp4', [
      ...picture('1280x720', 30, 2), ...tone(2),
      '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-pix_fmt', 'yuv420p10le',
      '-color_primaries', 'bt2020', '-color_trc', 'arib-std-b67', '-colorspace', 'bt2020nc', '-c:a', 'aac', '-shortest',
    ]),
  uhd4k: () =>
    ffmpeg('uhd-4k.mp4', [...picture('3840x2160', 25, 1), ...tone(1), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest']),
  /** Long enough that a worker can be killed halfway through its transcode. */
  longLandscape: () =>
    ffmpeg('long-landscape.mp4', [...picture('1920x1080', 30, 20), ...tone(20), '-c:v', 'libx264', '-preset', 'ultrafast', '-maxrate', '4M', '-bufsize', '8M', '-pix_fmt', 'yuv420p', '-vf', 'setsar=1,hue=s=0.8', '-c:a', 'aac', '-shortest']),
  oneSecond: () =>
    ffmpeg('one-second.mp4', [...picture('1280x720', 30, 1), ...tone(1), '-c:v', 'libx264', '-preset', 'ultrafast', '-maxrate', '2500k', '-bufsize', '5M', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest']),
  audioOnly: () => ffmpeg('audio-only.m4a', [...tone(2, 44100), '-c:a', 'aac']),
  /** The first 40% of an MP4 whose index (moov) is at the end: unreadable. */
  truncated: async () => {
    const whole = await ffmpeg('whole.mp4', [...picture('640x360', 25, 3), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'])
    const bytes = fs.readFileSync(whole)
    const file = target('truncated.mp4')
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.4)))
    return file
  },
  zeroBytes: async () => {
    const file = target('empty.mp4')
    fs.writeFileSync(file, '')
    return file
  },
  textAsMp4: async () => {
    const file = target('not-a-video.mp4')
    fs.writeFileSync(file, 'Dette er ikke en video, bare tekst med et forkert filnavn.\n'.repeat(20))
    return file
  },
} as const
