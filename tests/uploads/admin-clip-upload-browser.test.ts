/**
 * Issue #11, item 4, in Chromium: an editor picks a video in the clip's resumable upload control
 * in the admin; it goes through tus to /api/uploads, /api/clips/from-upload makes it a clip, the
 * admin opens that clip, and the pipeline (run by the app itself) ends with a processed clip
 * whose original is the picked file, byte for byte. A PATCH cut on its way is retried by the
 * control itself, and after a reload the same file resumes where the server is. Next dev, a
 * real browser, real ffmpeg.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { Browser, Page } from 'playwright-core'

import type { Clip } from '../../src/payload-types'
import { launchChromium } from '../helpers/browser'
import { makeTestVideo } from '../helpers/media'
import { ADMIN_DEV_START_MS, logInToAdmin, startAdminDevApp, stopAdminDevApp } from '../helpers/adminDev'
import type { AppProcess } from '../helpers/process'

const ADMIN = { email: 'redaktoer@example.dk', password: 'en-lang-adgangskode-1' }

let app: AppProcess
let base: string
let browser: Browser

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')
const MB = 1024 * 1024
/** The control's chunk size (ClipTusUpload.tsx). */
const CHUNK = 16 * MB

/** About 36 MB of lossless noise: three of the control's chunks, and still quick to transcode. */
const largeVideo = async (name: string) => {
  const file = path.join(process.env.B2C_TEST_ROOT!, name)
  await promisify(execFile)('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', "nullsrc=s=320x240:r=25:d=12,geq=lum='random(1)*255':cb=128:cr=128",
    '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-pix_fmt', 'yuv420p', file,
  ])
  return file
}

const loggedInPage = async (): Promise<Page> => {
  const page = await browser.newPage()
  await logInToAdmin(page, base, ADMIN)
  return page
}

const adminToken = async () => {
  const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
  return ((await login.json()) as { token: string }).token
}

const originalSha = async (token: string, clip: Clip) => {
  const original = await fetch(new URL(clip.url!, base), { headers: { authorization: `JWT ${token}` } })
  expect(original.status).toBe(200)
  return sha256(new Uint8Array(await original.arrayBuffer()))
}

beforeAll(async () => {
  // The app runs the pipeline itself, as in production.
  ;({ app, base } = await startAdminDevApp('admin-clip-upload', ADMIN, { runJobs: true }))
  browser = await launchChromium()
}, ADMIN_DEV_START_MS)
afterAll(async () => {
  await browser?.close()
  await stopAdminDevApp(app)
})

/** The clip as the REST API gives it to the administrator, once its pipeline has ended. */
const waitForProcessed = async (token: string, id: string): Promise<Clip> => {
  const until = Date.now() + 300_000
  for (;;) {
    const res = await fetch(`${base}/api/clips/${id}?depth=0`, { headers: { authorization: `JWT ${token}` } })
    const clip = (await res.json()) as Clip
    const status = clip.processing?.status
    if (status === 'ready' || status === 'failed' || Date.now() > until) return clip
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

test('an editor picks a video in the resumable upload control and ends with a processed clip of the same bytes', async () => {
  const videoPath = await makeTestVideo('admin-tus-browser.mp4', 3)
  const page = await loggedInPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))

  await page.goto(`${base}/admin/collections/clips/create`, { timeout: 240_000 })
  const control = page.locator('[data-testid="clip-tus-upload"]')
  // Danish first: the admin's default language.
  await expect(control.innerText({ timeout: 240_000 })).resolves.toContain('Stor video (kan genoptages)')
  await control.locator('input[type="file"]').setInputFiles(videoPath)
  await page.waitForURL(/\/admin\/collections\/clips\/\d+$/, { timeout: 240_000 })
  const id = /\/clips\/(\d+)$/.exec(new URL(page.url()).pathname)![1]

  const token = await adminToken()
  const clip = await waitForProcessed(token, id)
  expect(clip.processing?.status).toBe('ready')
  expect(clip.title).toBe('admin-tus-browser')
  expect(await originalSha(token, clip)).toBe(sha256(fs.readFileSync(videoPath)))
  expect(errors).toEqual([])
  await page.close()
}, 900_000)

