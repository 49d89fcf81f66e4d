/**
 * Issue #11 and "a 201 means durably stored": an acknowledged upload byte survives a power cut.
 * The running web process is traced with strace (the kernel's own record of its system calls,
 * nothing of ours replaced) while an editor creates an upload and sends it: the upload's file,
 * its info file and their folder are synced (fsync/fdatasync) before the 201, and the bytes of a
 * PATCH before its 204. Before the fix no sync happened at all: the page cache answered for them.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { expect, test } from '@jest/globals'

import { useApiProcesses } from '../helpers/apiProcesses'
import { login } from '../helpers/http'
import { makeTestVideo } from '../helpers/media'
import { createUpload, patchUpload, STAFF_UPLOADS } from '../helpers/tusUpload'
import { uploadsDir } from '../../src/uploads/paths'

const env = { ...process.env, SEED_DEMO: 'false', ADMIN_EMAIL: 'admin@tus-durability.dk', ADMIN_PASSWORD: 'correct-horse-battery-staple' }
const startApp = useApiProcesses(env)

/** strace attached to every thread of `pid` (libuv's pool does the syncs) until the returned stop. */
const traceSyscalls = async (pid: number, file: string) => {
  const tracer = spawn('strace', ['-f', '-p', String(pid), '-e', 'trace=openat,fsync,fdatasync,write,writev', '-s', '24', '-o', file], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  tracer.stderr!.on('data', (chunk) => (stderr += chunk))
  const deadline = Date.now() + 10_000
  while (!/attached/.test(stderr)) {
    if (tracer.exitCode !== null || Date.now() > deadline) throw new Error(`strace could not attach: ${stderr}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await new Promise((resolve) => setTimeout(resolve, 300)) // every thread attached
  return async () => {
    tracer.kill('SIGINT')
    await new Promise((resolve) => tracer.once('exit', resolve))
    return fs.readFileSync(file, 'utf8').split('\n')
  }
}

/** Whether `target` was synced (through any fd it was opened as) before the first write of `answer`. */
const syncedBefore = (lines: string[], target: string, answer: RegExp): boolean => {
  const fds = new Set<string>()
  for (const line of lines) {
    const opened = /openat\([^,]+, "([^"]+)".*\) = (\d+)$/.exec(line)
    if (opened && opened[1] === target) fds.add(opened[2])
    // `fdatasync(23) = 0`, or `fdatasync(23 <unfinished ...>` when another thread's call came between.
    const synced = /(?:fsync|fdatasync)\((\d+)/.exec(line)
    if (synced && fds.has(synced[1]) && !/= -1/.test(line)) return true
    if (answer.test(line) && /write/.test(line)) return false
  }
  return false
}

test('an upload\'s files are on disk before its 201, and a PATCH\'s bytes before its 204', async () => {
  const app = await startApp()
  const admin = await login(app.url, env.ADMIN_EMAIL, env.ADMIN_PASSWORD)
  const video = fs.readFileSync(await makeTestVideo('durable.mp4', 2))
  const auth = { authorization: `JWT ${admin.token}` }

  const stop = await traceSyscalls(app.child.pid!, path.join(process.env.B2C_TEST_ROOT!, 'strace.txt'))
  const created = await createUpload(app.url, STAFF_UPLOADS, { length: video.length, metadata: { filename: 'klip.mp4', filetype: 'video/mp4' }, headers: auth })
  expect(created.res.status).toBe(201)
  const patched = await patchUpload(created.url!, 0, video, auth)
  expect(patched.status).toBe(204)
  const lines = await stop()

  const bytes = path.join(uploadsDir('staff'), created.id!)
  const creation = lines.slice(0, lines.findIndex((line) => /HTTP\/1\.1 201/.test(line)) + 1)
  expect(creation.length).toBeGreaterThan(1)
  expect({ info: syncedBefore(creation, `${bytes}.json`, /HTTP\/1\.1 201/), bytes: syncedBefore(creation, bytes, /HTTP\/1\.1 201/) }).toEqual({ info: true, bytes: true })
  const patch = lines.slice(creation.length)
  expect(patch.some((line) => /HTTP\/1\.1 204/.test(line))).toBe(true)
  expect(syncedBefore(patch, bytes, /HTTP\/1\.1 204/)).toBe(true)
}, 120_000)
