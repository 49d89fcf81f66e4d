/**
 * `GET /api/public/impact` and agreements on public stories (SPEC §9) on the real server: the
 * answer matches its OpenAPI schema; only published stories and agreements with a public summary
 * add to the figures; nothing private is in the JSON; turning a summary off removes its figures
 * on the very next request; a story shows its agreement's targets and results, in the API and
 * on its page.
 */
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { Validator } from '@seriousme/openapi-schema-validator'
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import type { Agreement } from '../../src/payload-types'
import { createAgreement, createParties, type AgreementParties } from '../helpers/agreements'
import { minimalPdf } from '../helpers/pdf'
import { useServer } from '../helpers/server'
import { publishStory } from '../helpers/stories'

const server = useServer()
const payload = (): Payload => server.current.payload

const SECRETS = {
  participants: 'Deltog hemmeligt: Jens Jensen',
  assessment: 'Intern vurdering der ikke er offentlig',
  privateTitle: 'Privat aftale uden resumé',
  draftTitle: 'Aftale der stadig er kladde',
  draftStory: 'Historie der ikke er udgivet',
  document: 'Underskrevet aftale som PDF',
  documentFile: 'hemmelig-aftale',
  phone: '11223344',
}

let open: AgreementParties
let closed: AgreementParties
let publicAgreement: Agreement
let document: Record<string, any>

const get = async (path: string) => {
  const res = await fetch(`${server.current.url}${path}`)
  return { status: res.status, text: await res.text() }
}
const getJson = async (path: string) => {
  const { status, text } = await get(path)
  return { status, body: JSON.parse(text), text }
}

const validatorFor = (schema: string) => {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  ;(addFormatsModule as unknown as (ajv: Ajv2020) => void)(ajv)
  ajv.addSchema({ $id: 'doc', components: document.components })
  return ajv.compile({ $ref: `doc#/components/schemas/${schema}` })
}
const expectSchema = (schema: string, body: unknown) => {
  const validate = validatorFor(schema)
  const valid = validate(body)
  expect(validate.errors ?? []).toEqual([])
  expect(valid).toBe(true)
}

/** A review through the Local API, with the achieved value of each target by indicator. */
const review = async (agreement: Agreement, year: number, achieved: { jobs?: number; repaired?: number; bikes?: number }) => {
  const [jobs, upcycling] = agreement.initiatives!
  return payload().create({
    collection: 'agreement-reviews',
    data: {
      agreement: agreement.id,
      year,
      heldOn: `${year}-03-20`,
      decision: 'continue',
      participants: SECRETS.participants,
      results: [
        { initiativeId: jobs.id, assessment: SECRETS.assessment, figures: [{ indicator: 'residents-in-jobs', achieved: achieved.jobs ?? null }] },
        {
          initiativeId: upcycling.id,
          figures: [
            { indicator: 'items-repaired', achieved: achieved.repaired ?? null },
            { indicator: 'other', label: 'Cykler', achieved: achieved.bikes ?? null },
          ],
        },
      ],
    } as never,
  })
}

beforeAll(async () => {
  open = await createParties(payload(), 'Åben')
  closed = await createParties(payload(), 'Lukket')

  const story = await publishStory(payload(), {
    housing: open.housing.id,
    company: open.company.id,
    title: 'Praktik i opgangen',
    slug: 'praktik-i-opgangen',
    themes: ['community'],
    municipality: '751',
    outcomes: [
      { indicator: 'participants', label: 'Deltagere', value: 40 },
      { indicator: 'residents-in-jobs', label: 'Beboere i job', value: 2 },
      { indicator: 'other', label: 'Kager bagt', value: 99 },
      { label: 'Uden indikator', value: 5000 },
    ],
  })
  const draftStory = await publishStory(payload(), {
    housing: open.housing.id,
    company: open.company.id,
    title: SECRETS.draftStory,
    slug: 'ikke-udgivet',
    municipality: '461',
    outcomes: [{ indicator: 'residents-in-jobs', label: 'I job', value: 700 }],
    _status: 'draft',
  })

  publicAgreement = await createAgreement(payload(), open, {
    title: 'Job og reparationer i Åben',
    publicSummary: true,
    themes: ['skills-and-jobs', 'community'],
    municipality: '101',
    stories: [story.id, draftStory.id],
    contacts: [{ name: 'Kontakt Åben', email: 'kontakt.aaben@example.dk', phone: SECRETS.phone, organisation: open.company.id }],
  })
  // Two held years: 2025 (due first) and 2026 (due after it); both are summed.
  await review(publicAgreement, 2025, { jobs: 6, repaired: 120, bikes: 12 })
  await review(publicAgreement, 2026, { jobs: 3, repaired: 80 })
  publicAgreement = await payload().findByID({ collection: 'agreements', id: publicAgreement.id })
  const pdf = minimalPdf()
  await payload().create({
    collection: 'agreement-documents',
    data: { agreement: publicAgreement.id, description: SECRETS.document },
    file: { data: pdf, mimetype: 'application/pdf', name: `${SECRETS.documentFile}.pdf`, size: pdf.length },
  })

  // Neither a private agreement nor a draft adds anything, whatever their reviews say.
  const privateAgreement = await createAgreement(payload(), closed, { title: SECRETS.privateTitle, publicSummary: false, municipality: '461', stories: [story.id] })
  await review(privateAgreement, 2025, { jobs: 1000, repaired: 1000 })
  const draftAgreement = await createAgreement(payload(), closed, { title: SECRETS.draftTitle, publicSummary: true, state: 'draft', municipality: '461', stories: [story.id] })
  await review(draftAgreement, 2025, { jobs: 500 })
  // Last: a kept-alive connection idle through the setup above could be closed under the next fetch.
  document = JSON.parse((await get('/api/public/openapi.json')).text)
}, 120_000)