test('a PATCH cut on its way is retried by itself; after a reload the same file is offered and resumes from the server\'s offset', async () => {
  const videoPath = await largeVideo('admin-tus-large.mp4')
  const size = fs.statSync(videoPath).size
  expect(size).toBeGreaterThan(2 * CHUNK)
  const page = await loggedInPage()
  const creations: string[] = []
  const patches: { offset: number; afterReload: boolean }[] = []
  let reloaded = false
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/api/uploads')) return
    if (request.method() === 'POST') creations.push(request.url())
    if (request.method() === 'PATCH') patches.push({ offset: Number(request.headers()['upload-offset']), afterReload: reloaded })
  })
  // The second chunk's first attempt never reaches the server: the connection is reset. The
  // third chunk gets through only after the reload: until then the upload stands at two chunks.
  let cut = false
  let holdThird = true
  await page.route('**/api/uploads/*', (route) => {
    const request = route.request()
    const offset = request.method() === 'PATCH' ? request.headers()['upload-offset'] : undefined
    if (!cut && offset === String(CHUNK)) {
      cut = true
      return route.abort('connectionreset')
    }
    if (holdThird && offset === String(2 * CHUNK)) return route.abort('connectionreset')
    return route.continue()
  })

  await page.goto(`${base}/admin/collections/clips/create`, { timeout: 240_000 })
  const control = page.locator('[data-testid="clip-tus-upload"]')
  await control.waitFor({ timeout: 240_000 })
  const secondChunkStored = page.waitForResponse(
    (res) => res.request().method() === 'PATCH' && res.request().headers()['upload-offset'] === String(CHUNK) && res.status() === 204,
    { timeout: 240_000 },
  )
  await control.locator('input[type="file"]').setInputFiles(videoPath)
  await secondChunkStored
  expect(cut).toBe(true)

  // Mid-upload (the third chunk failing), the editor reloads and picks the same file again.
  await page.reload({ timeout: 240_000 })
  reloaded = true
  holdThird = false
  await control.waitFor({ timeout: 240_000 })
  await control.locator('input[type="file"]').setInputFiles(videoPath)
  // Nothing is sent before the editor answers the offer, in Danish.
  const offer = control.locator('[data-testid="clip-tus-offer"]')
  await expect(offer.innerText({ timeout: 60_000 })).resolves.toContain('Vil du fortsætte, hvor den slap?')
  expect(patches.filter((patch) => patch.afterReload)).toEqual([])
  await offer.getByRole('button', { name: 'Fortsæt uploaden' }).click()
  await page.waitForURL(/\/admin\/collections\/clips\/\d+$/, { timeout: 240_000 })
  const id = /\/clips\/(\d+)$/.exec(new URL(page.url()).pathname)![1]

  // One upload only, created once; the cut chunk was sent again by itself; after the reload
  // the upload went on from the server's offset (two chunks), sending nothing before it again.
  expect(creations).toHaveLength(1)
  expect(patches.filter((patch) => patch.offset === CHUNK && !patch.afterReload)).toHaveLength(2)
  expect(patches.filter((patch) => patch.afterReload).map((patch) => patch.offset)).toEqual([2 * CHUNK])

  const token = await adminToken()
  const clip = (await (await fetch(`${base}/api/clips/${id}?depth=0`, { headers: { authorization: `JWT ${token}` } })).json()) as Clip
  expect(await originalSha(token, clip)).toBe(sha256(fs.readFileSync(videoPath)))
  await page.close()
}, 900_000)

test('after a reload, "Start forfra" deletes the unfinished upload on the server and sends the file anew', async () => {
  const videoPath = await largeVideo('admin-tus-over.mp4')
  const page = await loggedInPage()
  const creations: string[] = []
  page.on('response', (res) => {
    if (res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/uploads' && res.status() === 201) creations.push(res.headers().location)
  })
  // The upload stops after its first chunk: the second never gets through before the reload.
  let holdSecond = true
  await page.route('**/api/uploads/*', (route) =>
    holdSecond && route.request().method() === 'PATCH' && route.request().headers()['upload-offset'] === String(CHUNK) ? route.abort('connectionreset') : route.continue(),
  )
  await page.goto(`${base}/admin/collections/clips/create`, { timeout: 240_000 })
  const control = page.locator('[data-testid="clip-tus-upload"]')
  const firstChunkStored = page.waitForResponse((res) => res.request().method() === 'PATCH' && res.status() === 204, { timeout: 240_000 })
  await control.locator('input[type="file"]').setInputFiles(videoPath)
  await firstChunkStored
  await page.reload({ timeout: 240_000 })
  holdSecond = false
  await control.locator('input[type="file"]').setInputFiles(videoPath)
  await control.locator('[data-testid="clip-tus-offer"]').getByRole('button', { name: 'Start forfra' }).click()
  await page.waitForURL(/\/admin\/collections\/clips\/\d+$/, { timeout: 240_000 })

  // Two creations: the first upload, then the new one; the first is gone from the server.
  expect(creations).toHaveLength(2)
  const token = await adminToken()
  const old = await fetch(new URL(creations[0], base), { method: 'HEAD', headers: { 'tus-resumable': '1.0.0', authorization: `JWT ${token}` } })
  expect(old.status).toBe(404)
  const id = /\/clips\/(\d+)$/.exec(new URL(page.url()).pathname)![1]
  const clip = (await (await fetch(`${base}/api/clips/${id}?depth=0`, { headers: { authorization: `JWT ${token}` } })).json()) as Clip
  expect(await originalSha(token, clip)).toBe(sha256(fs.readFileSync(videoPath)))
  await page.close()
}, 900_000)
