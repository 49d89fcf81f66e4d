/**
 * Issue #11, item 2 (the browser): with JavaScript, /indsend sends the video and photos through
 * tus (/api/public/uploads) before the form, survives a cut connection by itself, and after a
 * reload offers to continue the same video where its upload stopped. Real server, real tus
 * uploads from Chromium over a throttled connection (CDP), real ffmpeg video.
 *
 * The video is the 200 MB: a real ffmpeg MP4 with a `free` box of random bytes after its
 * moov box (still a valid MP4, and nothing on the way can compress it), sent in the form's 5 MB
 * tus pieces over a connection throttled to 16 MB/s, so there are seconds to cut it in.
 */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser, BrowserContext, CDPSession, Page, Request } from 'playwright-core'
import sharp from 'sharp'

import type { Call, Clip, Submission } from '../../src/payload-types'
import { launchChromium } from '../helpers/browser'
import { makeTestVideo } from '../helpers/media'
import { fillSubmissionForm } from '../helpers/pages'
import { useServer } from '../helpers/server'
import { createCall } from '../helpers/submissions'

process.env.SUBMISSION_RATE_LIMIT = '1000'
process.env.UPLOAD_RATE_LIMIT = '1000'
const server = useServer()
const root = process.env.B2C_TEST_ROOT!
const VIDEO_BYTES = 200 * 1024 * 1024
let browser: Browser
let call: Call
let bigVideo: string
let photo: string

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')

