import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, expect, test } from '@jest/globals'

import type { RunningServer } from '../src/server/createServer'
import { createPeople, PASSWORD } from './helpers/fixtures'
import { makeTestVideo } from './helpers/media'
import { login, type Client } from './helpers/http'

// The limit is read when the config loads, so set it before importing the server.
const LIMIT = 256 * 1024
process.env.UPLOAD_MAX_BYTES = String(LIMIT)

let server: RunningServer
let editor: Client
beforeAll(async () => {
  const { createServer } = await import('../src/server/createServer')
  server = await createServer({ next: false, port: 0 })
  await createPeople(server.payload)
  editor = await login(server.url, 'editor@test.dk', PASSWORD)
})
afterAll(async () => {
  await server?.close()
})

const upload = (file: string, name: string, headers: Record<string, string> = {}) => {
  const form = new FormData()
  form.append('file', new Blob([fs.readFileSync(file)], { type: 'video/mp4' }), name)
  form.append('_payload', JSON.stringify({ title: name }))
  return editor.request('/api/clips', { method: 'POST', body: form, headers })
}

const originals = () => {
  const dir = path.join(process.env.MEDIA_DIR!, 'originals')
  return fs.existsSync(dir) ? fs.readdirSync(dir) : []
}

test('a clip under the limit is stored', async () => {
  const res = await upload(await makeTestVideo('small.mp4', 1), 'small.mp4')
  expect(res.status).toBe(201)
  expect(originals()).toContain('small.mp4')
})

test('a clip over the limit gets a clear 413 and leaves nothing behind', async () => {
  const big = path.join(process.env.B2C_TEST_ROOT!, 'big.mp4')
  // A real video header followed by padding: the size, not the content, must be what fails.
  fs.copyFileSync(await makeTestVideo('head.mp4', 1), big)
  fs.appendFileSync(big, Buffer.alloc(LIMIT * 2))
  const before = await server.payload.count({ collection: 'clips' })

  const res = await upload(big, 'big.mp4')

  expect(res.status).toBe(413)
  const body = (await res.json()) as { errors: { message: string }[] }
  expect(body.errors[0].message).toBe('Filen er for stor (højst 256 KB)')
  expect(originals()).not.toContain('big.mp4')
  expect((await server.payload.count({ collection: 'clips' })).totalDocs).toBe(before.totalDocs)
})

test('the 413 speaks the language the client asked for, never two joined (issue #15)', async () => {
  const big = path.join(process.env.B2C_TEST_ROOT!, 'big-en.mp4')
  fs.copyFileSync(await makeTestVideo('head-en.mp4', 1), big)
  fs.appendFileSync(big, Buffer.alloc(LIMIT * 2))
  const res = await upload(big, 'big-en.mp4', { 'accept-language': 'en' })
  expect(res.status).toBe(413)
  const body = (await res.json()) as { errors: { message: string }[] }
  expect(body.errors[0].message).toBe('The file is too large (at most 256 KB)')
})
