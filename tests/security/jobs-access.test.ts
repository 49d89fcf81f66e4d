import { beforeAll, describe, expect, it } from '@jest/globals'

import { createPeople, PASSWORD } from '../helpers/fixtures'
import { client, login, useServer, type Client } from '../helpers/server'

// RUN_JOBS=false (tests/setup/env.ts) and runJobs: false: nothing in this process runs the queue
// by itself, so a job that moves was started by the HTTP call under test.
const server = useServer({ runJobs: false })
const clients: Record<'anonymous' | 'member' | 'editor' | 'admin', Client> = {} as never

/** A pipeline job for a clip that does not exist: if anything ran it, it would be tried (and fail). */
const queueProbeJob = () =>
  server.current.payload.jobs.queue({ task: 'processClip', queue: 'video', input: { clipId: '999999' } })

const jobState = async (id: number | string) => {
  const job = await server.current.payload.findByID({ collection: 'payload-jobs', id, overrideAccess: true, disableErrors: true })
  return job && { totalTried: job.totalTried ?? 0, processing: Boolean(job.processing), completedAt: job.completedAt ?? null, hasError: Boolean(job.hasError) }
}

beforeAll(async () => {
  await createPeople(server.current.payload)
  const url = server.current.url
  clients.anonymous = client(url)
  clients.member = await login(url, 'member@test.dk', PASSWORD)
  clients.editor = await login(url, 'editor@test.dk', PASSWORD)
  clients.admin = await login(url, 'admin@test.dk', PASSWORD)
})

describe('the job queue cannot be run over HTTP (issue #10, item 3)', () => {
  it.each([
    ['anonymous', 401],
    ['member', 403],
    ['editor', 403],
    ['admin', 403],
  ] as const)('%s gets %i on /run and /handle-schedules, and the queued job is not touched', async (who, status) => {
    const job = await queueProbeJob()
    const untouched = await jobState(job.id)
    expect(untouched).toEqual({ totalTried: 0, processing: false, completedAt: null, hasError: false })

    const run = await clients[who].request('/api/payload-jobs/run?queue=video&limit=10')
    expect(run.status).toBe(status)
    const schedules = await clients[who].request('/api/payload-jobs/handle-schedules?queue=video')
    expect(schedules.status).toBe(status)
    const allQueues = await clients[who].request('/api/payload-jobs/run?allQueues=true')
    expect(allQueues.status).toBe(status)

    expect(await jobState(job.id)).toEqual(untouched)
    await server.current.payload.jobs.cancelByID({ id: job.id })
  })

  it('our own runners still queue, run and cancel through the Local API', async () => {
    const { payload } = server.current
    // Queued with a logged-in user's request, as a member's submission queues its mail and clip job.
    const member = await payload.login({ collection: 'users', data: { email: 'member@test.dk', password: PASSWORD } })
    const job = await payload.jobs.queue({
      task: 'processClip',
      queue: 'video',
      input: { clipId: '999999' },
      req: { user: { ...member.user, collection: 'users' } } as never,
    })
    await payload.jobs.run({ queue: 'video', limit: 10, silent: true })
    const tried = await jobState(job.id)
    // Ran: tried once (and failed, the clip does not exist) or done and deleted.
    expect(tried === null || tried.totalTried >= 1).toBe(true)

    const other = await payload.jobs.queue({ task: 'processClip', queue: 'video', input: { clipId: '999998' } })
    await payload.jobs.cancelByID({ id: other.id })
    const cancelled = await jobState(other.id)
    expect(cancelled === null || cancelled.hasError).toBe(true)
  })
})