beforeAll(async () => {
  call = await createCall(server.current.payload, { title: 'Genoptagne uploads 2026', videoMaxMegabytes: 250 })
  const video = await makeTestVideo('tus-form.mp4', 2)
  bigVideo = path.join(root, 'tus-form-big.mp4')
  const head = fs.readFileSync(video)
  const padding = VIDEO_BYTES - head.length - 8
  const free = Buffer.alloc(8)
  free.writeUInt32BE(padding + 8, 0)
  free.write('free', 4, 'latin1')
  fs.writeFileSync(bigVideo, Buffer.concat([head, free, randomBytes(padding)]))
  photo = path.join(root, 'tus-form.jpg')
  await sharp({ create: { width: 640, height: 480, channels: 3, background: '#4a9' } }).jpeg().toFile(photo)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const fillRequired = (page: Page, title: string) =>
  fillSubmissionForm(page, {
    organisationName: 'Boligselskabet Lærkehøj',
    organisationKind: 'housing-department',
    contactName: 'Søren Ådal',
    contactEmail: 'soeren@laerkehoej.dk',
    partnerCompanyName: 'Cykelværkstedet Øst',
    title,
    description: 'Beboere og mekanikere byggede et værksted i kælderen.',
    theme: 'Naboskab og fællesskab',
  })

/** Slow enough upstream that the upload takes several seconds, so there is a middle to cut in. */
const throttle = (cdp: CDPSession, offline = false) =>
  cdp.send('Network.emulateNetworkConditions', { offline, latency: 20, downloadThroughput: 10e6, uploadThroughput: 16e6 })

const progress = (page: Page) => page.evaluate(() => Number((document.querySelector('#upload-progress') as HTMLProgressElement).value))
const progressPast = (page: Page, percent: number) =>
  page.waitForFunction((p) => Number((document.querySelector('#upload-progress') as HTMLProgressElement | null)?.value) > p, percent, { timeout: 60_000 })

const storedSubmission = async (page: Page) => {
  const id = new URL(page.url()).searchParams.get('kvittering')!
  return (await server.current.payload.findByID({ collection: 'submissions', id, depth: 0, overrideAccess: true })) as Submission
}

const storedOriginal = async (submission: Submission) => {
  const clip = (await server.current.payload.findByID({ collection: 'clips', id: submission.video as number, overrideAccess: true })) as Clip
  const { originalPath } = await import('../../src/video/paths')
  return fs.readFileSync(originalPath(clip.filename!))
}

const isPatch = (request: Request) => request.method() === 'PATCH' && request.url().includes('/api/public/uploads/')

describe('/indsend with resumable uploads in Chromium', () => {
  it('sends the video and a photo through tus, carries on by itself after the connection is cut twice, and stores the same bytes', async () => {
    const context: BrowserContext = await browser.newContext()
    const page = await context.newPage()
    const failedPatches: string[] = []
    const formPosts: { contentType: string; size: number }[] = []
    page.on('requestfailed', (request) => {
      if (isPatch(request)) failedPatches.push(request.url())
    })
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/indsend') {
        formPosts.push({ contentType: request.headers()['content-type'] ?? '', size: request.postDataBuffer()?.length ?? 0 })
      }
    })
    await page.goto(`${server.current.url}/indsend`)
    await fillRequired(page, 'Værkstedet i kælderen')
    await page.getByLabel('Billeder').setInputFiles(photo)
    await page.getByLabel('Video').setInputFiles(bigVideo)

    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await throttle(cdp)
    await page.getByRole('button', { name: 'Send historien' }).click()
    await page.locator('.upload-progress').waitFor({ state: 'visible' })

    // Two cuts of a few seconds each, mid-upload.
    for (const at of [20, 55]) {
      await progressPast(page, at)
      await throttle(cdp, true)
      await page.waitForTimeout(3000)
      const stalledAt = await progress(page)
      await throttle(cdp, false)
      expect(stalledAt).toBeLessThan(100)
    }
    // The bar shows megabytes sent, the speed and the time left while it goes.
    const shown = await page.locator('.upload-progress__text').innerText()
    expect(shown).toMatch(/^\d+,\d af \d+,\d MB( · \d+,\d MB\/s)?( · ca\. .+ tilbage)?$|^Filerne er modtaget/)

    await page.waitForURL(/\/indsend\/tak\?kvittering=/, { timeout: 90_000 })
    expect(await page.locator('main').innerText()).toContain('Tak for jeres historie')
    expect(failedPatches.length).toBeGreaterThanOrEqual(2)

    // The form named the uploads and carried no file bytes.
    expect(formPosts).toHaveLength(1)
    expect(formPosts[0].size).toBeLessThan(64 * 1024)

    const submission = await storedSubmission(page)
    expect(submission.title).toBe('Værkstedet i kælderen')
    expect(submission.photos).toHaveLength(1)
    expect(sha256(await storedOriginal(submission))).toBe(sha256(fs.readFileSync(bigVideo)))
    // Used uploads are forgotten by the browser: nothing is offered for resuming next time.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('tus::')))).toEqual([])
    await context.close()
  })

  it('after a reload, offers to continue the same video and continues from where it stopped', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.current.url}/indsend`)
    await fillRequired(page, 'Genoptaget efter en genindlæsning')
    await page.getByLabel('Video').setInputFiles(bigVideo)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await throttle(cdp)
    await page.getByRole('button', { name: 'Send historien' }).click()
    await progressPast(page, 30)
    await page.reload()

    // Second attempt: record what the browser sends for the video.
    const creations: string[] = []
    const patchOffsets: number[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/public/uploads')) creations.push(request.url())
      if (isPatch(request)) patchOffsets.push(Number(request.headers()['upload-offset']))
    })
    await fillRequired(page, 'Genoptaget efter en genindlæsning')
    await page.getByLabel('Video').setInputFiles(bigVideo)
    const offer = page.locator('.resume-offer')
    await offer.waitFor()
    expect(await offer.innerText()).toContain('Vil du fortsætte, hvor den slap?')
    await offer.getByRole('button', { name: 'Fortsæt uploaden' }).click()
    await page.getByRole('button', { name: 'Send historien' }).click()
    await page.waitForURL(/\/indsend\/tak\?kvittering=/, { timeout: 90_000 })

    // No new upload was created; the first piece sent continued past a third of the file.
    expect(creations).toEqual([])
    const size = fs.statSync(bigVideo).size
    expect(patchOffsets[0]).toBeGreaterThan(size * 0.3)
    const submission = await storedSubmission(page)
    expect(submission.title).toBe('Genoptaget efter en genindlæsning')
    expect(sha256(await storedOriginal(submission))).toBe(sha256(fs.readFileSync(bigVideo)))
    await context.close()
  })

  it('shows the server\'s refusal of a file (415: not a video) in Danish at the video field, and sends nothing', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.current.url}/indsend`)
    await fillRequired(page, 'Ikke en video')
    const fake = path.join(root, 'noter.mp4')
    fs.writeFileSync(fake, 'Dette er bare tekst, ikke en video.\n'.repeat(200))
    const before = (await server.current.payload.count({ collection: 'submissions', overrideAccess: true })).totalDocs
    await page.getByLabel('Video').setInputFiles(fake)
    await page.getByRole('button', { name: 'Send historien' }).click()
    const error = page.locator('#video-fejl')
    await error.waitFor()
    expect(await error.innerText()).toBe('Fejl: "noter.mp4" er ikke en video')
    expect(await page.getByLabel('Video').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByRole('button', { name: 'Send historien' }).isEnabled()).toBe(true)
    expect((await server.current.payload.count({ collection: 'submissions', overrideAccess: true })).totalDocs).toBe(before)
    await page.close()
  })
})
