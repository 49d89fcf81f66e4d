/**
 * The login throttle, password-reset requests and the upload rate limit are counted in the
 * database, so two web processes on one database (a deployment behind a load balancer) allow
 * what one would, and a restarted process forgives no one. Before, each process counted in its
 * own memory: spread over two, a client got twice the budget, and a restart gave it afresh.
 */
import { expect, test } from '@jest/globals'

import { useApiProcesses } from '../helpers/apiProcesses'
import { stopAppProcess, type AppProcess } from '../helpers/process'
import { MEMBER_UPLOADS, createUpload } from '../helpers/tusUpload'

const ADMIN = { email: 'admin@shared-budgets.dk', password: 'correct-horse-battery-staple' }
const start = useApiProcesses({ ...process.env, SEED_DEMO: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, UPLOAD_RATE_LIMIT: '3' })

const post = (app: AppProcess, path: string, body: unknown) =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** The statuses of `count` requests made one after another, taking turns between the processes. */
const takingTurns = async (apps: AppProcess[], count: number, send: (app: AppProcess, i: number) => Promise<Response>) => {
  const statuses: number[] = []
  for (let i = 0; i < count; i++) {
    const res = await send(apps[i % apps.length], i)
    await res.arrayBuffer()
    statuses.push(res.status)
  }
  return statuses
}

test('two web processes share one budget per address, and a restart keeps it', async () => {
  const [first, second] = [await start(), await start()]

  // Wrong passwords for one account: five in all, three on one process and two on the other.
  const logins = await takingTurns([first, second], 6, (app) => post(app, '/api/users/login', { email: ADMIN.email, password: 'gaet-en-kode-123' }))
  expect(logins).toEqual([401, 401, 401, 401, 401, 429])

  // Password-reset requests: five per address, wherever they are sent.
  const resets = await takingTurns([first, second], 6, (app, i) => post(app, '/api/users/forgot-password', { email: `spam-${i}@test.dk` }))
  expect(resets).toEqual([200, 200, 200, 200, 200, 429])

  // Upload creations (UPLOAD_RATE_LIMIT=3 here): the fourth, on either process, is refused.
  const uploads = await takingTurns([first, second], 4, async (app) => (await createUpload(app.url, MEMBER_UPLOADS, { length: 10, metadata: { filename: 'klip.mp4', call: 'ingen', field: 'video' } })).res)
  expect(uploads.slice(0, 3)).not.toContain(429)
  expect(uploads[3]).toBe(429)

  // A restarted process knows what was counted before it started.
  await stopAppProcess(first.child)
  const restarted = await start()
  const again = await post(restarted, '/api/users/login', { email: ADMIN.email, password: 'gaet-en-kode-123' })
  expect(again.status).toBe(429)
  expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0)
}, 240_000)
