/**
 * A worker killed mid-transcode (SIGKILL: no chance to clean up) leaves its job marked
 * processing. The lease hands it back, and a restarted worker finishes the clip (issue #3).
 */
import { expect, test } from '@jest/globals'

import { isTranscoding } from '../helpers/clips'
import { startWorkerProcess } from '../helpers/process'
import { SOURCES } from '../helpers/media'
import { useServer } from '../helpers/server'
import { expectWebReadyClip } from '../helpers/videoAssertions'

const server = useServer()

const startWorker = () => startWorkerProcess({ JOB_LEASE_SECONDS: '4', TRANSCODE_CONCURRENCY: '1' })

const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`timed out waiting for ${what}`)
}

test('a clip whose worker was killed mid-transcode is finished by the next worker', async () => {
  const { payload } = server.current
  const clip = await payload.create({ collection: 'clips', data: { title: 'Afbrudt' } as never, filePath: await SOURCES.longLandscape() })
  const status = async () => (await payload.findByID({ collection: 'clips', id: clip.id, depth: 0 })).processing

  const first = startWorker()
  await waitFor('the first worker to be transcoding', async () => {
    const current = await status()
    return isTranscoding(current) ? current : undefined
  }, 90_000)
  first.child.kill('SIGKILL')
  await new Promise((resolve) => first.child.once('exit', resolve))

  const [job] = (await payload.find({ collection: 'payload-jobs', where: { 'input.clipId': { equals: String(clip.id) } } as never })).docs
  expect(job).toMatchObject({ processing: true }) // what Payload alone would leave forever

  const second = startWorker()
  try {
    const done = await waitFor('the clip to be ready', async () => {
      const current = await status()
      if (current?.status === 'failed') throw new Error(`clip failed: ${current.error}\n${second.output()}`)
      return current?.status === 'ready' ? current : undefined
    }, 240_000)
    expect(done.progress).toBe(100)
    expect(second.output()).toMatch(/lost its worker; handed back to the queue/)
    const finished = await payload.findByID({ collection: 'clips', id: clip.id, depth: 1 })
    await expectWebReadyClip(finished, { portrait: false, hasAudio: true, fastPath: true })
  } finally {
    second.child.kill('SIGTERM')
    await new Promise((resolve) => second.child.once('exit', resolve))
  }
}, 400_000)