const indicator = (body: { indicators: { key: string }[] }, key: string) => body.indicators.find((row) => row.key === key)

describe('GET /api/public/impact', () => {
  it('is described in a valid OpenAPI document and answers to its schema, in both locales', async () => {
    const result = await new Validator().validate(document)
    expect(result.errors ?? []).toEqual([])
    expect(Object.keys(document.paths)).toContain('/impact')
    const da = await getJson('/api/public/impact')
    expect(da.status).toBe(200)
    expectSchema('Impact', da.body)
    const en = await getJson('/api/public/impact?locale=en')
    expectSchema('Impact', en.body)
    expect(indicator(en.body, 'residents-in-jobs')).toMatchObject({ label: 'Residents in jobs or internships', unit: 'persons' })
    const bad = await getJson('/api/public/impact?depth=3')
    expect(bad.status).toBe(400)
    expectSchema('Error', bad.body)
  })

  it('counts published stories and public agreements only, and sums only public achievements', async () => {
    const { body } = await getJson('/api/public/impact')
    expect(body.stories.total).toBe(1)
    expect(body.stories.byTheme.map((row: { key: string; count: number }) => [row.key, row.count])).toEqual([
      ['safety', 0],
      ['skills-and-jobs', 0],
      ['sustainability', 0],
      ['health', 0],
      ['community', 1],
    ])
    expect(body.stories.byMunicipality).toEqual([{ code: '751', name: 'Aarhus', count: 1 }])
    expect(body.agreements.total).toBe(1)
    expect(body.agreements.byTheme.filter((row: { count: number }) => row.count).map((row: { key: string }) => row.key)).toEqual(['skills-and-jobs', 'community'])
    expect(body.agreements.byMunicipality).toEqual([{ code: '101', name: 'København', count: 1 }])

    // 6 + 3 from the two held reviews, 2 from the published story; never the 1000, 500 or 700.
    expect(indicator(body, 'residents-in-jobs')).toEqual({ key: 'residents-in-jobs', label: 'Beboere i job eller praktik', unit: 'personer', total: 11, agreements: 1, stories: 1 })
    expect(indicator(body, 'items-repaired')).toMatchObject({ total: 200, agreements: 1, stories: 0 })
    expect(indicator(body, 'participants')).toMatchObject({ total: 40, agreements: 0, stories: 1 })
    expect(indicator(body, 'events')).toMatchObject({ total: 0, agreements: 0, stories: 0 })
    // "other" is never summed, however many documents carry it.
    expect(indicator(body, 'other')).toBeUndefined()
  })

  it('lists the public agreement with its parties, targets and every held year, and only published stories', async () => {
    const { body } = await getJson('/api/public/impact')
    expect(body.agreements.items).toHaveLength(1)
    const [summary] = body.agreements.items
    expect(summary).toMatchObject({ title: 'Job og reparationer i Åben', startDate: '2025-01-10', endDate: null, municipality: { code: '101', name: 'København' } })
    expect(summary.parties.map((party: { name: string; role: string }) => [party.role, party.name])).toEqual([
      ['housing-organisation', 'Åben Bolig'],
      ['department', 'Åben Afdeling'],
      ['company', 'Åben ApS'],
    ])
    expect(summary.initiatives.map((row: { what: string }) => row.what)).toEqual(['Praktikpladser til unge beboere', 'Reparationscafé'])
    expect(summary.initiatives[1].targets).toEqual([
      { indicator: 'items-repaired', label: 'Ting repareret eller upcyclet', unit: 'stk.', target: 100 },
      { indicator: 'other', label: 'Cykler', unit: 'stk.', target: 10 },
    ])
    expect(summary.reviews.map((row: { year: number; heldOn: string }) => [row.year, row.heldOn])).toEqual([
      [2025, '2025-03-20'],
      [2026, '2026-03-20'],
    ])
    expect(summary.reviews[0].results[0]).toMatchObject({
      initiativeId: summary.initiatives[0].id,
      initiative: 'Praktikpladser til unge beboere',
      figures: [{ indicator: 'residents-in-jobs', target: 4, achieved: 6 }],
    })
    expect(summary.reviews[1].results[1].figures.map((row: { achieved: number | null }) => row.achieved)).toEqual([80, null])
    expect(summary.stories).toEqual([{ slug: 'praktik-i-opgangen', title: 'Praktik i opgangen' }])
  })

  it('never carries a private field: no contact, participant, assessment, document, draft or private agreement', async () => {
    for (const path of ['/api/public/impact', '/api/public/impact?locale=en', '/api/public/stories/praktik-i-opgangen', '/effekt', '/historier/praktik-i-opgangen']) {
      const { status, text } = await get(path)
      expect(status).toBe(200)
      for (const secret of Object.values(SECRETS)) expect(`${path}: ${text}`).not.toContain(secret)
      expect(`${path}: ${text}`).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/)
      if (path.startsWith('/api')) {
        // As keys: "participants" is also an indicator's name.
        for (const key of ['contacts', 'email', 'phone', 'participants', 'assessment', 'documents', 'nextTarget', 'publicSummary', 'nextReviewDate', 'filename', 'state']) {
          expect(`${path}: ${text}`).not.toContain(`"${key}":`)
        }
      }
    }
  })
})

