/**
 * Issue #10, item 6: `/media/clips/…` answered a missing file with 404 *cached for a year* as
 * `video/mp4`, and an unsatisfiable range with 404 instead of 416. Long caching belongs to
 * 200/206 only; an error is `no-store` JSON; a range past the end is 416 with the file's size in Content-Range.
 */
import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, expect, test } from '@jest/globals'

import { buildCatalogue } from '../public-api/fixtures'
import { useServer } from '../helpers/server'

const server = useServer({ runJobs: false })
let mp4: string

beforeAll(async () => {
  const catalogue = await buildCatalogue(server.current.payload)
  mp4 = catalogue.publicClip.renditions![0].url!
}, 240_000)

test('the public file itself is cached for a year (the baseline)', async () => {
  const res = await fetch(`${server.current.url}${mp4}`)
  expect(res.status).toBe(200)
  expect(res.headers.get('cache-control')).toMatch(/max-age=31536000/)
})

test('a missing file of a public clip is a 404 that is neither cached nor called a video', async () => {
  const missing = mp4.replace(/[^/]+\.mp4$/, 'findes-ikke.mp4')
  const res = await fetch(`${server.current.url}${missing}`)
  expect(res.status).toBe(404)
  expect(res.headers.get('cache-control')).toBe('no-store')
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } })
})

test('a range past the end is 416 with the size, not 404', async () => {
  const file = path.join(process.env.MEDIA_DIR!, mp4.replace(/^\/media\//, ''))
  const size = fs.statSync(file).size
  const res = await fetch(`${server.current.url}${mp4}`, { headers: { range: `bytes=${size + 100}-${size + 200}` } })
  expect(res.status).toBe(416)
  expect(res.headers.get('content-range')).toBe(`bytes */${size}`)
  expect(res.headers.get('cache-control')).toBe('no-store')
})
