/**
 * Captions in the HLS master (issue #15, item 3): every public clip's master names its captions
 * as `EXT-X-MEDIA TYPE=SUBTITLES` renditions, a WebVTT media playlist per language, with the
 * group on every variant, and a caption added in the admin is in the master on the next request,
 * with no new encode. A player nobody here wrote reads them in tests/public-api/site.test.ts:
 * hls.js in Chromium lists the caption track from the master alone. (ffmpeg 5.1's HLS demuxer is
 * no such reader: it skips every subtitle rendition, "Can't support the subtitle".)
 */
import { beforeAll, expect, test } from '@jest/globals'

import { CONSENT } from '../public-api/fixtures'
import { uploadAndProcess } from '../helpers/clips'
import { makeTestVideo } from '../helpers/media'
import { createPeople, PASSWORD } from '../helpers/fixtures'
import { publishStory } from '../helpers/stories'
import { login, useServer } from '../helpers/server'
import type { Clip } from '../../src/payload-types'

const server = useServer()
let clip: Clip

const DANISH = 'WEBVTT\n\n00:00.000 --> 00:01.500\nGod morgen fra værkstedet\n'
const ENGLISH = 'WEBVTT\n\n00:00.000 --> 00:01.500\nGood morning from the workshop\n'

beforeAll(async () => {
  const payload = server.current.payload
  const people = await createPeople(payload)
  const processed = await uploadAndProcess(payload, await makeTestVideo('undertekster.mp4', 2), 'Med undertekster')
  clip = await payload.update({
    collection: 'clips',
    id: processed.id,
    data: { consent: CONSENT, captions: [{ language: 'da', vtt: DANISH }] } as never,
  })
  await publishStory(payload, { housing: people.housing.id, company: people.company.id, clips: [clip.id] })
}, 240_000)

const get = async (url: string) => {
  const res = await fetch(`${server.current.url}${url}`)
  return { status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), text: await res.text() }
}

test('the master names each caption language as a subtitle rendition, and every variant names the group', async () => {
  const master = await get(clip.hlsUrl!)
  expect(master.status).toBe(200)
  expect(master.type).toMatch(/^application\/vnd\.apple\.mpegurl/)
  // Captions change without a new encode: the master is not cached for a year like the segments.
  expect(master.cache).toBe('public, max-age=60, stale-while-revalidate=300')
  const lines = master.text.split('\n')
  const media = lines.filter((line) => line.startsWith('#EXT-X-MEDIA:'))
  expect(media).toHaveLength(1)
  expect(media[0]).toMatch(/^#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="Dansk",LANGUAGE="da",DEFAULT=YES,AUTOSELECT=YES,FORCED=NO,URI="\.\.\/captions\/da-[0-9a-f]{12}\.m3u8"$/)
  const variants = lines.filter((line) => line.startsWith('#EXT-X-STREAM-INF:'))
  expect(variants.length).toBeGreaterThan(0)
  for (const variant of variants) expect(variant).toMatch(/,SUBTITLES="subs"$/)

  // The media playlist resolves from the master's URL, and its one segment is the caption file.
  const playlistUrl = new URL(/URI="([^"]+)"/.exec(media[0])![1], `http://x${clip.hlsUrl}`).pathname
  const playlist = await get(playlistUrl)
  expect(playlist.status).toBe(200)
  expect(playlist.text).toContain('#EXT-X-PLAYLIST-TYPE:VOD')
  expect(playlist.text).toContain('#EXT-X-ENDLIST')
  const segment = playlist.text.split('\n').find((line) => line.endsWith('.vtt'))!
  const vtt = await get(new URL(segment, `http://x${playlistUrl}`).pathname)
  expect(vtt.status).toBe(200)
  expect(vtt.text).toBe(DANISH)
})

test('a caption added in the admin is in the master on the next request; a clip without captions has no group', async () => {
  const payload = server.current.payload
  await payload.update({
    collection: 'clips',
    id: clip.id,
    data: { captions: [{ language: 'da', vtt: DANISH }, { language: 'en', label: 'English', vtt: ENGLISH }] } as never,
  })
  const master = (await get(clip.hlsUrl!)).text
  expect(master).toMatch(/LANGUAGE="da",DEFAULT=YES/)
  expect(master).toMatch(/NAME="English",LANGUAGE="en",DEFAULT=NO/)

  // The editor's player still holding the former master asks for the former caption names: it
  // gets the language's current captions (uncached), not a 404; the public gets a 404.
  const oldPlaylist = /URI="\.\.\/captions\/(da-[0-9a-f]{12}\.m3u8)"/.exec((await get(clip.hlsUrl!)).text)![1]
  await payload.update({
    collection: 'clips',
    id: clip.id,
    data: { captions: [{ language: 'da', vtt: DANISH.replace('God morgen', 'Godmorgen') }] } as never,
  })
  const captionsBase = clip.hlsUrl!.replace(/\/[^/]+\/[^/]+$/, '/captions/')
  expect((await get(`${captionsBase}${oldPlaylist}`)).status).toBe(404)
  const editor = await login(server.current.url, 'editor@test.dk', PASSWORD)
  const staffGet = async (url: string) => {
    const res = await editor.request(url)
    return { status: res.status, cache: res.headers.get('cache-control'), text: await res.text() }
  }
  const stalePlaylist = await staffGet(`${captionsBase}${oldPlaylist}`)
  expect(stalePlaylist.status).toBe(200)
  expect(stalePlaylist.cache).toBe('private, no-store')
  const currentVtt = stalePlaylist.text.split('\n').find((line) => line.endsWith('.vtt'))!
  expect(currentVtt).not.toBe(oldPlaylist.replace('.m3u8', '.vtt'))
  expect((await get(`${captionsBase}${currentVtt}`)).text).toContain('Godmorgen')
  const staleVtt = await staffGet(`${captionsBase}${oldPlaylist.replace('.m3u8', '.vtt')}`)
  expect(staleVtt.status).toBe(200)
  expect(staleVtt.text).toContain('Godmorgen')
  expect((await staffGet(`${captionsBase}en-000000000000.vtt`)).status).toBe(404)

  await payload.update({ collection: 'clips', id: clip.id, data: { captions: [] } as never })
  const bare = (await get(clip.hlsUrl!)).text
  expect(bare).not.toContain('EXT-X-MEDIA')
  expect(bare).not.toContain('SUBTITLES=')
  expect(bare).toContain('#EXT-X-STREAM-INF:')
})
