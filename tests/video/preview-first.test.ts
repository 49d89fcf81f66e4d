/**
 * Issue #12, item 1: a source that cannot be remuxed (here an iPhone-like HEVC 10-bit HLG clip)
 * is playable at a quick 360p preview, encoded before the ladder, long before it is ready: the
 * clip says `preview`, the rendition is an SDR H.264 at most 30 fps that plays anywhere, the
 * public API and /media serve it once the clip is public, and the finished ladder replaces it
 * with nothing of the preview left behind. A worker killed between the preview and the ladder
 * leaves the preview playable, and the next worker finishes the clip.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { beforeAll, expect, test } from '@jest/globals'

import type { Clip } from '../../src/payload-types'
import { runVideoQueue, waitForClipJobsToEnd } from '../helpers/clips'
import { ffmpegProcesses, isLadder, waitFor } from '../helpers/ffmpegProcesses'
import { createPeople, PASSWORD } from '../helpers/fixtures'
import { client, login } from '../helpers/http'
import { expectMediaStoreConsistent } from '../helpers/mediaInvariant'
import { startWorkerProcess } from '../helpers/process'
import { useServer } from '../helpers/server'
import { publishStory } from '../helpers/stories'
import { expectWebReadyClip, ffprobeJson, fileOf } from '../helpers/videoAssertions'

const server = useServer({ runJobs: false })
let people: Awaited<ReturnType<typeof createPeople>>
let hlgSource: string

/** 20 s of 720p HEVC 10-bit HLG with sound, as an iPhone records (smaller, for the test's time). */
const makeHlg = async (name: string) => {
  const file = path.join(process.env.B2C_TEST_ROOT!, name)
  await promisify(execFile)('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=20', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=20',
    '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-pix_fmt', 'yuv420p10le',
    '-color_primaries', 'bt2020', '-color_trc', 'arib-std-b67', '-colorspace', 'bt2020nc', '-tag:v', 'hvc1', '-c:a', 'aac', '-shortest', file,
  ])
  return file
}

beforeAll(async () => {
  people = await createPeople(server.current.payload)
  hlgSource = await makeHlg('iphone-hlg.mov')
}, 300_000)

const readClip = (id: number | string) => server.current.payload.findByID({ collection: 'clips', id, depth: 0, overrideAccess: true }) as Promise<Clip>

/** Polls the clip until `until` says so, handing each state seen to `onState`. */
const watchClip = async (id: number | string, until: (clip: Clip) => boolean, onState: (clip: Clip) => Promise<void> | void, timeoutMs = 240_000) => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const clip = await readClip(id)
    await onState(clip)
    if (until(clip)) return clip
    if (clip.processing?.status === 'failed') throw new Error(`clip failed: ${clip.processing.error}`)
    if (Date.now() > deadline) throw new Error(`clip stayed ${clip.processing?.status}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const expectPlayableSdrH264 = async (file: string) => {
  const { streams } = await ffprobeJson(file)
  const video = streams.find((stream) => stream.codec_type === 'video')!
  expect({ codec: video.codec_name, pixels: video.pix_fmt, transfer: video.color_transfer ?? 'bt709', primaries: video.color_primaries ?? 'bt709' }).toEqual({
    codec: 'h264',
    pixels: 'yuv420p',
    transfer: 'bt709',
    primaries: 'bt709',
  })
  const [num, den] = video.avg_frame_rate!.split('/').map(Number)
  expect(num / den).toBeLessThanOrEqual(60.01)
  expect(streams.some((stream) => stream.codec_type === 'audio')).toBe(true)
}

test('an HLG clip plays at its preview (public API and /media included) before the ladder, and ends ready with nothing of the preview left', async () => {
  const { payload } = server.current
  const created = await payload.create({
    collection: 'clips',
    data: { title: 'iPhone HLG', consent: { confirmed: true, records: [{ person: 'Beboer', role: 'resident', givenAt: '2026-01-01', scope: ['web'] }] } } as never,
    filePath: hlgSource,
  })
  const anonymous = client(server.current.url)
  const running = runVideoQueue(payload)

  let preview: Clip | undefined
  let publicDuringPreview: { renditions?: { label: string; url: string }[]; hlsUrl?: string | null } | undefined
  let slug = ''
  const ready = await watchClip(created.id, (clip) => clip.processing?.status === 'ready', async (clip) => {
    if (preview || clip.processing?.status !== 'preview') return
    preview = clip
    // While the ladder encodes: the preview file is whole and plays anywhere.
    await expectPlayableSdrH264(fileOf(clip.renditions![0].url!))
    // A published story may show it now, and the public sees the preview.
    const story = await publishStory(payload, { housing: people.housing.id, company: people.company.id, clips: [clip.id] })
    slug = story.slug!
    const res = await anonymous.request(`/api/public/stories/${slug}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { clips: { id: string; renditions?: { label: string; url: string }[]; hlsUrl?: string | null }[] }
    publicDuringPreview = body.clips.find((shown) => shown.id === String(clip.id))
    const file = await anonymous.request(new URL(clip.renditions![0].url!, server.current.url).pathname)
    expect(file.status).toBe(200)
  })
  await running

  expect(preview).toBeDefined()
  expect(preview!.renditions!.map((rendition) => rendition.label)).toEqual(['360p'])
  expect(preview!.renditions![0]).toMatchObject({ width: 640, height: 360 })
  expect(preview!.renditions![0].url).toMatch(/\/preview-[\w-]+\/360p\.mp4$/)
  expect(preview!.hlsUrl ?? null).toBeNull()
  expect(publicDuringPreview?.renditions?.map((rendition) => rendition.label)).toEqual(['360p'])

  // Ready: the whole ladder, from the version folder; the preview's folder is gone.
  expect(ready.renditions!.map((rendition) => rendition.label)).toEqual(['720p', '480p'])
  const withPoster = await payload.findByID({ collection: 'clips', id: created.id, depth: 1, overrideAccess: true })
  await expectWebReadyClip(withPoster, { portrait: false, hasAudio: true, fastPath: false })
  const previewFolder = path.dirname(fileOf(preview!.renditions![0].url!))
  expect(fs.existsSync(previewFolder)).toBe(false)
  await expectMediaStoreConsistent(payload)
  // The public API shows the new rungs on the next request.
  const after = (await (await anonymous.request(`/api/public/stories/${slug}`)).json()) as { clips: { id: string; renditions?: { label: string }[]; hlsUrl?: string | null }[] }
  const shown = after.clips.find((clip) => clip.id === String(created.id))
  expect(shown?.renditions?.map((rendition) => rendition.label)).toEqual(['720p', '480p'])
  expect(shown?.hlsUrl).toMatch(/master\.m3u8$/)
}, 300_000)

