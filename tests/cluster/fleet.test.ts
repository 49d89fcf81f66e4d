/**
 * The cluster test (issue #13, item 3): PostgreSQL + s3rver + two web processes (RUN_JOBS=false)
 * + two workers, all real processes on this machine standing in for four machines (each with
 * its own MEDIA_DIR), all started at the same moment as a deployment starts them. Clips uploaded
 * alternately to web A and web B are each transcoded by exactly one worker (ffmpeg ladder runs
 * counted in /proc); a story published through A is on B's public API within 2 s; a worker
 * killed mid-transcode hands its clip to the other through the lease; and nothing is left in
 * the bucket that no document names.
 */
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'

import type { Clip, Story } from '../../src/payload-types'
import { ffmpegProcesses, isAlive } from '../helpers/ffmpegProcesses'
import { uploadClipOverRest } from '../helpers/clips'
import { client, type Client } from '../helpers/http'
import { inventoryOf } from '../helpers/inventoryProcess'
import { ffmpeg } from '../helpers/media'
import { postgresForTest } from '../helpers/postgres'
import { startApiProcess } from '../helpers/apiProcess'
import { startWorkerProcess, stopAppProcess, type AppProcess, type WorkerProcess } from '../helpers/process'
import { startS3Server, type S3Server } from '../helpers/s3'
import { publishableStory } from '../helpers/stories'

const root = process.env.B2C_TEST_ROOT!
const ADMIN = { email: 'drift@b2c.dk', password: 'Flaaden-Koerer-Videre-2026' }
const postgres = await postgresForTest()
if (!postgres) console.warn('fleet test skipped: no PostgreSQL on this machine (Debian: apt-get install postgresql)')

let s3: S3Server
let webA: AppProcess
let webB: AppProcess
const workers: WorkerProcess[] = []
let asA: Client
let asB: Client

/** One machine of the fleet: the shared database and bucket, a disk of its own. */
const machineEnv = (name: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  ...s3.env,
  NODE_ENV: 'production',
  DATABASE_URI: postgres!.uri,
  MEDIA_DIR: path.join(root, name, 'media'),
  DATA_DIR: path.join(root, name, 'data'),
  RUN_JOBS: 'false',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  JOB_LEASE_SECONDS: '5',
  TRANSCODE_CONCURRENCY: '1',
  ...extra,
})

