/**
 * `npm run bench:upload` — not a test: figures for the README (issue #11, item 5), measured on
 * this machine in one run, each against a baseline measured in the same run. A BENCH_UPLOAD_MB
 * file (default 2048: 2 GiB) goes over loopback to the server in a second process, whose memory
 * is read from /proc/<pid>/status while it receives:
 *   (a) the server's peak RSS rise while a member's tus upload is received         (≤ 64 MiB)
 *   (b) tus throughput ÷ a plain stream copy of the same bytes into MEDIA_DIR          (≥ 0.5)
 *       (the copy synced at its end, as every PATCH is synced before its 204)
 *   (c) bytes sent twice when the connection is cut at 50 % and the upload resumed (≤ a chunk)
 * and beside them, for the same file: the peak RSS rise while a finished upload becomes a
 * submission's clip, and while the old multipart paths (a member's form, an editor's
 * POST /api/clips) receive it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'

const MIB = 1024 * 1024
const SIZE = Number(process.env.BENCH_UPLOAD_MB ?? process.argv[2] ?? 2048) * MIB
const CHUNK = Number(process.env.BENCH_UPLOAD_CHUNK_MB ?? 16) * MIB
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'b2c-bench-upload-'))
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })

const mib = (bytes: number) => `${(bytes / MIB).toFixed(1)} MiB`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A real MP4 of `size` bytes: a short clip, then one top-level `free` box (64-bit size) of
 * random-ish bytes, which every ISO BMFF reader skips, so Payload's own check accepts it too. */
const makeFile = async (size: number) => {
  const head = path.join(root, 'head.mp4')
  await promisify(execFile)('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', head,
  ])
  const file = path.join(root, 'bench.mp4')
  const out = fs.openSync(file, 'w')
  let written = fs.writeSync(out, fs.readFileSync(head))
  const box = Buffer.alloc(16)
  box.writeUInt32BE(1, 0)
  box.write('free', 4, 'latin1')
  box.writeBigUInt64BE(BigInt(size - written), 8)
  written += fs.writeSync(out, box)
  const block = randomBytes(8 * MIB)
  while (written < size) {
    block.writeUInt32BE(written >>> 0, 0) // not one block repeated: nothing on the way can shortcut it
    written += fs.writeSync(out, block, 0, Math.min(block.length, size - written))
  }
  // On disk before anything is measured: the kernel's writeback of 2 GiB must not land in the
  // middle of the baseline or the upload, whichever it happens to meet.
  fs.fsyncSync(out)
  fs.closeSync(out)
  return file
}

/** Peak RSS of a process while `work` runs, above its RSS just before: VmHWM reset through
 * clear_refs (the kernel's own peak) when allowed, and polling VmRSS every 10 ms besides. */
const rssRise = async <T>(pid: number, work: () => Promise<T>): Promise<{ rise: number; result: T }> => {
  const read = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024
  let hwm = true
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5')
  } catch {
    hwm = false
  }
  const before = read('VmRSS')
  let peak = before
  const timer = setInterval(() => (peak = Math.max(peak, read('VmRSS'))), 10)
  try {
    const result = await work()
    if (hwm) peak = Math.max(peak, read('VmHWM'))
    return { rise: peak - before, result }
  } finally {
    clearInterval(timer)
  }
}

type Sent = { status: number; headers: http.IncomingHttpHeaders; body: string }
/** One HTTP request whose body is `bytes` bytes of `file` from `start`, counted as they are handed
 * to the socket; `cutAt` destroys the connection once that many bytes (of the whole run) went. */
