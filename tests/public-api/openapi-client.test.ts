/**
 * A real consumer of the OpenAPI document (issue #15, item 5): TypeScript types generated from
 * the served document by openapi-typescript, a small client on openapi-fetch that uses them,
 * compiled by the project's TypeScript with --strict (no diagnostic; and a misuse IS reported,
 * so the types are real), then that same client, compiled to JavaScript, calls the running API.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import openapiTS, { astToString } from 'openapi-typescript'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'

import { createPeople } from '../helpers/fixtures'
import { useServer } from '../helpers/server'
import { publishStory } from '../helpers/stories'

const PUBLIC_URL = 'https://historier.example.dk'
process.env.PUBLIC_URL = PUBLIC_URL
const server = useServer()

/** What the generated client file exports, once compiled. */
type ClientModule = {
  readCatalogue: (apiUrl: string, slug: string) => Promise<{
    titles: string[]
    totalItems: number
    story: { slug: string; title: string; organisations: string[]; themeKeys: string[] }
    missingCode: string | undefined
    themes: { key: string; label: string; storyCount: number }[]
    impactStories: number
  }>
  readOEmbed: (siteUrl: string, storyUrl: string) => Promise<unknown>
}

/** The consumer: only generated types, openapi-fetch and strict TypeScript. */
const CLIENT = `
import createClient from 'openapi-fetch'
import type { components, paths } from './schema'

type StoryCard = components['schemas']['StoryCard']

export const readCatalogue = async (apiUrl: string, slug: string) => {
  const client = createClient<paths>({ baseUrl: apiUrl })
  const stories = await client.GET('/stories', { params: { query: { theme: 'community', limit: 5, locale: 'da' } } })
  if (!stories.data) throw new Error('listStories answered ' + stories.response.status)
  const titles: string[] = stories.data.items.map((story: StoryCard) => story.title)

  const story = await client.GET('/stories/{slug}', { params: { path: { slug } } })
  if (!story.data) throw new Error('getStory answered ' + story.response.status)
  const organisations: string[] = story.data.organisations.map((organisation) => organisation.name)
  const themeKeys: ('safety' | 'skills-and-jobs' | 'sustainability' | 'health' | 'community')[] = story.data.themes.map((theme) => theme.key)

  const missing = await client.GET('/stories/{slug}', { params: { path: { slug: 'findes-ikke' } } })
  const missingCode: string | undefined = missing.error?.error.code

  const themes = await client.GET('/themes', { params: { query: { locale: 'en' } } })
  if (!themes.data) throw new Error('listThemes answered ' + themes.response.status)

  const impact = await client.GET('/impact')
  if (!impact.data) throw new Error('getImpact answered ' + impact.response.status)
  const impactStories: number = impact.data.stories.total

  return {
    titles,
    totalItems: stories.data.totalItems,
    story: { slug: story.data.slug, title: story.data.title, organisations, themeKeys },
    missingCode,
    themes: themes.data.items,
    impactStories,
  }
}

export const readOEmbed = async (siteUrl: string, storyUrl: string) => {
  const client = createClient<paths>({ baseUrl: siteUrl })
  const answer = await client.GET('/oembed', { params: { query: { url: storyUrl, format: 'json', maxwidth: 480 } } })
  if (!answer.data) throw new Error('getOEmbed answered ' + answer.response.status)
  const width: number = answer.data.width
  return { ...answer.data, width }
}
`

/** Mistakes a consumer could make; each must be a compile error with real types. */
const MISUSE = `
import createClient from 'openapi-fetch'
import type { paths } from './schema'

const client = createClient<paths>({ baseUrl: 'http://localhost' })
export const misuse = async () => {
  const { data } = await client.GET('/stories', { params: { query: { theme: 'sport' } } })
  const first: string | undefined = data?.items[0]?.titel
  const story = await client.GET('/stories/{slug}', { params: { path: { id: 'cykelvaerksted' } } })
  return [first, story]
}
`

const TSC = path.resolve('node_modules/typescript/bin/tsc')

/**
 * `tsc --noEmit --strict` over one file of the folder, with the project's TypeScript, in a child
 * process: a long synchronous compile here would stall the server that runs in this process.
 */
const compile = async (file: string): Promise<{ exitCode: number; text: string }> => {
  const config = path.join(folder, `tsconfig.${path.basename(file, '.ts')}.json`)
  const compilerOptions = { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], types: [] }
  fs.writeFileSync(config, JSON.stringify({ compilerOptions, files: [file] }))
  return new Promise((resolve) => {
    execFile(process.execPath, [TSC, '-p', config, '--pretty', 'false'], { cwd: folder }, (error, stdout, stderr) => {
      resolve({ exitCode: error ? Number(error.code ?? 1) : 0, text: `${stdout}${stderr}`.trim() })
    })
  })
}

