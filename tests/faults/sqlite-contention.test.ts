/**
 * Issue #9, item 1: a web process (RUN_JOBS=false) and `npm run worker` on the same SQLite file,
 * the worker transcoding, while bursts of public submissions, draft story saves and logins
 * arrive at once. Every 201 must be in the database file, and nothing may answer 500: a
 * database that stays locked is answered 503 with Retry-After.
 */

import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { createClient } from '@libsql/client'
import { getPayload, type Payload } from 'payload'

import config from '../../src/payload.config'
import { createPeople, PASSWORD } from '../helpers/fixtures'
import { waitForClipJobsToEnd } from '../helpers/clips'
import { expectMediaStoreConsistent } from '../helpers/mediaInvariant'
import { makeTestPhoto } from '../helpers/photos'
import { startApiProcess } from '../helpers/apiProcess'
import { startWorkerProcess, stopAppProcess, type AppProcess, type WorkerProcess } from '../helpers/process'
import { createCall, postSubmission, submissionForm, validSubmission } from '../helpers/submissions'
import { transcodeLoad } from '../helpers/load'

const BURSTS = Number(process.env.CONTENTION_BURSTS ?? 4)
const SUBMISSIONS_PER_BURST = 30
const STORY_SAVES_PER_BURST = 15

let payload: Payload
let web: AppProcess
let worker: WorkerProcess
let callSlug: string
let company: number | string
let housing: number | string
let loadClip: number | string

const startWorker = () => startWorkerProcess({ TRANSCODE_CONCURRENCY: '1' })

beforeAll(async () => {
  payload = await getPayload({ config })
  const people = await createPeople(payload)
  company = people.company.id
  housing = people.housing.id
  callSlug = (await createCall(payload, { videoMaxMegabytes: 100 })).slug!
  web = await startApiProcess({ ...process.env, RUN_JOBS: 'false', SEED_DEMO: 'false', SUBMISSION_RATE_LIMIT: '100000' })
  worker = startWorker()
  // A clip the worker transcodes (no fast path) for the whole of the bursts, writing progress.
  loadClip = (await payload.create({ collection: 'clips', data: { title: 'Belastning' } as never, filePath: await transcodeLoad() })).id
}, 180_000)

afterAll(async () => {
  worker?.child.kill('SIGKILL')
  if (web) await stopAppProcess(web.child)
  await payload?.destroy()
})

const loginToken = async (): Promise<{ status: number; token?: string; retryAfter: string | null }> => {
  const res = await fetch(`${web.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@test.dk', password: PASSWORD }),
  })
  const body = (await res.json().catch(() => ({}))) as { token?: string }
  return { status: res.status, token: body.token, retryAfter: res.headers.get('retry-after') }
}

type Answer = { kind: string; status: number; id?: string; retryAfter?: string | null }

const submit = async (index: number, photo: string): Promise<Answer> => {
  const body = validSubmission(callSlug, { title: `Historie nummer ${index}` })
  const res = await postSubmission(web.url, index % 5 === 0 ? submissionForm(body, { photos: [photo] }) : body)
  const json = (await res.json().catch(() => ({}))) as { id?: string }
  return { kind: 'submission', status: res.status, id: json.id, retryAfter: res.headers.get('retry-after') }
}

const saveDraft = async (token: string, index: number): Promise<Answer> => {
  const res = await fetch(`${web.url}/api/stories?draft=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ title: `Kladde ${index}`, housingOrganisation: housing, companies: [company], _status: 'draft' }),
  })
  const json = (await res.json().catch(() => ({}))) as { doc?: { id?: number } }
  return { kind: 'story', status: res.status, id: json.doc?.id === undefined ? undefined : String(json.doc.id), retryAfter: res.headers.get('retry-after') }
}

test('under contention every acknowledged write is stored and nothing answers 500', async () => {
  const photo = await makeTestPhoto('foto.jpg')
  const { token, status } = await loginToken()
  expect(status).toBe(200)
  const answers: Answer[] = []
  const lost: string[] = []

  for (let burst = 0; burst < BURSTS; burst++) {
    const results = await Promise.all([
      ...Array.from({ length: SUBMISSIONS_PER_BURST }, (_, i) => submit(burst * 100 + i, photo)),
      ...Array.from({ length: STORY_SAVES_PER_BURST }, (_, i) => saveDraft(token!, burst * 100 + i)),
      loginToken().then((login): Answer => ({ kind: 'login', status: login.status, retryAfter: login.retryAfter })),
    ])
    answers.push(...results)
    // Read back every acknowledged write from the file itself, on a connection of its own.
    const file = createClient({ url: process.env.DATABASE_URI! })
    await file.execute('PRAGMA busy_timeout = 5000')
    for (const answer of results.filter((result) => result.status === 201 && result.id)) {
      const table = answer.kind === 'submission' ? 'submissions' : 'stories'
      const { rows } = await file.execute({ sql: `select id from ${table} where id = ?`, args: [Number(answer.id)] })
      if (rows.length !== 1) lost.push(`${table} ${answer.id} (burst ${burst + 1})`)
    }
    file.close()
  }

  const failures = answers.filter((answer) => answer.status >= 500 && answer.status !== 503)
  const unavailable = answers.filter((answer) => answer.status === 503)
  const summary = `${answers.filter((a) => a.status === 201 || a.status === 200).length} ok, ${unavailable.length} × 503, ${failures.length} × 5xx, ${lost.length} lost`
  console.log(`contention: ${BURSTS} bursts: ${summary}`)
  // What the 503s waited for (this process's own queue, or the worker holding the file).
  const busyLines = web.output().split('\n').filter((line) => /database is busy/i.test(line))
  if (busyLines.length) console.log(busyLines.slice(0, 10).join('\n'))
  expect(lost).toEqual([])
  expect(failures.map((f) => `${f.kind} ${f.status}`)).toEqual([])
  // Waiting for the lock works: most writes get through. (A connection left on an old
  // snapshot once made every later write of its process fail busy until the process restarted.)
  expect(answers.filter((a) => a.status === 201 || a.status === 200).length).toBeGreaterThan(answers.length / 2)
  // A 503 tells the client when to come back.
  for (const answer of unavailable) expect(answer.retryAfter).toMatch(/^\d+$/)
  // The worker kept transcoding all along: its progress writes were among the contenders.
  expect(worker.child.exitCode).toBeNull()

  // Once the worker is done, every file the bursts and the transcode wrote has its document.
  await waitForClipJobsToEnd(payload, loadClip)
  expect((await payload.findByID({ collection: 'clips', id: loadClip, depth: 0, overrideAccess: true })).processing?.status).toBe('ready')
  await expectMediaStoreConsistent(payload)
}, 600_000)