test('a worker killed after the preview leaves it playable, and the next worker finishes the clip', async () => {
  const { payload } = server.current
  const created = await payload.create({ collection: 'clips', data: { title: 'Afbrudt efter forhåndsvisningen' } as never, filePath: hlgSource })
  const first = startWorkerProcess({ JOB_LEASE_SECONDS: '4', TRANSCODE_CONCURRENCY: '1' })
  const atPreview = await watchClip(created.id, (clip) => clip.processing?.status === 'preview', () => undefined, 180_000)
  first.child.kill('SIGKILL')
  await new Promise((resolve) => first.child.once('exit', resolve))

  // Meanwhile: still the preview, and its file is there.
  const meanwhile = await readClip(created.id)
  expect(meanwhile.processing?.status).toBe('preview')
  expect(meanwhile.renditions![0].url).toBe(atPreview.renditions![0].url)
  await expectPlayableSdrH264(fileOf(meanwhile.renditions![0].url!))

  const second = startWorkerProcess({ JOB_LEASE_SECONDS: '4', TRANSCODE_CONCURRENCY: '1' })
  try {
    const seen = new Set<string>()
    const ready = await watchClip(created.id, (clip) => clip.processing?.status === 'ready', (clip) => {
      seen.add(clip.processing?.status ?? '')
      // Never hidden again while the next worker starts over: a preview, or the ladder done.
      expect(clip.renditions?.length ?? 0).toBeGreaterThan(0)
    }, 240_000)
    expect([...seen].filter((status) => status !== 'preview' && status !== 'ready')).toEqual([])
    expect(ready.renditions!.map((rendition) => rendition.label)).toEqual(['720p', '480p'])
    // The worker's job removes the preview's folder right after it saves `ready`: look at the
    // files once the job has ended, not at the status (seen in CI under load: the folder was
    // still there a moment after `ready`).
    await waitForClipJobsToEnd(payload, created.id)
    await expectMediaStoreConsistent(payload)
  } finally {
    second.child.kill('SIGTERM')
    await new Promise((resolve) => second.child.once('exit', resolve))
  }
}, 400_000)

test('a ladder that fails after the preview keeps the preview and says why; "Behandl igen" keeps it playable and ends ready', async () => {
  const { payload } = server.current
  const created = await payload.create({ collection: 'clips', data: { title: 'Stigen stoppede' } as never, filePath: hlgSource })
  const run = payload.jobs.run({ queue: 'video', limit: 1 })
  await watchClip(created.id, (clip) => clip.processing?.status === 'preview', () => undefined, 180_000)
  const ladder = await waitFor('the ladder ffmpeg', () => ffmpegProcesses(isLadder)[0], 60_000, 30)
  process.kill(ladder.pid, 'SIGKILL')
  await run

  const kept = await readClip(created.id)
  expect(kept.processing).toMatchObject({ status: 'preview', error: expect.stringMatching(/^Koderen stoppede uventet/) })
  expect(kept.renditions!.map((rendition) => rendition.label)).toEqual(['360p'])
  await expectPlayableSdrH264(fileOf(kept.renditions![0].url!))
  // Only the preview is left on disk, and it is named by the clip.
  await expectMediaStoreConsistent(payload)

  // The queue's retry (minutes away) is not waited for: an editor asks again at once, and the
  // clip plays on meanwhile.
  const editor = await login(server.current.url, 'editor@test.dk', PASSWORD)
  const again = await editor.request(`/api/clips/${created.id}/reprocess`, { method: 'POST' })
  expect(again.status).toBe(202)
  expect((await readClip(created.id)).processing?.status).toBe('preview')
  await runVideoQueue(payload)
  const ready = await readClip(created.id)
  expect(ready.processing?.status).toBe('ready')
  expect(ready.renditions!.map((rendition) => rendition.label)).toEqual(['720p', '480p'])
  await expectMediaStoreConsistent(payload)
}, 400_000)