describe('a story linked to a public agreement', () => {
  it('shows the agreed targets and each year’s results in the API', async () => {
    const { status, body } = await getJson('/api/public/stories/praktik-i-opgangen')
    expect(status).toBe(200)
    expectSchema('StoryDetail', body)
    expect(body.agreements.map((row: { title: string }) => row.title)).toEqual(['Job og reparationer i Åben'])
    const [agreement] = body.agreements
    expect(agreement.initiatives[0].targets).toEqual([{ indicator: 'residents-in-jobs', label: 'Beboere i job eller praktik', unit: 'personer', target: 4 }])
    expect(agreement.reviews.map((row: { results: { figures: { achieved: number | null }[] }[] }) => row.results[0].figures[0].achieved)).toEqual([6, 3])
  })

  it('shows them on its page in a table', async () => {
    const { status, text } = await get('/historier/praktik-i-opgangen')
    expect(status).toBe(200)
    expect(text).toContain('<h2 id="samarbejdsaftale">Samarbejdsaftale</h2>')
    const table = text.slice(text.indexOf('<table class="agreement-results">'), text.indexOf('</table>'))
    expect(table).toContain('<th scope="col">Opnået 2025</th><th scope="col">Opnået 2026</th>')
    expect(table).toMatch(/Praktikpladser til unge beboere[\s\S]*<td>Beboere i job eller praktik<\/td><td>4 personer<\/td>\s*<td>6 personer <span class="meta">\(mål 4\)<\/span><\/td><td>3 personer/)
    expect(table).toMatch(/<td>Ting repareret eller upcyclet<\/td><td>100 stk.<\/td>\s*<td>120 stk.[^<]*<span class="meta">\(mål 100\)<\/span><\/td><td>80 stk./)
  })
})

describe('turning a public summary off', () => {
  it('removes the agreement’s figures on the very next request, and from its story', async () => {
    // Both answers are in the cache before the change.
    expect((await getJson('/api/public/impact')).body.agreements.total).toBe(1)
    expect((await getJson('/api/public/stories/praktik-i-opgangen')).body.agreements).toHaveLength(1)
    await payload().update({ collection: 'agreements', id: publicAgreement.id, data: { publicSummary: false } })

    const { body } = await getJson('/api/public/impact')
    expect(body.agreements).toMatchObject({ total: 0, items: [], byMunicipality: [] })
    expect(indicator(body, 'residents-in-jobs')).toMatchObject({ total: 2, agreements: 0, stories: 1 })
    expect(indicator(body, 'items-repaired')).toMatchObject({ total: 0, agreements: 0 })
    expect(body.stories.total).toBe(1)
    const story = await getJson('/api/public/stories/praktik-i-opgangen')
    expect(story.body.agreements).toEqual([])
    expectSchema('StoryDetail', story.body)
    expect((await get('/historier/praktik-i-opgangen')).text).not.toContain('Samarbejdsaftale')
  })
})
