/**
 * Issue #9, item 3 (a): a web process killed while a body streams in leaves a partial file in a
 * temp folder — a resident's video in `b2c-submission-*` (MEDIA_DIR/.tmp since issue #11), a
 * staff upload in Payload's `b2c-uploads` (the OS temp folder) — and it survived every restart. The restarted process sweeps the temp folders
 * of processes that are gone, and never those of a process that is still running.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { expect, test } from '@jest/globals'

import { mediaTempRoot, sweepTempDirs } from '../../src/jobs/tempFiles'
import { login } from '../helpers/http'
import { useApiProcesses } from '../helpers/apiProcesses'

// This file's own temp folder (TMPDIR, which os.tmpdir() follows): what we see is only ours.
const tmp = path.join(process.env.B2C_TEST_ROOT!, 'tmp')
fs.mkdirSync(tmp, { recursive: true })
const env = {
  ...process.env,
  TMPDIR: tmp,
  SEED_DEMO: 'false',
  ADMIN_EMAIL: 'admin@temp-sweep.dk',
  ADMIN_PASSWORD: 'correct-horse-battery-staple',
}
const start = useApiProcesses(env)

/** Starts a multipart upload that announces 50 MB and sends 2 MB of its file, then waits. */
const startUpload = (url: string, field: string, filename: string, headers: Record<string, string> = {}) => {
  const boundary = 'b2c-temp-sweep'
  const req = http.request(url, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(50 * 1024 * 1024), ...headers },
  })
  req.on('error', () => {}) // the server is killed under it
  req.write(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`)
  req.write(Buffer.alloc(2 * 1024 * 1024, 7))
  return req
}

/** Temp folders with `prefix` in `root` that hold a file with bytes in it (a body being received). */
const partialUploads = (prefix: string, root = tmp) =>
  (fs.existsSync(root) ? fs.readdirSync(root) : [])
    .filter((name) => name.startsWith(prefix))
    .map((name) => path.join(root, name))
    .filter((dir) => fs.statSync(dir).isDirectory() && fs.readdirSync(dir).some((file) => fs.statSync(path.join(dir, file)).size > 0))

const waitFor = async <T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = probe()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const holds = (dir: string) => `${dir} holds: ${fs.readdirSync(dir, { recursive: true }).join(', ')}`
  throw new Error(`timed out waiting for ${what}; ${holds(tmp)}; ${fs.existsSync(mediaTempRoot()) ? holds(mediaTempRoot()) : ''}`)
}

test('partial uploads of a killed web process are swept when it starts again', async () => {
  const first = await start()
  const admin = await login(first.url, env.ADMIN_EMAIL, env.ADMIN_PASSWORD)
  const uploads = [
    startUpload(`${first.url}/api/public/submissions`, 'video', 'film.mp4'),
    startUpload(`${first.url}/api/media`, 'file', 'foto.jpg', { authorization: `JWT ${admin.token}` }),
  ]
  const submission = await waitFor('the submission body on disk', () => partialUploads('b2c-submission', mediaTempRoot())[0])
  const staff = await waitFor('the staff upload on disk', () => partialUploads('b2c-uploads')[0])

  first.child.kill('SIGKILL')
  await new Promise((resolve) => first.child.once('exit', resolve))
  for (const req of uploads) req.destroy()
  expect(fs.existsSync(submission) && fs.existsSync(staff)).toBe(true) // what a crash leaves

  const second = await start()
  await waitFor('the sweep', () => (fs.existsSync(submission) || fs.existsSync(staff) ? undefined : true), 30_000)
  expect(second.output()).toMatch(/Temp sweep: removed/)
}, 240_000)

test('a temp folder is swept only when its process is gone', async () => {
  const own = path.join(tmp, `b2c-submission-pid${process.pid}-xyz789`)
  // A live process that is not this one: the process that started this test.
  const live = path.join(tmp, `b2c-uploads-pid${process.ppid}`)
  const dead = path.join(tmp, 'b2c-poster-pid999999999-abc123')
  const someoneElses = path.join(tmp, 'b2c-test-keepme')
  for (const dir of [own, live, dead, someoneElses]) fs.mkdirSync(dir, { recursive: true })
  for (const dir of [own, live, dead, someoneElses]) fs.writeFileSync(path.join(dir, 'part'), 'x')

  const removed = await sweepTempDirs({ logger: { info: () => {}, warn: () => {} } } as never, { maxAgeHours: 24, root: tmp })

  expect(removed).toEqual([dead])
  for (const dir of [own, live, someoneElses]) expect(fs.existsSync(path.join(dir, 'part'))).toBe(true)
})