const startWorker = async (name: string): Promise<WorkerProcess> => {
  const worker = startWorkerProcess(machineEnv(name) as Record<string, string>)
  const deadline = Date.now() + 150_000
  while (!/Worker: running the job queue/.test(worker.output())) {
    if (worker.child.exitCode !== null || Date.now() > deadline) throw new Error(`worker ${name} did not start:\n${worker.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return worker
}

/**
 * Every encoding ffmpeg of the fleet seen so far (pid → its source file, the HLS variants it
 * writes, its worker, first and last seen). The ladder is the run that writes the top rung; an
 * encoded preview (a source that is not web-compatible) writes no HLS at all.
 */
type LadderRun = { source: string; playlists: string[]; parent: number; firstSeen: number; lastSeen: number }
const ladders = new Map<number, LadderRun>()
const watchLadders = () => {
  // Encodes have a filter graph (a remux and the poster frame have none); the workers' temp folders lie under this file's root.
  for (const { pid, args } of ffmpegProcesses((args) => args.includes('-filter_complex'), root)) {
    const seen = ladders.get(pid)
    if (seen) seen.lastSeen = Date.now()
    else {
      const playlists = [...args.join(' ').matchAll(/\/([\w-]+)\.m3u8/g)].map((match) => match[1])
      const input = args[args.indexOf('-i') + 1] ?? ''
      ladders.set(pid, { source: path.basename(input), playlists, parent: parentOf(pid), firstSeen: Date.now(), lastSeen: Date.now() })
    }
  }
}
/** The process that started `pid` (its worker); 0 when it has just exited. */
const parentOf = (pid: number) => {
  try {
    return Number(/PPid:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
  } catch {
    return 0
  }
}
const encodesOf = (filename: string) => [...ladders.values()].filter((run) => run.source === filename)
/** The ladder runs of a ready clip: the encodes that wrote its top rung (`720` of `…/720.mp4`). */
const laddersOf = (clip: Clip) => encodesOf(clip.filename!).filter((run) => run.playlists.includes(path.basename(clip.renditions![0].url!, '.mp4')))
let watcher: NodeJS.Timeout | undefined

const makeVideo = (name: string, seconds: number, size: string, hue: number) =>
  ffmpeg(name, [
    '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=30:duration=${seconds},hue=h=${hue}`,
    '-f', 'lavfi', '-i', `sine=frequency=${300 + hue}:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-movflags', '+faststart',
  ])

const upload = async (as: Client, file: string, title: string): Promise<Clip> => {
  const { status, doc, text } = await uploadClipOverRest(as, file, title)
  if (status !== 201) throw new Error(`upload ${title}: ${status} ${text}`)
  return doc
}

const clipOf = async (id: number | string): Promise<Clip> => (await (await asA.request(`/api/clips/${id}?depth=0`)).json()) as Clip

const waitUntilReady = async (ids: (number | string)[], timeoutMs: number): Promise<Clip[]> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const clips = await Promise.all(ids.map(clipOf))
    const failed = clips.find((clip) => clip.processing?.status === 'failed')
    if (failed) throw new Error(`clip ${failed.id} failed: ${failed.processing?.error}`)
    if (clips.every((clip) => clip.processing?.status === 'ready')) return clips
    if (Date.now() > deadline) throw new Error(`not ready in time: ${clips.map((clip) => `${clip.id}:${clip.processing?.status}`).join(', ')}\n${workers.map((w) => w.output().slice(-2000)).join('\n---\n')}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

const stopWorker = async (worker: WorkerProcess) => {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return
  worker.child.kill('SIGTERM')
  await Promise.race([worker.exited, new Promise((resolve) => setTimeout(resolve, 20_000))])
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL')
}

const fleet = postgres ? describe : describe.skip

fleet('a fleet on PostgreSQL and S3', () => {
  beforeAll(async () => {
    s3 = await startS3Server()
    // All four at once, as a deployment starts them: one applies the migrations and makes the
    // first administrator, the others wait for the migration lock and find both done.
    const started = await Promise.all([
      startApiProcess(machineEnv('web-a'), 180_000),
      startApiProcess(machineEnv('web-b'), 180_000),
      startWorker('worker-1'),
      startWorker('worker-2'),
    ])
    ;[webA, webB] = [started[0], started[1]]
    workers.push(started[2], started[3])
    const login = await fetch(`${webA.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    asA = client(webA.url, token)
    asB = client(webB.url, token)
    watcher = setInterval(watchLadders, 40)
  }, 240_000)

  afterAll(async () => {
    if (watcher) clearInterval(watcher)
    await Promise.all([...workers.map(stopWorker), ...[webA, webB].filter(Boolean).map((web) => stopAppProcess(web.child as ChildProcess))])
    await s3?.stop()
    await postgres?.stop()
  }, 60_000)

  test('six clips uploaded alternately to web A and web B are each transcoded exactly once, and all become ready', async () => {
    const clips: Clip[] = []
    for (let i = 0; i < 6; i++) {
      const file = await makeVideo(`flaade-${i}.mp4`, 3, '640x360', i * 50)
      clips.push(await upload(i % 2 === 0 ? asA : asB, file, `Flåde ${i}`))
    }
    const ready = await waitUntilReady(clips.map((clip) => clip.id), 300_000)
    for (const clip of ready) {
      expect(laddersOf(clip)).toHaveLength(1)
      expect(clip.hlsUrl).toMatch(/\/master\.m3u8$/)
      expect((await s3.keys(`clips/${clip.id}/`)).length).toBeGreaterThan(3)
    }
    // Both workers took part: the queue is shared, not owned by whoever came first.
    expect(new Set(ready.map((clip) => laddersOf(clip)[0].parent)).size).toBe(2)
  }, 360_000)

  test("a story published through A is on B's public API within 2 s", async () => {
    const organisation = async (data: Record<string, unknown>) =>
      ((await (await asA.request('/api/organisations', { method: 'POST', json: data })).json()) as { doc: { id: number } }).doc.id
    const housing = await organisation({ kind: 'housing-organisation', name: 'Flådens Boligselskab' })
    const company = await organisation({ kind: 'company', name: 'Flåde ApS', cvr: '87654321' })
    // B has answered the list already: what it keeps must not outlive the change.
    const before = (await (await fetch(`${webB.url}/api/public/stories`)).json()) as { items: Story[] }
    expect(before.items.map((story) => story.title)).not.toContain('Historie fra flåden')

    const res = await asA.request('/api/stories', {
      method: 'POST',
      json: { ...publishableStory({ housing, company }), title: 'Historie fra flåden', summary: 'Fire maskiner, én database.' },
    })
    expect(res.status).toBe(201)
    const published = Date.now()
    let seenAfter = Infinity
    while (Date.now() - published < 5000) {
      const list = (await (await fetch(`${webB.url}/api/public/stories`)).json()) as { items: Story[] }
      if (list.items.some((story) => story.title === 'Historie fra flåden')) {
        seenAfter = Date.now() - published
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(seenAfter).toBeLessThanOrEqual(2000)
  }, 60_000)

  test('a worker killed mid-transcode (its machine gone) hands the clip to the other worker through the lease', async () => {
    const file = await makeVideo('flaade-lang.mp4', 40, '1280x720', 200)
    const clip = await upload(asB, file, 'Flåde, lang')
    // Not web-compatible (ultrafast x264): a quick 360p preview first, then the ladder with the
    // top rung (720p). The kill comes in the middle of the ladder.
    const deadline = Date.now() + 120_000
    const ladderRuns = () => encodesOf(clip.filename!).filter((run) => run.playlists.includes('720p'))
    while (ladderRuns().length === 0) {
      if (Date.now() > deadline) throw new Error(`no worker started the ladder: ${JSON.stringify([...ladders.values()])}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const [first] = ladderRuns()
    const victim = workers.find((worker) => worker.child.pid === first.parent)!
    expect(victim).toBeDefined()
    // SIGKILL to the worker and its ffmpeg: a machine that died, not a process told to stop.
    process.kill(first.parent, 'SIGKILL')
    for (const [pid, run] of ladders) if (run.parent === first.parent && isAlive(pid)) process.kill(pid, 'SIGKILL')
    const killedAt = Date.now()
    await victim.exited

    const [done] = await waitUntilReady([clip.id], 300_000)
    expect(done.processing?.progress).toBe(100)
    const runs = laddersOf(done)
    expect(runs).toHaveLength(2)
    const survivor = workers.find((worker) => worker !== victim)!
    expect(runs[1].parent).toBe(survivor.child.pid)
    // One at a time: the second ladder started only after the first one's machine was gone.
    expect(runs[1].firstSeen).toBeGreaterThanOrEqual(killedAt)
    expect(survivor.output()).toMatch(/lost its worker; handed back to the queue/)
  }, 420_000)

  test('nothing is left in the bucket that no document names, and every named object is there', async () => {
    // The survivor tidies up after saving `ready`: give its last deletions a moment.
    const deadline = Date.now() + 30_000
    let inventory = await inventoryOf(machineEnv('inventory'))
    while (inventory.orphanFiles.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000))
      inventory = await inventoryOf(machineEnv('inventory'))
    }
    expect(inventory).toEqual({ orphanFiles: [], missingFiles: [] })
    expect((await s3.keys()).filter((key) => key.startsWith('originals/'))).toHaveLength(7)
  }, 120_000)
})
