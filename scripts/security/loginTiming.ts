/**
 * `node --conditions=production --import tsx scripts/security/loginTiming.ts` — not a test (tests assert no timings): how long
 * the login and forgot-password answers take for an unknown e-mail and for a known one, on a
 * throwaway server and database. The two should be alike, or an attacker can tell which
 * e-mails have an account. Every request claims a fresh client address (TRUST_PROXY=loopback),
 * so the login throttle never answers instead of the login itself.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROUNDS = Number(process.env.ROUNDS ?? 25)
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'b2c-login-timing-'))
Object.assign(process.env, {
  NODE_ENV: 'test',
  DATA_DIR: path.join(root, 'data'),
  MEDIA_DIR: path.join(root, 'media'),
  DATABASE_URI: `file:${path.join(root, 'data', 'timing.sqlite')}`,
  PAYLOAD_SECRET: 'timing-secret',
  RUN_JOBS: 'false',
  SEED_DEMO: 'false',
  TRUST_PROXY: 'loopback',
  ADMIN_EMAIL: 'admin@example.dk',
  ADMIN_PASSWORD: 'correct-horse-battery-staple',
})
fs.mkdirSync(path.join(root, 'data'), { recursive: true })

// A real mail server, so a reset mail costs what it costs in production.
const { freePort } = await import('../../tests/helpers/process')
const { startSmtpServer } = await import('../../tests/helpers/smtp')
const smtpPort = await freePort()
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`
const smtp = await startSmtpServer(smtpPort)

const { createServer } = await import('../../src/server/createServer')
const server = await createServer({ next: false, port: 0, runJobs: false })
// One account per round: a second wrong password (or reset request) on the same account could
// meet a lock or Payload's 15-second reset interval and measure that instead.
for (let round = 0; round <= ROUNDS; round++) {
  await server.payload.create({
    collection: 'users',
    data: { email: `kendt-${round}@example.dk`, password: 'correct-horse-battery-staple', role: 'editor' } as never,
  })
}

let address = 0
const post = async (route: string, body: unknown) => {
  address += 1
  const started = process.hrtime.bigint()
  const res = await fetch(`${server.url}/api/users/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}` },
    body: JSON.stringify(body),
  })
  await res.text()
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, status: res.status }
}

const summary = (samples: { ms: number; status: number }[]) => {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1)
  const statuses = [...new Set(samples.map((s) => s.status))].join(',')
  return `median ${at(0.5)} ms, p10 ${at(0.1)} ms, p90 ${at(0.9)} ms (status ${statuses})`
}

let round = 0
const cases: Record<string, () => Promise<{ ms: number; status: number }>> = {
  'login, unknown e-mail            ': () => post('login', { email: `ukendt-${address}@example.dk`, password: 'wrong-password-123' }),
  'login, known e-mail, wrong pw    ': () => post('login', { email: `kendt-${round}@example.dk`, password: 'wrong-password-123' }),
  'forgot-password, unknown e-mail  ': () => post('forgot-password', { email: `ukendt-${address}@example.dk` }),
  'forgot-password, known e-mail    ': () => post('forgot-password', { email: `kendt-${round}@example.dk` }),
}
const results: Record<string, { ms: number; status: number }[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]))
// Warm up (first requests compile and fill caches), then interleave in a new order each round,
// so load, and the reset mail a known e-mail sends after its answer, weigh on all cases alike.
for (const run of Object.values(cases)) await run()
for (round = 1; round <= ROUNDS; round++) {
  const order = Object.entries(cases).sort(() => Math.random() - 0.5)
  for (const [name, run] of order) results[name].push(await run())
}
for (const [name, samples] of Object.entries(results)) console.log(`${name} ${summary(samples)}`)

await server.close()
await smtp.close()
fs.rmSync(root, { recursive: true, force: true })
process.exit(0)
