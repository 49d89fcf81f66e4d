/**
 * The public API as a published contract: the OpenAPI document is valid OpenAPI 3.1 and every
 * real response matches its schema; the feeds follow their specs; nothing private appears in
 * any public answer; and consent withdrawal, unpublishing and deleting act on the next request.
 */
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from '@jest/globals'

import { useServer } from '../helpers/server'
import { buildCatalogue, PRIVATE_MARKERS } from './fixtures'

process.env.PUBLIC_URL = 'https://historier.example.dk'
const server = useServer()
let catalogue: Awaited<ReturnType<typeof buildCatalogue>>
let document: Record<string, any>

const fetchText = async (path: string) => {
  const res = await fetch(`${server.current.url}${path}`)
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() }
}
const localPath = (url: string) => url.replace('https://historier.example.dk', '')

beforeAll(async () => {
  catalogue = await buildCatalogue(server.current.payload)
  document = JSON.parse((await fetchText('/api/public/openapi.json')).text)
}, 180_000)

describe('OpenAPI 3.1', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(document.openapi).toBe('3.1.0')
    for (const path of ['/stories', '/stories/{slug}', '/organisations', '/organisations/{slug}', '/themes', '/calls/current', '/submissions', '/impact', '/stories.json', '/stories.rss']) {
      expect(Object.keys(document.paths)).toContain(path)
    }
  })

  it.each([
    ['/api/public/stories', 'StoryList'],
    ['/api/public/stories?locale=en&limit=1', 'StoryList'],
    ['/api/public/stories/cykelvaerksted-i-kaelderen', 'StoryDetail'],
    ['/api/public/stories/faelleshave-med-genbrugsplast', 'StoryDetail'],
    ['/api/public/organisations/testbolig', 'Organisation'],
    ['/api/public/calls/current', 'CurrentCall'],
    ['/api/public/stories/findes-ikke', 'Error'],
    ['/api/public/stories?limit=99', 'Error'],
    ['/feed/stories.json', 'JsonFeed'],
  ])('%s matches the schema %s', async (path, schema) => {
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    ;(addFormatsModule as unknown as (ajv: Ajv2020) => void)(ajv)
    ajv.addSchema({ $id: 'doc', components: document.components })
    const validate = ajv.compile({ $ref: `doc#/components/schemas/${schema}` })
    const body = JSON.parse((await fetchText(path)).text)
    const valid = validate(body)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('describes the error a closed-object schema would catch: a leaked field fails validation', () => {
    const ajv = new Ajv2020({ strict: false })
    ajv.addSchema({ $id: 'doc', components: document.components })
    const validate = ajv.compile({ $ref: 'doc#/components/schemas/Organisation' })
    const leaked = { name: 'X', slug: 'x', kind: 'company', logo: null, id: '1', municipality: null, postcode: null, website: null, description: null, bCorp: false, parent: null, stories: [], contactEmail: 'x@y.dk' }
    expect(validate(leaked)).toBe(false)
  })
})

