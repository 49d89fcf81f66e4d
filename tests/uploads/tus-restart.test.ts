/**
 * Issue #11, item 1: an upload survives a server restart. The web process is killed while a
 * PATCH is streaming in; a new process (same MEDIA_DIR and database) answers HEAD with the
 * offset the bytes on disk reached, and the upload is finished against it, byte for byte.
 */
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'

import { beforeAll, expect, test } from '@jest/globals'

import { useApiProcesses } from '../helpers/apiProcesses'
import { login } from '../helpers/http'
import { makeTestVideo } from '../helpers/media'
import { createUpload, headUpload, MEMBER_UPLOADS, patchUpload, sendAll, TUS } from '../helpers/tusUpload'
import { readUpload } from '../../src/uploads/records'
import { uploadsDir } from '../../src/uploads/paths'

const env = {
  ...process.env,
  SEED_DEMO: 'false',
  ADMIN_EMAIL: 'admin@tus-restart.dk',
  ADMIN_PASSWORD: 'correct-horse-battery-staple',
}
const start = useApiProcesses(env)

let data: Buffer
beforeAll(async () => {
  // A real video's head (the content check reads it), then 6 MB more: enough to cut mid-PATCH.
  const head = await fsp.readFile(await makeTestVideo('restart.mp4'))
  data = Buffer.concat([head, Buffer.alloc(6 * 1024 * 1024, 7)])
})

const waitFor = async (what: string, probe: () => boolean, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (probe()) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}

test('killed mid-PATCH, the upload resumes at its offset on a new process and finishes intact', async () => {
  const first = await start()
  const admin = await login(first.url, env.ADMIN_EMAIL, env.ADMIN_PASSWORD)
  const call = await admin.request('/api/calls', {
    method: 'POST',
    json: {
      title: 'Genstart',
      slug: `genstart-${Date.now().toString(36)}`,
      description: 'Indkaldelse til genstartstesten.',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      contactName: 'Neighborhood Lab',
      contactEmail: 'kontakt@neighborhoodlab.dk',
      allowVideo: true,
      videoMaxMegabytes: 50,
    },
  })
  expect(call.status).toBe(201)
  const { doc } = (await call.json()) as { doc: { slug: string } }

  const created = await createUpload(first.url, MEMBER_UPLOADS, { length: data.length, metadata: { filename: 'lang.mp4', filetype: 'video/mp4', call: doc.slug, field: 'video' } })
  expect(created.res.status).toBe(201)
  expect((await patchUpload(created.url!, 0, data.subarray(0, 1024 * 1024))).status).toBe(204)

  // The rest streams in slowly; the process is killed while it does.
  const bytesOnDisk = path.join(uploadsDir('member'), created.id!)
  const patch = http.request(created.url!, {
    method: 'PATCH',
    headers: { ...TUS, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(1024 * 1024), 'content-length': String(data.length - 1024 * 1024) },
  })
  patch.on('error', () => {}) // the server dies under it
  patch.write(data.subarray(1024 * 1024, 3 * 1024 * 1024))
  await waitFor('the second PATCH to reach the disk', () => fs.statSync(bytesOnDisk).size > 1024 * 1024)
  first.child.kill('SIGKILL')
  await new Promise((resolve) => first.child.once('exit', resolve))
  patch.destroy()

  const second = await start()
  const resumedAt = new URL(created.url!).pathname
  const { res, offset } = await headUpload(`${second.url}${resumedAt}`)
  expect(res.status).toBe(200)
  expect(offset).toBeGreaterThan(1024 * 1024)
  expect(offset).toBeLessThan(data.length)
  expect(offset).toBe(fs.statSync(bytesOnDisk).size)

  await sendAll(`${second.url}${resumedAt}`, data, { chunkSize: 1024 * 1024 })
  const record = await readUpload(created.id!)
  expect(record).toMatchObject({ finished: true, offset: data.length, owner: 'member' })
  expect((await fsp.readFile(record!.filePath)).equals(data)).toBe(true)
})