const send = (
  url: string,
  { method, headers, file, start = 0, bytes = 0, head, tail, counter, cutAt }: {
    method: string; headers: Record<string, string>; file?: string; start?: number; bytes?: number
    head?: Buffer; tail?: Buffer; counter?: { sent: number }; cutAt?: number
  },
) =>
  new Promise<Sent | 'cut'>((resolve, reject) => {
    const length = (head?.length ?? 0) + bytes + (tail?.length ?? 0)
    const request = http.request(url, { method, agent, headers: { ...headers, 'content-length': String(length) } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    let cut = false
    request.on('error', (error) => (cut ? resolve('cut') : reject(error)))
    if (head) request.write(head)
    if (!file || bytes === 0) return void request.end(tail)
    const stream = fs.createReadStream(file, { start, end: start + bytes - 1, highWaterMark: MIB })
    stream.on('data', (chunk) => {
      if (counter) counter.sent += chunk.length
      if (!request.write(chunk)) {
        stream.pause()
        request.once('drain', () => stream.resume())
      }
      if (counter && cutAt !== undefined && counter.sent >= cutAt && !cut) {
        cut = true
        stream.destroy()
        request.destroy()
      }
    })
    stream.on('end', () => request.end(tail))
  })

const TUS = { 'tus-resumable': '1.0.0' }
const encode = (metadata: Record<string, string>) =>
  Object.entries(metadata).map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`).join(',')

/** A member's tus upload of `file` in CHUNK-sized PATCHes; `cutAt` cuts the connection once. */
const tusUpload = async (api: string, file: string, callSlug: string, cutAt?: number) => {
  const size = fs.statSync(file).size
  const created = await send(`${api}/api/public/uploads`, {
    method: 'POST',
    headers: { ...TUS, 'upload-length': String(size), 'upload-metadata': encode({ filename: 'bench.mp4', filetype: 'video/mp4', call: callSlug, field: 'video' }) },
  })
  if (created === 'cut' || created.status !== 201) throw new Error(`tus creation: ${created === 'cut' ? 'cut' : `${created.status} ${created.body}`}`)
  const url = new URL(String(created.headers.location), api).href
  const counter = { sent: 0 }
  let offset = 0
  let sentAtCut = NaN
  let offsetAfterCut = NaN
  while (offset < size) {
    const bytes = Math.min(CHUNK, size - offset)
    const sent = await send(url, {
      method: 'PATCH',
      headers: { ...TUS, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
      file, start: offset, bytes, counter, cutAt: Number.isNaN(sentAtCut) ? cutAt : undefined,
    })
    if (sent === 'cut') {
      sentAtCut = counter.sent
      offset = await settledOffset(url)
      offsetAfterCut = offset
      continue
    }
    if (sent.status !== 204) throw new Error(`tus PATCH at ${offset}: ${sent.status} ${sent.body}`)
    offset = Number(sent.headers['upload-offset'])
  }
  return { url, id: url.split('/').pop()!, sentTwice: counter.sent - size, sentAtCut, offsetAfterCut }
}

/** After a cut, the offset the server reports once it stopped moving (the server may still be
 * writing what reached it), as a resuming client would learn it with HEAD. */
const settledOffset = async (url: string) => {
  let last = -1
  for (let i = 0; i < 100; i++) {
    await sleep(200)
    const head = await send(url, { method: 'HEAD', headers: TUS })
    if (head === 'cut' || head.status !== 200) continue
    const offset = Number(head.headers['upload-offset'])
    if (offset === last) return offset
    last = offset
  }
  throw new Error('the offset never settled after the cut')
}

/** A multipart request streaming `file` as its `fileField`, after `fields`. */
const multipart = (url: string, file: string, fields: Record<string, string>, fileField: string, headers: Record<string, string> = {}) => {
  const boundary = `----bench${randomBytes(8).toString('hex')}`
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
  const head = Buffer.from(`${parts.join('')}--${boundary}\r\ncontent-disposition: form-data; name="${fileField}"; filename="bench.mp4"\r\ncontent-type: video/mp4\r\n\r\n`)
  return send(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    file, bytes: fs.statSync(file).size, head, tail: Buffer.from(`\r\n--${boundary}--\r\n`),
  })
}

const submissionFields = (call: string) => ({
  call,
  organisationName: 'Boligselskabet Østerbo',
  organisationKind: 'housing-organisation',
  contactName: 'Søren Ærø',
  contactEmail: 'soeren@oesterbo.dk',
  partnerCompanyName: 'Cykelværkstedet ApS',
  title: 'Unge reparerer cykler i gården',
  description: 'Hver onsdag reparerer unge fra afdelingen cykler sammen med mekanikere fra værkstedet.',
  privacyAccepted: 'true',
})

/** The server in its own process, on the folders of `name` (a second start finds what the first
 * left); with the export condition the package scripts use (README: without it Node 20 can exit
 * with code 13 halfway through start-up). */
const startServer = async (name: string) => {
  const dir = path.join(root, name)
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true })
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'scripts/bench/uploadServer.ts'], {
    env: {
      ...process.env,
      // As deployed (committed migrations), and so that Payload's development mode does not
      // start `payload generate:types` in the background with the bench's folders.
      NODE_ENV: 'production',
      DATA_DIR: path.join(dir, 'data'),
      MEDIA_DIR: path.join(dir, 'media'),
      DATABASE_URI: `file:${path.join(dir, 'data', 'bench.sqlite')}`,
      PAYLOAD_SECRET: 'bench-secret',
      SEED_DEMO: 'false',
      RUN_JOBS: 'false',
      UPLOAD_MAX_BYTES: String(SIZE + 64 * MIB),
      BENCH_CALL_MEGABYTES: String(Math.ceil(SIZE / MIB) + 64),
      // The bench's own handful of creations must never meet the per-IP budget.
      UPLOAD_RATE_LIMIT: '1000',
      SUBMISSION_RATE_LIMIT: '1000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const [api, pid, token, call] = await new Promise<string[]>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const ready = /READY (\S+) (\d+) (\S+) (\S+)/.exec(out)
      if (ready) resolve(ready.slice(1))
    })
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  child.stdout!.resume()
  return { child, api, pid: Number(pid), token, call, mediaDir: path.join(dir, 'media') }
}
type Server = Awaited<ReturnType<typeof startServer>>

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

/** Runs `work`, then removes what it left in MEDIA_DIR so the disk holds one copy at a time. */
const outcome = (sent: Sent | 'cut') => (sent === 'cut' ? 'connection cut' : `${sent.status}${sent.status >= 400 ? ` ${sent.body.slice(0, 160)}` : ''}`)

const free = fs.statfsSync(root)
const needed = SIZE * 3 + 512 * MIB
if (free.bavail * free.bsize < needed) throw new Error(`bench:upload needs ${mib(needed)} free under ${root}; there is ${mib(free.bavail * free.bsize)}`)
console.log(`bench:upload: ${mib(SIZE)} over loopback, tus chunks of ${mib(CHUNK)}, ${os.cpus().length} cores, files under ${root}`)

/**
 * Each memory figure on a server process of its own, warmed up by the same request with a small
 * file first: what one request leaves allocated (V8's heap grows and is not given back at once)
 * must not hide in, or add to, the next figure.
 */
const servers: Server[] = []
const withServer = async <T>(name: string, work: (server: Server) => Promise<T>): Promise<T> => {
  const server = await startServer(name)
  servers.push(server)
  try {
    return await work(server)
  } finally {
    await stop(server.child)
  }
}
const submitUpload = (server: Server, id: string) =>
  send(`${server.api}/api/public/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    head: Buffer.from(JSON.stringify({ ...submissionFields(server.call), privacyAccepted: true, themes: ['community'], videoUpload: id })),
  })
