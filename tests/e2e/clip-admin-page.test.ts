/**
 * Issue #15, items 2 and 3, in Chromium on the admin as an editor meets it (Next dev), with every
 * request to another host refused: a processed clip's page plays its HLS ladder through hls.js
 * from our own build, with the captions the master names; the captions are visible and editable,
 * and `.srt`/`.vtt` files chosen in the page fill the field (SRT stored as WebVTT); the page lists
 * the story that uses the clip; a submission with that clip as its video plays it too.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import type { Call, Clip, Story, Submission } from '../../src/payload-types'
import { ADMIN_DEV_START_MS, logInToAdmin, startAdminDevApp, stopAdminDevApp } from '../helpers/adminDev'
import { launchChromium } from '../helpers/browser'
import { expectFirstVideoPlays } from '../helpers/pages'
import type { AppProcess } from '../helpers/process'
import { validSubmission } from '../helpers/submissions'

const ADMIN = { email: 'redaktoer@example.dk', password: 'en-lang-adgangskode-1' }
const NAME = 'clip-admin-page'
const STORY_TITLE = 'Cykelværkstedet i gården (klip-test)'
const FIRST_VTT = 'WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nVelkommen til værkstedet\n\n00:00:02.500 --> 00:00:04.000\nHer reparerer vi cykler\n'

let app: AppProcess
let base: string
let browser: Browser
let jwt: string
let clip: Clip

/** Every request to a host other than the app's is refused, and kept to assert that none was tried. */
const isolatedContext = async () => {
  const context = await browser.newContext()
  const foreign: string[] = []
  const appHost = new URL(base).host
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.protocol.startsWith('http') && url.host !== appHost) {
      foreign.push(url.href)
      return route.abort('blockedbyclient')
    }
    return route.continue()
  })
  return { context, foreign }
}