describe('feeds', () => {
  it('JSON Feed 1.1: the published stories with absolute URLs and the top MP4 as attachment', async () => {
    const { status, type, text } = await fetchText('/feed/stories.json')
    expect(status).toBe(200)
    expect(type).toContain('application/feed+json')
    const feed = JSON.parse(text)
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.feed_url).toBe('https://historier.example.dk/feed/stories.json')
    expect(feed.items.map((item: { url: string }) => item.url)).toEqual([
      'https://historier.example.dk/historier/faelleshave-med-genbrugsplast',
      'https://historier.example.dk/historier/cykelvaerksted-i-kaelderen',
    ])
    const bike = feed.items[1]
    expect(bike.attachments[0]).toMatchObject({ mime_type: 'video/mp4', url: expect.stringMatching(/^https:\/\/historier\.example\.dk\/media\/clips\//) })
    // The file's real size: what a download shows as its progress.
    const file = await fetch(`${server.current.url}${localPath(bike.attachments[0].url)}`)
    expect(bike.attachments[0].size_in_bytes).toBe((await file.arrayBuffer()).byteLength)
    expect(bike.date_published).toBe('2026-03-01T10:00:00.000Z')
  })

  it('RSS 2.0 with Media RSS: well-formed, required channel and item elements, media:content and media:thumbnail', async () => {
    const { status, type, text } = await fetchText('/feed/stories.rss')
    expect(status).toBe(200)
    expect(type).toContain('application/rss+xml')
    expect(XMLValidator.validate(text)).toBe(true)
    const rss = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(text).rss
    expect(rss['@version']).toBe('2.0')
    expect(rss['@xmlns:media']).toBe('http://search.yahoo.com/mrss/')
    const channel = rss.channel
    expect(channel.title).toBeTruthy()
    expect(channel.link).toBe('https://historier.example.dk/')
    expect(channel.description).toBeTruthy()
    const items = Array.isArray(channel.item) ? channel.item : [channel.item]
    expect(items).toHaveLength(2)
    const bike = items[1]
    expect(bike.title).toBe('Cykelværksted i kælderen')
    expect(bike.guid['#text']).toBe('https://historier.example.dk/historier/cykelvaerksted-i-kaelderen')
    // RFC 822 dates, as RSS 2.0 requires.
    expect(bike.pubDate).toBe('Sun, 01 Mar 2026 10:00:00 GMT')
    expect(bike['media:content']['@type']).toBe('video/mp4')
    expect(bike['media:content']['@medium']).toBe('video')
    expect(bike['media:content']['@url']).toMatch(/^https:\/\/historier\.example\.dk\/media\/clips\/.+\.mp4$/)
    expect(bike['media:thumbnail']['@url']).toMatch(/^https:\/\/historier\.example\.dk\/media\/posters\//)
    // <enclosure> (issue #15): the same MP4 as media:content, with its length in bytes and its type.
    expect(bike.enclosure['@url']).toBe(bike['media:content']['@url'])
    expect(bike.enclosure['@type']).toBe('video/mp4')
    const file = await fetch(`${server.current.url}${localPath(bike.enclosure['@url'])}`)
    expect(Number(bike.enclosure['@length'])).toBe((await file.arrayBuffer()).byteLength)
  })
})

describe('nothing private, anywhere public', () => {
  it('no e-mail, phone, consent record, note, submission, draft or hidden clip in any public answer or feed', async () => {
    const paths = [
      '/api/public/stories',
      '/api/public/stories?locale=en',
      '/api/public/stories/cykelvaerksted-i-kaelderen',
      '/api/public/stories/faelleshave-med-genbrugsplast',
      '/api/public/organisations',
      '/api/public/organisations/testbolig',
      '/api/public/organisations/testfirma-aps',
      '/api/public/themes',
      '/api/public/calls/current',
      '/api/public/impact',
      '/api/public/openapi.json',
      '/feed/stories.json',
      '/feed/stories.rss',
    ]
    for (const path of paths) {
      const { status, text } = await fetchText(path)
      expect(status).toBe(200)
      for (const marker of Object.values(PRIVATE_MARKERS)) expect(`${path}: ${text}`).not.toContain(marker)
      expect(`${path}: ${text}`).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/)
      // The OpenAPI document names the submission body's fields (contactEmail…); data never does.
      if (path.endsWith('openapi.json')) continue
      for (const word of ['consent', 'editorNotes', 'contactEmail', 'contactPhone', 'filename', 'originals', '"cvr"', 'stage', 'sourceSubmission']) {
        expect(`${path}: ${text}`).not.toContain(word)
      }
    }
  })
})

describe('withdrawal, unpublishing and deletion act on the next request', () => {
  const slugs = async (path: string) => JSON.parse((await fetchText(path)).text).items.map((item: { slug: string }) => item.slug)

  it('withdrawn consent: the clip leaves the story, the feeds and its files stop at once', async () => {
    const before = JSON.parse((await fetchText('/api/public/stories/cykelvaerksted-i-kaelderen')).text)
    const clip = before.clips[0]
    const files = [clip.hlsUrl, clip.renditions[0].url, clip.poster.url, clip.captions[0].url].map(localPath)
    for (const file of files) expect((await fetchText(file)).status).toBe(200)
    expect((await fetchText('/feed/stories.rss')).text).toContain(localPath(clip.renditions[0].url).split('/').pop())

    await server.current.payload.update({
      collection: 'clips',
      id: catalogue.publicClip.id,
      data: { consent: { confirmed: true, records: [{ person: 'Beboer', role: 'resident', givenAt: '2026-01-01', scope: ['web'], withdrawnAt: '2026-11-20' }] } } as never,
    })
    const after = JSON.parse((await fetchText('/api/public/stories/cykelvaerksted-i-kaelderen')).text)
    expect(after.clips).toEqual([])
    expect(JSON.parse((await fetchText('/api/public/stories')).text).items[1].clipCount).toBe(0)
    for (const file of files) expect((await fetchText(file)).status).toBe(404)
    expect((await fetchText('/feed/stories.rss')).text).not.toContain('media:content')
    expect(JSON.parse((await fetchText('/feed/stories.json')).text).items[1].attachments).toBeUndefined()
  })

  it('unpublishing and deleting remove the story from lists, pages, counts and feeds', async () => {
    expect(await slugs('/api/public/stories')).toContain('faelleshave-med-genbrugsplast')
    await server.current.payload.update({ collection: 'stories', id: catalogue.garden.id, data: { _status: 'draft' } as never })
    expect(await slugs('/api/public/stories')).not.toContain('faelleshave-med-genbrugsplast')
    expect((await fetchText('/api/public/stories/faelleshave-med-genbrugsplast')).status).toBe(404)
    expect(JSON.parse((await fetchText('/api/public/themes')).text).items.find((t: { key: string }) => t.key === 'community').storyCount).toBe(0)
    expect((await fetchText('/feed/stories.json')).text).not.toContain('faelleshave')

    await server.current.payload.delete({ collection: 'stories', id: catalogue.bike.id })
    expect(await slugs('/api/public/stories')).toEqual([])
    expect((await fetchText('/feed/stories.rss')).text).not.toContain('<item>')
  })
})