const submitForm = (server: Server, file: string) =>
  multipart(`${server.api}/api/public/submissions`, file, { ...submissionFields(server.call), themes: 'community' }, 'video')
const postClip = (server: Server, file: string) =>
  multipart(`${server.api}/api/clips`, file, { _payload: JSON.stringify({ title: 'Bench' }) }, 'file', { authorization: `JWT ${server.token}` })
const removeOriginals = (server: Server) => fs.rmSync(path.join(server.mediaDir, 'originals'), { recursive: true, force: true })

try {
  const file = await makeFile(SIZE)
  // The warm-ups' file: the same short clip, without the padding.
  const small = path.join(root, 'head.mp4')

  const tus = await withServer('tus', async (server) => {
    // Warm-up: the first upload loads tus's and the content check's code, which is not per-file memory.
    const warm = await tusUpload(server.api, small, server.call)
    await send(warm.url, { method: 'DELETE', headers: TUS })

    // (b) baseline: the same bytes into MEDIA_DIR with a plain stream copy, in this run, as
    // durable as the upload: the server syncs every PATCH before its 204 (fdatasync,
    // src/uploads/durableAppend.ts), so the copy is synced before its clock stops. Without
    // that it would be measured into the page cache only, against an upload that waits for the
    // disk. Once, before the upload, on a disk with nothing left to write back (a second copy
    // after the upload's 2 GiB of syncs was slower in 3 runs of 3, and would flatter tus).
    const copyTarget = path.join(server.mediaDir, 'bench-copy.bin')
    const plainCopy = async () => {
      const started = performance.now()
      await pipeline(fs.createReadStream(file), fs.createWriteStream(copyTarget))
      const unsyncedMs = performance.now() - started
      const copied = await fs.promises.open(copyTarget, 'r+')
      await copied.sync()
      await copied.close()
      const ms = performance.now() - started
      await fs.promises.rm(copyTarget)
      // The copy takes about as long as the server keeps an idle connection (5 s): the next
      // request must not go out on one the server is just closing (socket hang up).
      agent.destroy()
      return { ms, unsyncedMs }
    }
    const { ms: copyMs, unsyncedMs: unsyncedCopyMs } = await plainCopy()

    // (a) and (b): one uninterrupted member upload.
    const started = performance.now()
    const whole = await rssRise(server.pid, () => tusUpload(server.api, file, server.call))
    const tusMs = performance.now() - started

    // (c) the same upload, its connection cut at 50 % and resumed from the server's offset.
    const resumed = await tusUpload(server.api, file, server.call, SIZE / 2)
    await send(resumed.url, { method: 'DELETE', headers: TUS })
    return { whole, tusMs, copyMs, unsyncedCopyMs, resumed }
  })

  // The finished upload becoming a submission's clip (the claim and Payload's create), on a
  // fresh process over the same folders: the upload survived the restart.
  const stored = await withServer('tus', async (server) => {
    const warm = await tusUpload(server.api, small, server.call)
    await submitUpload(server, warm.id)
    const result = await rssRise(server.pid, () => submitUpload(server, tus.whole.result.id))
    removeOriginals(server)
    return result
  })

  // The old paths, for the same file: a member's multipart form, an editor's Payload upload.
  const form = await withServer('form', async (server) => {
    await submitForm(server, small)
    const result = await rssRise(server.pid, () => submitForm(server, file))
    removeOriginals(server)
    return result
  })
  const clip = await withServer('clip', async (server) => {
    await postClip(server, small)
    const result = await rssRise(server.pid, () => postClip(server, file))
    removeOriginals(server)
    return result
  })

  const { whole, tusMs, copyMs, unsyncedCopyMs, resumed } = tus
  const rate = (ms: number) => (SIZE / MIB / (ms / 1000)).toFixed(0)
  const rows: [string, string, string, string][] = [
    ['(a) server peak RSS rise, tus upload', mib(whole.rise), '', '≤ 64 MiB'],
    ['(b) tus ÷ plain stream copy into MEDIA_DIR', `${rate(tusMs)} ÷ ${rate(copyMs)} MiB/s`, `${(copyMs / tusMs).toFixed(2)} (the copy before its fsync: ${rate(unsyncedCopyMs)} MiB/s)`, '≥ 0.5'],
    ['(c) bytes sent twice after a cut at 50 %', mib(resumed.sentTwice), `cut at ${mib(resumed.sentAtCut)}, resumed at ${mib(resumed.offsetAfterCut)}`, `≤ ${mib(CHUNK)}`],
    ['finished upload → submission clip, RSS rise', mib(stored.rise), outcome(stored.result), '—'],
    ['multipart /api/public/submissions, RSS rise', mib(form.rise), outcome(form.result), '—'],
    ['multipart POST /api/clips (editor), RSS rise', mib(clip.rise), outcome(clip.result), '—'],
  ]
  console.log('')
  for (const [what, measured, extra, target] of rows) console.log(`${what.padEnd(46)} ${measured.padEnd(22)} target ${target.padEnd(10)} ${extra}`)
} finally {
  await Promise.all(servers.map((server) => stop(server.child)))
  agent.destroy()
  fs.rmSync(root, { recursive: true, force: true })
}
process.exit(0)
