/**
 * The pipeline end to end on generated media (SPEC §5, issue #3): each source is uploaded as a
 * clip, the queued job runs, and every output is checked with ffprobe.
 */
import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, test } from '@jest/globals'

import { uploadAndProcess } from '../helpers/clips'
import { createPeople, PASSWORD } from '../helpers/fixtures'
import { login, type Client } from '../helpers/http'
import { SOURCES } from '../helpers/media'
import { useServer } from '../helpers/server'
import { expectWebReadyClip, fileOf, type SourceTraits } from '../helpers/videoAssertions'

const server = useServer()
const payload = () => server.current.payload

const READY: [keyof typeof SOURCES, SourceTraits & { labels: string[] }][] = [
  ['landscape1080', { portrait: false, hasAudio: true, fastPath: true, labels: ['1080p', '720p', '480p'] }],
  ['portraitHevc', { portrait: true, hasAudio: true, fastPath: false, labels: ['360p'] }],
  ['vp9Opus', { portrait: false, hasAudio: true, fastPath: false, labels: ['360p'] }],
  ['variableFrameRate', { portrait: false, hasAudio: true, fastPath: false, labels: ['360p'] }],
  ['noAudio', { portrait: false, hasAudio: false, fastPath: true, labels: ['360p'] }],
  ['oddSize', { portrait: false, hasAudio: true, fastPath: false, labels: ['478p'] }],
  ['anamorphic', { portrait: false, hasAudio: true, fastPath: false, labels: ['480p'] }],
  ['hlg10bit', { portrait: false, hasAudio: true, fastPath: false, labels: ['720p', '480p'] }],
  ['uhd4k', { portrait: false, hasAudio: true, fastPath: false, labels: ['1080p', '720p', '480p'] }],
  ['oneSecond', { portrait: false, hasAudio: true, fastPath: true, labels: ['720p', '480p'] }],
]

describe('sources that must come out web-ready', () => {
  test.each(READY)('%s', async (name, traits) => {
    const clip = await uploadAndProcess(payload(), await SOURCES[name](), name)
    expect(clip.renditions?.map((r) => r.label)).toEqual(traits.labels)
    await expectWebReadyClip(clip, traits)
  }, 180_000)
})

test('the probe on the clip names what the source was', async () => {
  const clip = await uploadAndProcess(payload(), await SOURCES.portraitHevc(), 'portræt')
  expect(clip.probe).toMatchObject({ width: 360, height: 640, videoCodec: 'hevc', audioCodec: 'aac', hasAudio: true })
  expect([90, 270]).toContain(clip.probe?.rotation)
  expect(clip.probe?.duration).toBeCloseTo(2, 0)
}, 120_000)

test('an anamorphic source gets square pixels at its display aspect', async () => {
  const clip = await uploadAndProcess(payload(), await SOURCES.anamorphic(), 'anamorf')
  const [top] = clip.renditions!
  // 720x576 with 16:11 pixels is shown 1047x576: 480 high → 872 wide
  expect([top.width, top.height]).toEqual([872, 480])
}, 120_000)

test('an audio-only file is stored, then failed with a plain reason, and not retried', async () => {
  const source = await SOURCES.audioOnly()
  const clip = await uploadAndProcess(payload(), source, 'kun lyd')
  expect(clip.processing?.status).toBe('failed')
  // In each language apart, never joined (issue #15).
  expect(clip.processing).toMatchObject({ error: 'Filen indeholder kun lyd, ingen video', errorEn: 'The file has sound only, no video' })
  expect(clip.renditions ?? []).toEqual([])
  expect(fs.readFileSync(fileOf(`/media/originals/${clip.filename}`))).toEqual(fs.readFileSync(source))
  // Completed jobs are removed; one still waiting would be a retry of something that cannot work.
  const { docs } = await payload().find({ collection: 'payload-jobs', where: { 'input.clipId': { equals: String(clip.id) } } as never })
  expect(docs).toEqual([])
}, 120_000)

describe('uploads that can never be video are refused with a reason, storing nothing', () => {
  test.each([
    // In the requester's language (Danish here), never Danish and English joined (issue #15).
    ['zeroBytes', /Filen er tom \(0 bytes\)$/],
    ['textAsMp4', /Filen er en tekstfil, ikke en video$/],
    ['truncated', /Filen er beskadiget eller afkortet og kan ikke læses som video$/],
  ] as const)('%s', async (name, reason) => {
    const editor = await editorClient()
    const before = await payload().count({ collection: 'clips' })
    const source = await SOURCES[name]()
    const form = new FormData()
    form.append('file', new Blob([fs.readFileSync(source)], { type: 'video/mp4' }), path.basename(source))
    form.append('_payload', JSON.stringify({ title: name }))

    const res = await editor.request('/api/clips', { method: 'POST', body: form })

    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: { message: string; data?: { errors: { path: string; message: string }[] } }[] }
    expect(body.errors[0].message).toMatch(reason)
    expect(body.errors[0].data?.errors[0]).toMatchObject({ path: 'file', message: expect.stringMatching(reason) })
    expect((await payload().count({ collection: 'clips' })).totalDocs).toBe(before.totalDocs)
    expect(fs.existsSync(fileOf(`/media/originals/${path.basename(source)}`))).toBe(false)
  })
})

let editor: Client | undefined
const editorClient = async () => {
  if (editor) return editor
  await createPeople(payload())
  return (editor = await login(server.current.url, 'editor@test.dk', PASSWORD))
}