/** Console errors and uncaught exceptions of the page: there must be none. */
const recordErrors = (page: Page) => {
  const errors: string[] = []
  page.on('console', (message) => message.type() === 'error' && errors.push(`${message.text()} (${message.location().url})`))
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

const api = async <T,>(method: string, url: string, body?: unknown): Promise<T> => {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { authorization: `JWT ${jwt}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = (await res.json()) as T
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

const storedVtt = async () => (await api<Clip>('GET', `/api/clips/${clip.id}?depth=0`)).captions?.[0]?.vtt

/** Waits until the server has the caption text `expected` (the admin saves in the background). */
const waitForStoredVtt = async (expected: (vtt: string) => boolean) => {
  const until = Date.now() + 60_000
  let vtt = await storedVtt()
  while (!(vtt && expected(vtt)) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    vtt = await storedVtt()
  }
  return vtt
}

beforeAll(async () => {
  ;({ app, base } = await startAdminDevApp(NAME, ADMIN, { runJobs: true }))
  browser = await launchChromium()
  const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
  jwt = ((await login.json()) as { token: string }).token

  // A short clip with sound, made here, uploaded with Danish captions and processed by the app.
  const source = path.join(process.env.B2C_TEST_ROOT!, NAME, 'vaerksted.mp4')
  await promisify(execFile)('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=6', '-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=48000:duration=6',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', source,
  ])
  const form = new FormData()
  form.append('file', new Blob([fs.readFileSync(source)], { type: 'video/mp4' }), 'vaerksted.mp4')
  form.append('_payload', JSON.stringify({ title: 'Værkstedet', captions: [{ language: 'da', label: 'Dansk', vtt: FIRST_VTT }] }))
  const created = await fetch(`${base}/api/clips`, { method: 'POST', headers: { authorization: `JWT ${jwt}` }, body: form })
  expect(created.status).toBe(201)
  const id = ((await created.json()) as { doc: Clip }).doc.id
  const until = Date.now() + 300_000
  for (;;) {
    clip = await api<Clip>('GET', `/api/clips/${id}?depth=0`)
    if (clip.processing?.status === 'ready') break
    if (clip.processing?.status === 'failed' || Date.now() > until) throw new Error(`clip ${id}: ${JSON.stringify(clip.processing)}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  expect(clip.hlsUrl).toMatch(/master\.m3u8$/)
}, ADMIN_DEV_START_MS + 360_000)

afterAll(async () => {
  await browser?.close()
  await stopAdminDevApp(app)
})

let context: BrowserContext | undefined
afterAll(async () => context?.close())

test('the clip page plays HLS with its captions, lists its story, and the captions are editable and take .srt and .vtt files', async () => {
  const story = (await api<{ doc: Story }>('POST', '/api/stories?draft=true', { title: STORY_TITLE, clips: [clip.id], _status: 'draft' })).doc

  const isolated = await isolatedContext()
  context = isolated.context
  const page = await context.newPage()
  const errors = recordErrors(page)
  // Payload's save button is enabled only with a change: a value set by the file picker counts.
  const textarea = page.locator('textarea#field-captions__0__vtt')
  const saveButton = page.locator('#action-save')
  const save = async () => {
    await expect(saveButton.isEnabled()).resolves.toBe(true)
    await saveButton.click()
  }
  // After a save the admin puts the saved document back into the form once the server answers;
  // the next step starts from a fresh page, which shows what the server stored.
  const reopen = async (expected: string) => {
    await page.reload({ timeout: 120_000 })
    await textarea.waitFor({ timeout: 60_000 })
    await expect(textarea.inputValue()).resolves.toBe(expected)
  }
  await logInToAdmin(page, base, ADMIN)
  await page.goto(`${base}/admin/collections/clips/${clip.id}`, { timeout: 240_000 })

  // The player: hls.js (from our own build) on the master, which names the Danish captions.
  const player = page.locator('.clip-admin__player video')
  await page.locator('.clip-admin__player video[data-player="hls.js"]').waitFor({ timeout: 120_000 })
  await expect(player.getAttribute('src')).resolves.toMatch(/^blob:/)
  await expectFirstVideoPlays(page)
  await page.waitForFunction(
    () => {
      const tracks = Array.from((document.querySelector('.clip-admin__player video') as HTMLVideoElement).textTracks)
      return tracks.some((track) => track.language === 'da' && track.mode === 'showing' && (track.cues?.length ?? 0) === 2)
    },
    null,
    { timeout: 30_000 },
  )
  const tracks = await player.evaluate((video: HTMLVideoElement) => Array.from(video.textTracks).map((track) => ({ language: track.language, label: track.label })))
  expect(tracks).toEqual([{ language: 'da', label: 'Dansk' }])

  // The captions: visible, holding what was uploaded, and editable by typing.
  await textarea.waitFor({ timeout: 60_000 })
  await expect(textarea.inputValue()).resolves.toBe(FIRST_VTT)
  await textarea.click()
  await textarea.press('ControlOrMeta+End')
  await textarea.pressSequentially('\n00:00:04.500 --> 00:00:05.500\nTak fordi I så med\n')
  await save()
  const typed = await waitForStoredVtt((vtt) => vtt.includes('Tak fordi I så med'))
  expect(typed).toBe(`${FIRST_VTT}\n00:00:04.500 --> 00:00:05.500\nTak fordi I så med\n`)
  await reopen(typed!)

  // A .srt file (with the byte order mark many tools write) fills the field as it is…
  const fileInput = page.locator('.caption-file__input').first()
  await expect(page.getByText('Vælg fil (.vtt eller .srt)').first().isVisible()).resolves.toBe(true)
  const srt = '1\r\n00:00:01,000 --> 00:00:02,500\r\nHej fra værkstedet\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,250\r\nSå er cyklen klar\r\n'
  await fileInput.setInputFiles({ name: 'undertekster.srt', mimeType: 'application/x-subrip', buffer: Buffer.from(`\uFEFF${srt}`, 'utf8') })
  await page.getByText('Indholdet af "undertekster.srt" er sat ind. Husk at gemme.').waitFor({ timeout: 30_000 })
  await expect(textarea.inputValue()).resolves.toBe(srt.replace(/\r\n/g, '\n'))
  // …and is stored as WebVTT, its times converted.
  await save()
  const fromSrt = await waitForStoredVtt((vtt) => vtt.includes('Hej fra værkstedet'))
  expect(fromSrt).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHej fra værkstedet\n\n00:00:03.000 --> 00:00:04.250\nSå er cyklen klar\n')
  await reopen(fromSrt!)

  // A .vtt file round-trips unchanged.
  const vtt = 'WEBVTT\n\nNOTE Lavet i et andet program\n\n00:00:00.250 --> 00:00:01.750 line:90%\nFørste linje\nAnden linje\n\n00:00:02.000 --> 00:00:03.000\n– Og farvel!\n'
  await fileInput.setInputFiles({ name: 'undertekster.vtt', mimeType: 'text/vtt', buffer: Buffer.from(vtt, 'utf8') })
  await page.getByText('Indholdet af "undertekster.vtt" er sat ind. Husk at gemme.').waitFor({ timeout: 30_000 })
  await expect(textarea.inputValue()).resolves.toBe(vtt)
  await save()
  await expect(waitForStoredVtt((stored) => stored.includes('Og farvel'))).resolves.toBe(vtt)
  await reopen(vtt)

  // Another kind of file is refused in Danish, and the field keeps its text.
  await fileInput.setInputFiles({ name: 'noter.txt', mimeType: 'text/plain', buffer: Buffer.from('ikke undertekster', 'utf8') })
  await expect(page.getByRole('alert').filter({ hasText: 'Filen "noter.txt" er hverken .vtt eller .srt.' }).isVisible()).resolves.toBe(true)
  await expect(textarea.inputValue()).resolves.toBe(vtt)

  // The join: the story that shows this clip is listed on the clip's page (and over REST).
  const joined = (await api<Clip>('GET', `/api/clips/${clip.id}?depth=0`)).stories?.docs ?? []
  expect(joined.map((doc) => (typeof doc === 'object' ? doc.id : doc))).toEqual([story.id])
  await page.screenshot({ path: path.join(process.env.B2C_TEST_ROOT!, NAME, 'clip-page.png'), fullPage: true })
  await page.locator('#field-stories').getByText(STORY_TITLE).waitFor({ timeout: 60_000 })

  expect(isolated.foreign).toEqual([])
  expect(errors).toEqual([])
  await page.close()
}, 600_000)

test('a submission with the clip as its video plays it in the same player', async () => {
  const call = (await api<{ docs: Call[] }>('GET', '/api/calls?limit=1&depth=0')).docs[0]
  const submission = (await api<{ doc: Submission }>('POST', '/api/submissions', { ...validSubmission(String(call.id)), call: call.id, video: clip.id })).doc

  const isolated = await isolatedContext()
  const page = await isolated.context.newPage()
  const errors = recordErrors(page)
  await logInToAdmin(page, base, ADMIN)
  await page.goto(`${base}/admin/collections/submissions/${submission.id}`, { timeout: 240_000 })
  await page.getByText('Afspil videoen').first().waitFor({ timeout: 120_000 })
  await page.locator('.submission-video video[data-player="hls.js"]').waitFor({ timeout: 60_000 })
  await expectFirstVideoPlays(page)
  await page.waitForFunction(
    () => Array.from((document.querySelector('.submission-video video') as HTMLVideoElement).textTracks).some((track) => track.language === 'da'),
    null,
    { timeout: 30_000 },
  )
  await expect(page.locator('.submission-video a').getAttribute('href')).resolves.toBe(`/admin/collections/clips/${clip.id}`)

  expect(isolated.foreign).toEqual([])
  expect(errors).toEqual([])
  await isolated.context.close()
}, 600_000)
