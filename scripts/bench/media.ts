/**
 * `npm run bench:media` — not a test: the figures behind /media's delivery choice with S3
 * storage (issue #13, item 2), measured on this machine in one run against a real s3rver.
 * The same public rendition is fetched BENCH_MEDIA_REQUESTS times (default 200, one at a time,
 * a 1 MiB range each, as a player asks) three ways:
 *   baseline   straight from the bucket with a presigned URL (no app: the floor);
 *   stream     through /media, the consent gate, then the bytes streamed from the bucket;
 *   presigned  through /media, the gate, then a 302 to a 30-second presigned URL, followed.
 * For each: latency to the last byte (median, p95) ÷ the baseline's, and the web process's CPU
 * time per request (from /proc/<pid>/stat). It guards the README's choice: streaming must stay
 * within a small factor of a redirect in latency while its CPU cost is what buys a withdrawn
 * consent taking effect on the very next request.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { GetObjectCommand } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'

import { startS3Server } from '../../tests/helpers/s3'

const REQUESTS = Number(process.env.BENCH_MEDIA_REQUESTS ?? 200)
const RANGE = 1024 * 1024
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'b2c-bench-media-'))
const s3 = await startS3Server()

const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...s3.env,
  NODE_ENV: 'production' as const,
  DATABASE_URI: process.env.DATABASE_URI ?? `file:${path.join(root, 'bench.sqlite')}`,
  MEDIA_DIR: path.join(root, 'media'),
  DATA_DIR: path.join(root, 'data'),
  PAYLOAD_SECRET: 'bench-secret',
  RUN_JOBS: 'false',
  BENCH_VIDEO: path.join(root, 'bench.mp4'),
}

/** Ten seconds of 720p: its top rendition is several MiB, so every range is a full 1 MiB. */
await promisify(execFile)('ffmpeg', [
  '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=10',
  '-f', 'lavfi', '-i', 'anoisesrc=duration=10', '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '6M', '-pix_fmt', 'yuv420p',
  '-c:a', 'aac', '-shortest', env.BENCH_VIDEO!,
])

type Started = { child: ChildProcess; url: string; pid: number; mp4: string }

const startServer = (delivery: string): Promise<Started> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-deprecation', '--conditions=production', '--import', 'tsx', 'scripts/bench/mediaServer.ts'], {
      env: { ...env, MEDIA_DELIVERY: delivery },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk
      const ready = /READY (\S+) (\d+) (\S+)/.exec(output)
      if (ready) resolve({ child, url: ready[1], pid: Number(ready[2]), mp4: ready[3] })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`bench server exited ${code}:\n${output}`)))
  })

const stop = async (server: Started) => {
  const exited = new Promise((resolve) => server.child.once('exit', resolve))
  server.child.kill('SIGTERM')
  await exited
}

/** utime + stime of a process, in milliseconds (clock ticks are 100 a second on Linux). */
const cpuMs = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

type Figures = { median: number; p95: number; cpuPerRequest: number | null }

const measure = async (url: () => Promise<string>, pid: number | null): Promise<Figures> => {
  const times: number[] = []
  // Warm-up: connections, the JIT and s3rver's file cache, outside the figures.
  for (let i = 0; i < 10; i++) await (await fetch(await url(), { headers: { range: `bytes=0-${RANGE - 1}` } })).arrayBuffer()
  const cpuBefore = pid ? cpuMs(pid) : 0
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now()
    const res = await fetch(await url(), { headers: { range: `bytes=0-${RANGE - 1}` } })
    const bytes = (await res.arrayBuffer()).byteLength
    if (res.status !== 206 || bytes !== RANGE) throw new Error(`expected 206 with ${RANGE} bytes, got ${res.status} with ${bytes}`)
    times.push(performance.now() - start)
  }
  const cpu = pid ? cpuMs(pid) - cpuBefore : null
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], cpuPerRequest: cpu === null ? null : cpu / REQUESTS }
}

const rows: [string, Figures][] = []
try {
  const streaming = await startServer('stream')
  const key = streaming.mp4.replace(/^\/media\//, '')
  rows.push(['baseline (bucket, presigned, no app)', await measure(() => getSignedUrl(s3.client, new GetObjectCommand({ Bucket: s3.bucket, Key: key }), { expiresIn: 30 }), null)])
  rows.push(['stream through /media', await measure(async () => `${streaming.url}${streaming.mp4}`, streaming.pid)])
  await stop(streaming)
  const presigned = await startServer('presigned')
  rows.push(['302 to presigned URL, followed', await measure(async () => `${presigned.url}${presigned.mp4}`, presigned.pid)])
  await stop(presigned)
} finally {
  await s3.stop()
  fs.rmSync(root, { recursive: true, force: true })
}

const base = rows[0][1]
console.log(`\n${REQUESTS} requests of a 1 MiB range, one at a time, s3rver on loopback\n`)
console.log('| delivery | median ms | p95 ms | median ÷ baseline | web CPU ms / request |')
console.log('|---|---|---|---|---|')
for (const [name, f] of rows) {
  console.log(`| ${name} | ${f.median.toFixed(1)} | ${f.p95.toFixed(1)} | ${(f.median / base.median).toFixed(2)} | ${f.cpuPerRequest === null ? '–' : f.cpuPerRequest.toFixed(2)} |`)
}
