/**
 * S3-compatible media storage (issue #13, item 2) against a real s3rver: an upload through the
 * admin API lands in the bucket, the pipeline's outputs go to the bucket and nothing stays on
 * the local disk, /media streams from the bucket (ranges, HLS in Chromium through hls.js), a
 * withdrawn consent stops the next request, and deleting or replacing removes the objects.
 */
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { Browser } from 'playwright-core'

import type { Clip } from '../../src/payload-types'
import { launchChromium } from '../helpers/browser'
import { login, client, type Client } from '../helpers/http'
import { makeTestVideo } from '../helpers/media'
import { expectFirstVideoPlays } from '../helpers/pages'
import { startS3Server } from '../helpers/s3'

// The bucket must be known before Payload's config is built: the server is imported after.
const s3 = await startS3Server()
Object.assign(process.env, s3.env)
const { useServer } = await import('../helpers/server')
const { createPeople, PASSWORD } = await import('../helpers/fixtures')
const { runVideoQueue, uploadClipOverRest } = await import('../helpers/clips')
const { publishStory } = await import('../helpers/stories')
const { listFiles } = await import('../../src/jobs/mediaInventory')
const { inspectMediaStore } = await import('../../src/jobs/mediaInventory')

const server = useServer()
let editor: Client
let anonymous: Client
let people: Awaited<ReturnType<typeof createPeople>>
let browser: Browser | undefined

beforeAll(async () => {
  people = await createPeople(server.current.payload)
  editor = await login(server.current.url, 'editor@test.dk', PASSWORD)
  anonymous = client(server.current.url)
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await s3.stop()
})

/** An upload through the admin's REST API (multipart, as the admin sends it). */
const uploadClip = async (file: string, title: string, clipId?: number | string): Promise<Clip> => {
  const { status, doc } = await uploadClipOverRest(editor, file, title, clipId)
  expect(status).toBe(clipId === undefined ? 201 : 200)
  return doc
}

const processed = async (id: number | string): Promise<Clip> => {
  await runVideoQueue(server.current.payload)
  return server.current.payload.findByID({ collection: 'clips', id, depth: 0, overrideAccess: true })
}

/** Files under MEDIA_DIR (temp folders are empty when nothing runs). */
const localFiles = () => listFiles(process.env.MEDIA_DIR!)

const publicConsent = { confirmed: true, records: [{ person: 'Beboer', role: 'resident', givenAt: '2026-01-01', scope: ['web'] }] }

let clip: Clip

test('an upload through the admin API is stored in the bucket, under the folder it has on disk', async () => {
  const uploaded = await uploadClip(await makeTestVideo('bucket.mp4', 2), 'I spanden')
  expect(await s3.keys('originals/')).toEqual([`originals/${uploaded.filename}`])
  // Staff get the original through Payload's own file route, streamed from the bucket.
  const original = await editor.request(`/api/clips/file/${uploaded.filename}`)
  expect(original.status).toBe(200)
  expect(Buffer.from(await original.arrayBuffer()).equals(fs.readFileSync(path.join(process.env.B2C_TEST_ROOT!, 'bucket.mp4')))).toBe(true)
  expect((await anonymous.request(`/api/clips/file/${uploaded.filename}`)).status).toBeGreaterThanOrEqual(400)
  // A name nothing has is our 404, as on disk.
  expect((await editor.request('/api/clips/file/findes-ikke.mp4')).status).toBe(404)

  clip = await processed(uploaded.id)
  expect(clip.processing?.status).toBe('ready')
}, 180_000)