let folder: string
let document: Record<string, any>
let generatorWarnings: unknown[][]
const storySlug = 'reparationscafe-i-faelleshuset'

beforeAll(async () => {
  const res = await fetch(`${server.current.url}/api/public/openapi.json`)
  expect(res.status).toBe(200)
  document = await res.json()

  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-client-'))
  // The consumer resolves openapi-fetch as any project would: from a node_modules beside it.
  fs.symlinkSync(path.resolve('node_modules'), path.join(folder, 'node_modules'), 'dir')
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  try {
    fs.writeFileSync(path.join(folder, 'schema.d.ts'), astToString(await openapiTS(document as never)))
  } finally {
    generatorWarnings = [...warn.mock.calls, ...error.mock.calls]
    warn.mockRestore()
    error.mockRestore()
  }
  fs.writeFileSync(path.join(folder, 'client.ts'), CLIENT)
  fs.writeFileSync(path.join(folder, 'misuse.ts'), MISUSE)

  const people = await createPeople(server.current.payload)
  await publishStory(server.current.payload, {
    housing: people.housing.id,
    company: people.company.id,
    title: 'Reparationscafé i fælleshuset',
    slug: storySlug,
    summary: 'Naboer og en lokal elektriker reparerer lamper og brødristere hver torsdag.',
    themes: ['community', 'sustainability'],
  })
  await server.current.payload.create({
    collection: 'stories',
    draft: true,
    data: { title: 'Kladde om en byttecentral', slug: 'kladde-byttecentral', summary: 'Ikke udgivet.', themes: ['community'], _status: 'draft' } as never,
  })
}, 180_000)

afterAll(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true })
})

describe('types generated by openapi-typescript', () => {
  it('are generated without a warning, with an operation per id', () => {
    expect(generatorWarnings).toEqual([])
    const schema = fs.readFileSync(path.join(folder, 'schema.d.ts'), 'utf8')
    for (const id of ['listStories', 'getStory', 'listThemes', 'getImpact', 'getOEmbed', 'createSubmission']) {
      expect(schema).toContain(`${id}: {`)
    }
  })

  it('compile a strict client on openapi-fetch with no diagnostic', async () => {
    const { exitCode, text } = await compile('client.ts')
    expect(text).toBe('')
    expect(exitCode).toBe(0)
  })

  it('are real: a misused field name, enum value or path parameter is a compile error', async () => {
    const { exitCode, text } = await compile('misuse.ts')
    expect(exitCode).not.toBe(0)
    expect(text).toMatch(/misuse\.ts\(7,.*"sport"/)
    expect(text).toMatch(/misuse\.ts\(8,.*Property 'titel' does not exist/)
    expect(text).toMatch(/misuse\.ts\(9,.*'id'/)
  })
})

describe('the compiled client against the running API', () => {
  let client: ClientModule

  beforeAll(async () => {
    const source = fs.readFileSync(path.join(folder, 'client.ts'), 'utf8')
    const { outputText } = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } })
    const file = path.join(folder, 'client.mjs')
    fs.writeFileSync(file, outputText)
    client = (await import(file)) as ClientModule
  })

  it('lists, reads and counts through the typed calls: the published story comes back, the draft does not', async () => {
    const result = await client.readCatalogue(`${server.current.url}/api/public`, storySlug)
    expect(result.titles).toEqual(['Reparationscafé i fælleshuset'])
    expect(result.totalItems).toBe(1)
    expect(result.story).toEqual({
      slug: storySlug,
      title: 'Reparationscafé i fælleshuset',
      organisations: ['Testbolig', 'Testfirma ApS'],
      themeKeys: ['community', 'sustainability'],
    })
    expect(result.missingCode).toBe('not_found')
    expect(result.themes.find((theme) => theme.key === 'community')).toEqual({ key: 'community', label: 'Neighbourliness and community', storyCount: 1 })
    expect(result.impactStories).toBe(1)
  })

  it('reads the oEmbed answer at the site root, and it matches the documented schema', async () => {
    const answer = await client.readOEmbed(server.current.url, `${PUBLIC_URL}/historier/${storySlug}`)
    expect(answer).toMatchObject({ version: '1.0', title: 'Reparationscafé i fælleshuset', width: 480, provider_url: `${PUBLIC_URL}/` })
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    ;(addFormatsModule as unknown as (ajv: Ajv2020) => void)(ajv)
    ajv.addSchema({ $id: 'doc', components: document.components })
    const validate = ajv.compile({ $ref: 'doc#/components/schemas/OEmbed' })
    validate(answer)
    expect(validate.errors ?? []).toEqual([])
  })
})
