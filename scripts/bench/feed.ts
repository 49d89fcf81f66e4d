/**
 * `npm run bench:feed` — not a test: the public API under load, with autocannon from npm in
 * this process against the production server in another (scripts/bench/feedServer.ts), on
 * this machine, every figure against a baseline measured in the same run.
 *   1. /api/public/stories?limit=20 req/s ÷ the same bytes as a static file, same process (≥ 0.8)
 *   2. the same ÷ Payload's own /api/stories?depth=1&limit=20                           (≥ 5)
 *   3. p99 latency at 50 connections                                                 (≤ 25 ms)
 *   4. p99 while a clip transcodes ÷ p99 idle                                           (≤ 2)
 *   5. latency with 10 000 stories ÷ with 100, cached, and uncached (PUBLIC_CACHE_SECONDS=0) (≤ 1.5)
 *      and, for information, a text search (`q`, a different word each request) on both
 * On SQLite by default; DATABASE_URI=postgres://… runs it on that PostgreSQL server instead
 * (scripts/bench/feedDatabase.ts).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import autocannon from 'autocannon'

import { benchDatabases } from './feedDatabase'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = 50
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'b2c-bench-feed-'))
const ADMIN = { email: 'bench@example.dk', password: 'bench-password-1' }
const databases = await benchDatabases(process.env.DATABASE_URI)

type Load = { rps: number; p50: number; p99: number; errors: number; non2xx: number }

const load = async (url: string, options: { paths?: () => string } = {}): Promise<Load> => {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    ...(options.paths ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: options.paths!() }) }] } : {}),
  })
  // A figure over failed requests would look good for the wrong reason: say so beside it.
  if (result.errors || result.non2xx) console.log(`  ${url}: ${result.errors} errors, ${result.non2xx} answers not 2xx`)
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx }
}

const startServer = async (name: string, stories: number, cacheSeconds = 10) => {
  const dir = path.join(root, name)
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true })
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'scripts/bench/feedServer.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATA_DIR: path.join(dir, 'data'),
      MEDIA_DIR: path.join(dir, 'media'),
      DATABASE_URI: await databases.create(name, dir),
      PAYLOAD_SECRET: 'bench-secret',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO: 'false',
      RUN_JOBS: 'true',
      BENCH_STORIES: String(stories),
      PUBLIC_CACHE_SECONDS: String(cacheSeconds),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const [api, staticUrl] = await new Promise<string[]>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const ready = /READY (\S+) (\S+)/.exec(out)
      if (ready) resolve([ready[1], ready[2]])
    })
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  child.stdout!.resume()
  return { child, api, staticUrl }
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

const uploadClip = async (api: string) => {
  const clip = path.join(root, 'busy.mp4')
  await promisify(execFile)('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=40',
    '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-pix_fmt', 'yuv420p', clip,
  ])
  const login = await fetch(`${api}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
  const { token } = (await login.json()) as { token: string }
  const form = new FormData()
  form.append('file', new Blob([fs.readFileSync(clip)], { type: 'video/mp4' }), 'busy.mp4')
  form.append('_payload', JSON.stringify({ title: 'Travl' }))
  const res = await fetch(`${api}/api/clips`, { method: 'POST', headers: { authorization: `JWT ${token}` }, body: form })
  if (res.status !== 201) throw new Error(`upload failed: ${res.status}`)
}

const ms = (value: number) => `${value.toFixed(1)} ms`
const rows: [string, string, number, string][] = []
console.log(`bench:feed on ${databases.label}`)
console.log(`bench:feed: ${CONNECTIONS} connections, ${SECONDS} s a measurement, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'})`)

const small = await startServer('stories-100', 100)
const cachedPath = `${small.api}/api/public/stories?limit=20`
let word = 0
const searches = () => `/api/public/stories?limit=20&q=nummer%20${word++ % 10_000}`
try {
  await load(cachedPath) // warm up: JIT, caches, connections
  const api = await load(cachedPath)
  const asStatic = await load(`${small.staticUrl}/stories.json`)
  const payloadOwn = await load(`${small.api}/api/stories?depth=1&limit=20`)
  rows.push(
    ['1. public stories ÷ static file (req/s)', `${api.rps.toFixed(0)} ÷ ${asStatic.rps.toFixed(0)}`, api.rps / asStatic.rps, '≥ 0.8'],
    ["2. public stories ÷ Payload's /api/stories?depth=1 (req/s)", `${api.rps.toFixed(0)} ÷ ${payloadOwn.rps.toFixed(0)}`, api.rps / payloadOwn.rps, '≥ 5'],
    ['3. p99 latency at 50 connections', ms(api.p99), api.p99, '≤ 25 ms'],
  )
  const smallSearch = await load(small.api, { paths: searches })

  await uploadClip(small.api)
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const busy = await load(cachedPath)
  rows.push(['4. p99 while a clip transcodes ÷ idle', `${ms(busy.p99)} ÷ ${ms(api.p99)}`, busy.p99 / api.p99, '≤ 2'])
  await stop(small.child)

  // The same requests with the in-memory cache off: what a cache miss costs at each size.
  const uncached = async (stories: number) => {
    const server = await startServer(`uncached-${stories}`, stories, 0)
    try {
      await load(`${server.api}/api/public/stories?limit=20`)
      return await load(`${server.api}/api/public/stories?limit=20`)
    } finally {
      await stop(server.child)
    }
  }
  const smallUncached = await uncached(100)
  const largeUncached = await uncached(10_000)

  const large = await startServer('stories-10000', 10_000)
  try {
    await load(`${large.api}/api/public/stories?limit=20`)
    const largeCached = await load(`${large.api}/api/public/stories?limit=20`)
    word = 0
    const largeSearch = await load(large.api, { paths: searches })
    rows.push(
      ['5. p99 with 10 000 stories ÷ 100, cached', `${ms(largeCached.p99)} ÷ ${ms(api.p99)}`, largeCached.p99 / api.p99, '≤ 1.5'],
      ['5. p99 with 10 000 stories ÷ 100, uncached', `${ms(largeUncached.p99)} ÷ ${ms(smallUncached.p99)}`, largeUncached.p99 / smallUncached.p99, '≤ 1.5'],
      ['   (uncached req/s, 10 000 ÷ 100)', `${largeUncached.rps.toFixed(0)} ÷ ${smallUncached.rps.toFixed(0)}`, largeUncached.rps / smallUncached.rps, '—'],
      ['   (text search p99, 10 000 ÷ 100; every request new)', `${ms(largeSearch.p99)} ÷ ${ms(smallSearch.p99)}`, largeSearch.p99 / smallSearch.p99, '—'],
    )
  } finally {
    await stop(large.child)
  }
} finally {
  if (small.child.exitCode === null) await stop(small.child)
  console.log('')
  console.log(`database: ${databases.label}`)
  for (const [what, measured, ratio, target] of rows) {
    console.log(`${what.padEnd(60)} ${measured.padEnd(22)} ${ratio.toFixed(2).padStart(7)}   target ${target}`)
  }
  fs.rmSync(root, { recursive: true, force: true })
  await databases.dropAll()
}
process.exit(0)