test("the pipeline's outputs are in the bucket and nothing is left on the local disk", async () => {
  const version = /\/clips\/\d+\/([0-9a-f]{16})\/master\.m3u8$/.exec(clip.hlsUrl!)![1]
  const outputs = await s3.keys(`clips/${clip.id}/`)
  expect(outputs).toContain(`clips/${clip.id}/${version}/master.m3u8`)
  for (const rendition of clip.renditions!) expect(outputs).toContain(rendition.url!.replace(/^\/media\//, ''))
  expect(outputs.some((key) => key.endsWith('.m4s'))).toBe(true)
  // One version only: the preview folder went once the ladder was published.
  expect(new Set(outputs.map((key) => key.split('/')[2]))).toEqual(new Set([version]))
  expect((await s3.keys('images/')).some((key) => key.startsWith(`images/klip-${clip.id}-plakat`))).toBe(true)
  expect(await localFiles()).toEqual([])
  // Every object is named by a document, and every named object is there.
  expect(await inspectMediaStore(server.current.payload)).toEqual({ orphanFiles: [], missingFiles: [] })
})

test('/media streams from the bucket with ranges, and HLS plays in Chromium through hls.js', async () => {
  const { payload } = server.current
  await payload.update({ collection: 'clips', id: clip.id, data: { consent: publicConsent } as never, overrideAccess: true })
  const story = await publishStory(payload, { housing: people.housing.id, company: people.company.id, clips: [clip.id], title: 'Fra spanden' })
  const mp4 = clip.renditions![0].url!
  const whole = await anonymous.request(mp4)
  expect(whole.status).toBe(200)
  expect(whole.headers.get('content-type')).toBe('video/mp4')
  expect(whole.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  const size = (await whole.arrayBuffer()).byteLength
  expect(size).toBe(clip.renditions![0].size)
  const part = await anonymous.request(mp4, { headers: { range: 'bytes=100-199' } })
  expect(part.status).toBe(206)
  expect(part.headers.get('content-range')).toBe(`bytes 100-199/${size}`)
  expect((await part.arrayBuffer()).byteLength).toBe(100)
  const past = await anonymous.request(mp4, { headers: { range: `bytes=${size + 10}-` } })
  expect(past.status).toBe(416)
  expect(past.headers.get('content-range')).toBe(`bytes */${size}`)
  expect(past.headers.get('cache-control')).toBe('no-store')
  const head = await anonymous.request(mp4, { method: 'HEAD' })
  expect(head.status).toBe(200)
  expect(head.headers.get('content-length')).toBe(String(size))

  process.env.PUBLIC_URL = server.current.url
  browser = await launchChromium()
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${server.current.url}/historier/${story.slug}`)
  expect(await page.locator('video').first().getAttribute('data-player')).toBe('hls.js')
  await expectFirstVideoPlays(page)
  expect(errors).toEqual([])
  await page.close()
}, 120_000)

test('a withdrawn consent stops the very next request (the bytes always pass the gate)', async () => {
  await server.current.payload.update({
    collection: 'clips',
    id: clip.id,
    data: { consent: { ...publicConsent, records: [{ ...publicConsent.records[0], withdrawnAt: '2026-11-01' }] } } as never,
    overrideAccess: true,
  })
  for (const url of [clip.renditions![0].url!, clip.hlsUrl!]) {
    const res = await anonymous.request(url)
    expect(res.status).toBe(404)
    expect(res.headers.get('cache-control')).toBe('no-store')
  }
  expect((await editor.request(clip.hlsUrl!)).status).toBe(200)
})

test('replacing the file removes the old outputs; deleting the clip removes every object it had', async () => {
  const replaced = await uploadClip(await makeTestVideo('ny-fil.mp4', 3), 'I spanden', clip.id)
  expect(await s3.keys(`clips/${clip.id}/`)).toEqual([])
  expect(await s3.keys('originals/')).toEqual([`originals/${replaced.filename}`])
  const again = await processed(clip.id)
  expect(again.processing?.status).toBe('ready')
  expect((await s3.keys(`clips/${clip.id}/`)).length).toBeGreaterThan(0)

  const res = await editor.request(`/api/clips/${clip.id}`, { method: 'DELETE' })
  expect(res.status).toBe(200)
  expect(await s3.keys(`clips/${clip.id}/`)).toEqual([])
  expect(await s3.keys('originals/')).toEqual([])
  expect((await s3.keys('images/')).filter((key) => key.startsWith(`images/klip-${clip.id}-`))).toEqual([])
  expect(await inspectMediaStore(server.current.payload)).toEqual({ orphanFiles: [], missingFiles: [] })
  expect(await localFiles()).toEqual([])
}, 180_000)
