/**
 * /media/clips/… and /media/posters/…: renditions, HLS files and posters are served with range
 * requests while the clip is public (SPEC §6: processed, consent confirmed, none withdrawn) and
 * a published story shows it, to staff always, and stop the moment consent is withdrawn.
 */
import { beforeAll, expect, test } from '@jest/globals'

import type { Clip } from '../../src/payload-types'
import { uploadAndProcess } from '../helpers/clips'
import { createPeople, PASSWORD } from '../helpers/fixtures'
import { client, login, type Client } from '../helpers/http'
import { makeTestVideo } from '../helpers/media'
import { useServer } from '../helpers/server'
import { publishStory } from '../helpers/stories'

const server = useServer()
let editor: Client
let anonymous: Client
let clip: Clip
let people: Awaited<ReturnType<typeof createPeople>>
beforeAll(async () => {
  people = await createPeople(server.current.payload)
  editor = await login(server.current.url, 'editor@test.dk', PASSWORD)
  anonymous = client(server.current.url)
  clip = await uploadAndProcess(server.current.payload, await makeTestVideo('medie.mp4', 2), 'Medie')
}, 120_000)

const mp4 = () => clip.renditions![0].url!
const setConsent = (consent: Record<string, unknown>) =>
  server.current.payload.update({ collection: 'clips', id: clip.id, data: { consent } as never })

test('before consent only staff get the files, uncached', async () => {
  expect((await anonymous.request(mp4())).status).toBe(404)
  const res = await editor.request(mp4())
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('video/mp4')
  expect(res.headers.get('cache-control')).toBe('private, no-store')
})

const posterFile = async () => {
  const posterId = typeof clip.poster === 'object' && clip.poster ? clip.poster.id : (clip.poster as number)
  const poster = await server.current.payload.findByID({ collection: 'media', id: posterId, overrideAccess: true })
  return { poster, url: `/media/posters/${clip.id}/${poster.sizes?.card?.filename ?? poster.filename}` }
}

test('a public clip is served to everyone with ranges and long-lived caching, once a published story shows it', async () => {
  await setConsent({ confirmed: true, records: [{ person: 'Beboer', role: 'resident', givenAt: '2026-01-01', scope: ['web'] }] })
  // Consented but on no published story: still not public.
  expect((await anonymous.request(mp4())).status).toBe(404)
  const { poster, url: posterUrl } = await posterFile()
  expect((await anonymous.request(posterUrl)).status).toBe(404)
  // The poster is a private media document: Payload's own file route never serves it.
  expect((await anonymous.request(`/api/media/file/${poster.filename}`)).status).toBeGreaterThanOrEqual(400)

  await publishStory(server.current.payload, { housing: people.housing.id, company: people.company.id, clips: [clip.id] })
  const image = await anonymous.request(posterUrl)
  expect(image.status).toBe(200)
  expect(image.headers.get('content-type')).toMatch(/^image\/(webp|jpeg)$/)
  expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  const whole = await anonymous.request(mp4())
  expect(whole.status).toBe(200)
  expect(whole.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  const size = (await whole.arrayBuffer()).byteLength
  expect(size).toBe(clip.renditions![0].size)

  const part = await anonymous.request(mp4(), { headers: { range: 'bytes=100-199' } })
  expect(part.status).toBe(206)
  expect(part.headers.get('content-range')).toBe(`bytes 100-199/${size}`)
  expect((await part.arrayBuffer()).byteLength).toBe(100)

  const master = await anonymous.request(clip.hlsUrl!)
  expect(master.status).toBe(200)
  expect(master.headers.get('content-type')).toMatch(/application\/vnd\.apple\.mpegurl/)
  expect(await master.text()).toContain('#EXT-X-STREAM-INF')
})

test('withdrawing consent stops the files at once', async () => {
  await setConsent({
    confirmed: true,
    records: [{ person: 'Beboer', role: 'resident', givenAt: '2026-01-01', scope: ['web'], withdrawnAt: '2026-11-01' }],
  })
  expect((await anonymous.request(mp4())).status).toBe(404)
  expect((await anonymous.request(clip.hlsUrl!)).status).toBe(404)
  expect((await anonymous.request((await posterFile()).url)).status).toBe(404)
  expect((await editor.request(mp4())).status).toBe(200)
  expect((await editor.request((await posterFile()).url)).status).toBe(200)
})

test('names outside the clip folder and unknown versions are not found', async () => {
  const base = mp4().replace(/[^/]+$/, '')
  for (const path of [`${base}..%2F..%2Foriginals%2Fmedie.mp4`, `${base}master.txt`, mp4().replace(/\/[0-9a-f]{16}\//, '/0000000000000000/')]) {
    expect((await editor.request(path)).status).toBe(404)
  }
})

test('captions: SRT is stored as WebVTT and served with the clip; a wrong line is refused by number', async () => {
  const { payload } = server.current
  await setConsent({ confirmed: true, records: [{ person: 'Beboer', role: 'resident', givenAt: '2026-01-01', scope: ['web'] }] })
  const bad = await editor.request(`/api/clips/${clip.id}`, {
    method: 'PATCH',
    json: { captions: [{ language: 'da', vtt: '1\n00:00:00,500 --> 00:00:01,500\nHej\n\n2\n00:00:02;000 --> 00:00:03,000\nFejl\n' }] },
  })
  expect(bad.status).toBe(400)
  expect(JSON.stringify(await bad.json())).toMatch(/Linje 6: tidskoden/)

  const ok = await editor.request(`/api/clips/${clip.id}`, {
    method: 'PATCH',
    json: { captions: [{ language: 'da', label: 'Dansk', vtt: '1\n00:00:00,500 --> 00:00:01,500\nHej med jer – æøå\n' }] },
  })
  expect(ok.status).toBe(200)
  const saved = await payload.findByID({ collection: 'clips', id: clip.id, depth: 0 })
  const [caption] = saved.captions!
  expect(caption.vtt).toBe('WEBVTT\n\n00:00:00.500 --> 00:00:01.500\nHej med jer – æøå\n')
  expect(caption.url).toMatch(new RegExp(`^/media/clips/${clip.id}/captions/da-[0-9a-f]{12}\\.vtt$`))

  const served = await anonymous.request(caption.url!)
  expect(served.status).toBe(200)
  expect(served.headers.get('content-type')).toBe('text/vtt; charset=utf-8')
  expect(await served.text()).toBe(caption.vtt)
  expect((await anonymous.request(caption.url!.replace(/da-[0-9a-f]+/, 'da-000000000000'))).status).toBe(404)
})
