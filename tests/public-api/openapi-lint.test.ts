/**
 * The served OpenAPI document as generators and linters read it (issue #15, item 5): Stoplight
 * Spectral's `spectral:oas` ruleset finds no error and no warning (operation ids, tags,
 * descriptions, and every example valid against its closed schema); every operation has a
 * stable camelCase id and one declared tag; the Spectral run is real (a broken copy of the
 * document is reported).
 */
import spectralCore from '@stoplight/spectral-core'
import spectralParsers from '@stoplight/spectral-parsers'
import { oas } from '@stoplight/spectral-rulesets'
import { beforeAll, describe, expect, it } from '@jest/globals'

import { useServer } from '../helpers/server'

process.env.PUBLIC_URL = 'https://historier.example.dk'
const server = useServer()

// The Spectral packages are CommonJS: their named exports come through the default import.
const { Document, Spectral } = spectralCore as unknown as typeof import('@stoplight/spectral-core')
const { Json } = spectralParsers as unknown as typeof import('@stoplight/spectral-parsers')

type Result = { code: string | number; message: string; path: (string | number)[]; severity: number }
// DiagnosticSeverity: 0 error, 1 warning, 2 information, 3 hint.
const SEVERITY = ['error', 'warning', 'info', 'hint']
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

const lint = async (document: object): Promise<Result[]> => {
  const spectral = new Spectral()
  spectral.setRuleset({ extends: [[oas as never, 'recommended']] } as never)
  return (await spectral.run(new Document(JSON.stringify(document, null, 2), Json, 'openapi.json'))) as Result[]
}
/** One line per result, so a failure reads like Spectral's own CLI output. */
const readable = (results: Result[]) => results.map((result) => `${SEVERITY[result.severity]} ${result.code} at ${result.path.join('.')}: ${result.message}`)
const errorsAndWarnings = (results: Result[]) => readable(results.filter((result) => result.severity <= 1))

let document: Record<string, any>
const operations = () =>
  Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] })),
  )

beforeAll(async () => {
  const res = await fetch(`${server.current.url}/api/public/openapi.json`)
  expect(res.status).toBe(200)
  document = await res.json()
})

describe('Spectral spectral:oas', () => {
  it('reports no error and no warning on the served document', async () => {
    const results = await lint(document)
    expect(errorsAndWarnings(results)).toEqual([])
  })

  it('is a real check: a copy without an operation id and with an example that leaks a field is reported', async () => {
    const broken = structuredClone(document)
    delete broken.paths['/stories'].get.operationId
    broken.paths['/stories/{slug}'].get.responses['200'].content['application/json'].examples.example.value.contactEmail = 'x'
    const found = errorsAndWarnings(await lint(broken))
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning operation-operationId at paths\.\/stories\.get:/),
        expect.stringMatching(/^error oas3-valid-media-example at paths\.\/stories\/\{slug\}\.get\.responses\.200\..*contactEmail/),
      ]),
    )
  })
})

describe('operations as client generators name them', () => {
  it('every operation has a unique camelCase id, one declared tag, a summary and a description', () => {
    const declared = (document.tags as { name: string; description: string }[]).map((tag) => tag.name)
    const ids = operations().map(({ operation }) => operation.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const { path, method, operation } of operations()) {
      const where = `${method.toUpperCase()} ${path}`
      expect(`${where}: ${operation.operationId}`).toMatch(/: [a-z][a-zA-Z]+$/)
      expect(`${where}: ${operation.tags}`).toMatch(/: [A-Z]\w+$/)
      expect(declared).toContain(operation.tags[0])
      expect(operation.summary).toBeTruthy()
      expect(operation.description).toBeTruthy()
    }
    for (const tag of document.tags) expect(tag.description).toBeTruthy()
  })

  it('names the operations a client needs, on the paths they belong to', () => {
    const byId = Object.fromEntries(operations().map(({ path, method, operation }) => [operation.operationId, `${method.toUpperCase()} ${path}`]))
    expect(byId).toMatchObject({
      listStories: 'GET /stories',
      getStory: 'GET /stories/{slug}',
      listOrganisations: 'GET /organisations',
      getOrganisation: 'GET /organisations/{slug}',
      listThemes: 'GET /themes',
      getCurrentCall: 'GET /calls/current',
      createSubmission: 'POST /submissions',
      getImpact: 'GET /impact',
      createUpload: 'POST /uploads',
      getUploadOffset: 'HEAD /uploads/{id}',
      appendToUpload: 'PATCH /uploads/{id}',
      deleteUpload: 'DELETE /uploads/{id}',
      getStoriesJsonFeed: 'GET /stories.json',
      getStoriesRssFeed: 'GET /stories.rss',
      getOEmbed: 'GET /oembed',
      getEmbedPage: 'GET /embed/{slug}',
      getOpenApiDocument: 'GET /openapi.json',
    })
  })

  it('the paths outside /api/public say where they are served', () => {
    expect(document.servers[0].url).toBe('https://historier.example.dk/api/public')
    expect(document.paths['/stories.json'].servers[0].url).toBe('https://historier.example.dk/feed')
    expect(document.paths['/oembed'].servers[0].url).toBe('https://historier.example.dk')
    expect(document.paths['/embed/{slug}'].servers[0].url).toBe('https://historier.example.dk')
  })
})
