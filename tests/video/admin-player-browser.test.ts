/**
 * Issue #12, "the admin shows it": an editor opening a clip at its preview (an iPhone-like HEVC
 * 10-bit HLG source whose ladder is not made yet) watches the preview in the admin's player at
 * once; when the ladder is done the player moves to the top rendition by itself, without a
 * reload. Next dev, Chromium, a real worker process running the real pipeline.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { Browser } from 'playwright-core'

import type { Clip } from '../../src/payload-types'
import { ADMIN_DEV_START_MS, logInToAdmin, startAdminDevApp, stopAdminDevApp } from '../helpers/adminDev'
import { launchChromium } from '../helpers/browser'
import { startWorkerProcess, type AppProcess, type WorkerProcess } from '../helpers/process'

const ADMIN = { email: 'redaktoer@example.dk', password: 'en-lang-adgangskode-1' }
const NAME = 'admin-player'

let app: AppProcess
let base: string
let browser: Browser
const workers: WorkerProcess[] = []

/** A worker on the app's own database, running the video queue as in production. */
const startWorker = () => {
  const worker = startWorkerProcess({ DATABASE_URI: `file:${path.join(process.env.B2C_TEST_ROOT!, NAME, 'b2c.sqlite')}`, JOB_LEASE_SECONDS: '4', TRANSCODE_CONCURRENCY: '1' })
  workers.push(worker)
  return worker
}

beforeAll(async () => {
  ;({ app, base } = await startAdminDevApp(NAME, ADMIN, { runJobs: false }))
  browser = await launchChromium()
}, ADMIN_DEV_START_MS)
afterAll(async () => {
  for (const worker of workers) worker.child.kill('SIGKILL')
  await browser?.close()
  await stopAdminDevApp(app)
})

const token = async () => {
  const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
  return ((await login.json()) as { token: string }).token
}

const clipState = async (jwt: string, id: number | string) =>
  (await (await fetch(`${base}/api/clips/${id}?depth=0`, { headers: { authorization: `JWT ${jwt}` } })).json()) as Clip

const waitForStatus = async (jwt: string, id: number | string, status: string, timeoutMs: number) => {
  const until = Date.now() + timeoutMs
  for (;;) {
    const clip = await clipState(jwt, id)
    if (clip.processing?.status === status) return clip
    if (clip.processing?.status === 'failed' || Date.now() > until) throw new Error(`clip ${id}: ${JSON.stringify(clip.processing)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

test('the admin plays the preview at once and moves to the finished ladder by itself', async () => {
  const source = path.join(process.env.B2C_TEST_ROOT!, 'iphone-hlg-admin.mov')
  await promisify(execFile)('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=12', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=12',
    '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-pix_fmt', 'yuv420p10le',
    '-color_primaries', 'bt2020', '-color_trc', 'arib-std-b67', '-colorspace', 'bt2020nc', '-tag:v', 'hvc1', '-c:a', 'aac', '-shortest', source,
  ])
  const jwt = await token()
  const form = new FormData()
  form.append('file', new Blob([fs.readFileSync(source)], { type: 'video/quicktime' }), 'iphone-hlg-admin.mov')
  form.append('_payload', JSON.stringify({ title: 'Forhåndsvisning i admin' }))
  const created = (await (await fetch(`${base}/api/clips`, { method: 'POST', headers: { authorization: `JWT ${jwt}` }, body: form })).json()) as { doc: Clip }

  // A worker makes the preview and is killed before the ladder: the clip waits at its preview.
  const first = startWorker()
  const atPreview = await waitForStatus(jwt, created.doc.id, 'preview', 180_000)
  first.child.kill('SIGKILL')
  await first.exited
  const previewUrl = atPreview.renditions![0].url!

  const page = await browser.newPage()
  await logInToAdmin(page, base, ADMIN)
  await page.goto(`${base}/admin/collections/clips/${created.doc.id}`, { timeout: 240_000 })
  const player = page.locator('.clip-admin__player video')
  await expect(player.getAttribute('src', { timeout: 120_000 })).resolves.toBe(previewUrl)
  await page.getByText('Du ser den første version (360p)').waitFor({ timeout: 30_000 })
  // Chromium loads and decodes it: the preview plays the whole clip, at 360p.
  await page.waitForFunction(() => (document.querySelector('.clip-admin__player video') as HTMLVideoElement | null)?.readyState! >= 1, null, { timeout: 60_000 })
  const shown = await player.evaluate((video: HTMLVideoElement) => ({ duration: video.duration, width: video.videoWidth, height: video.videoHeight, error: video.error?.code ?? null }))
  expect(shown).toEqual({ duration: expect.closeTo(12, 0) as unknown as number, width: 640, height: 360, error: null })

  // The next worker finishes the ladder; the open page moves to the top rendition by itself.
  startWorker()
  const ready = await waitForStatus(jwt, created.doc.id, 'ready', 240_000)
  const topUrl = ready.renditions![0].url!
  expect(ready.renditions![0].label).toBe('720p')
  // Issue #15: from then on it plays the HLS ladder through hls.js (a MediaSource blob, not the
  // MP4's URL), starting at the top rendition; the MP4s stay listed below it.
  await page.waitForFunction(() => document.querySelector('.clip-admin__player video')?.getAttribute('data-player') === 'hls.js', null, { timeout: 30_000 })
  await expect(player.getAttribute('src')).resolves.toMatch(/^blob:/)
  await expect(page.locator(`.clip-admin__table a[href="${topUrl}"]`).count()).resolves.toBe(1)
  await page.waitForFunction(() => (document.querySelector('.clip-admin__player video') as HTMLVideoElement | null)?.videoHeight === 720, null, { timeout: 60_000 })
  await expect(page.getByText('Du ser den første version', { exact: false }).count()).resolves.toBe(0)
  await page.close()
}, 900_000)
