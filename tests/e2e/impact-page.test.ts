/**
 * `/effekt` in Debian's Chromium with JavaScript turned off (SPEC §9): reached from the site's
 * navigation, it draws every chart as inline SVG with its figures as text, and puts a real table
 * with the same figures beside each chart; the public agreements are listed with their targets
 * and results. Only public sources count: a draft story and a private agreement add nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Payload } from 'payload'

import { createAgreement, createParties } from '../helpers/agreements'
import { launchChromium } from '../helpers/browser'
import { useServer } from '../helpers/server'
import { publishStory } from '../helpers/stories'

const server = useServer()
const payload = (): Payload => server.current.payload
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  process.env.PUBLIC_URL = server.current.url
  const parties = await createParties(payload(), 'Effekt')
  const story = await publishStory(payload(), {
    housing: parties.housing.id,
    company: parties.company.id,
    title: 'Jobcafé i kælderen',
    themes: ['community', 'health'],
    municipality: '751',
    outcomes: [
      { indicator: 'residents-in-jobs', label: 'Beboere i job', value: 2 },
      { indicator: 'participants', label: 'Deltagere', value: 40 },
    ],
  })
  await publishStory(payload(), { housing: parties.housing.id, company: parties.company.id, title: 'Løbeklub', themes: ['health'], municipality: '101' })
  await publishStory(payload(), {
    housing: parties.housing.id,
    company: parties.company.id,
    title: 'Kladde',
    themes: ['safety'],
    municipality: '461',
    outcomes: [{ indicator: 'residents-in-jobs', label: 'I job', value: 900 }],
    _status: 'draft',
  })
  const agreement = await createAgreement(payload(), parties, {
    title: 'Aftale om job og reparationer',
    publicSummary: true,
    themes: ['skills-and-jobs', 'community'],
    municipality: '101',
    stories: [story.id],
  })
  const [jobs, upcycling] = agreement.initiatives!
  await payload().create({
    collection: 'agreement-reviews',
    data: {
      agreement: agreement.id,
      heldOn: '2025-03-20',
      decision: 'adjust',
      results: [
        { initiativeId: jobs.id, figures: [{ indicator: 'residents-in-jobs', achieved: 6 }] },
        { initiativeId: upcycling.id, figures: [{ indicator: 'items-repaired', achieved: 120 }] },
      ],
    } as never,
  })
  const hidden = await createAgreement(payload(), parties, { title: 'Privat aftale', publicSummary: false, themes: ['safety'], municipality: '461' })
  await payload().create({
    collection: 'agreement-reviews',
    data: { agreement: hidden.id, heldOn: '2025-03-20', decision: 'continue', results: [{ initiativeId: hidden.initiatives![0].id, figures: [{ indicator: 'residents-in-jobs', achieved: 1000 }] }] } as never,
  })

  browser = await launchChromium()
  context = await browser.newContext({ javaScriptEnabled: false })
  page = await context.newPage()
  await page.goto(`${server.current.url}/`)
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Effekt' }).click()
  await page.waitForURL(/\/effekt$/)
}, 180_000)
afterAll(async () => {
  await context?.close()
  await browser?.close()
})

/** A table's body rows as text cells, header cell first. */
const rowsOf = async (caption: string) =>
  page
    .getByRole('table', { name: caption })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell as HTMLElement).innerText.trim())))

/** The drawn texts and bar widths of the chart with this accessible name. */
const chartOf = async (name: string) => {
  const chart = page.getByRole('img', { name })
  await expect(chart.isVisible()).resolves.toBe(true)
  const box = await chart.boundingBox()
  return {
    box,
    texts: await chart.locator('text').allTextContents(),
    bars: await chart.locator('rect[fill="#0b5c4f"]').evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('width')))),
    description: await chart.locator('desc').textContent(),
  }
}

describe('/effekt without JavaScript', () => {
  it('is a Danish page with no script, reached from the navigation', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('da')
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Effekt')
    expect(await page.locator('script').count()).toBe(0)
    expect(await page.locator('.impact-totals').innerText()).toBe('2 udgivne historier · 1 offentlig samarbejdsaftale')
  })

  it('draws the indicator sums as an SVG chart with a table of the same figures beside it', async () => {
    const chart = await chartOf('Resultater i alt pr. indikator')
    expect(chart.box!.width).toBeGreaterThan(200)
    expect(chart.box!.height).toBeGreaterThan(100)
    // 6 from the held review and 2 from the published story; never the draft's 900 or the private 1000.
    expect(chart.texts).toEqual(expect.arrayContaining(['Beboere i job eller praktik (personer)', '8', 'Ting repareret eller upcyclet (stk.)', '120', 'Deltagere (personer)', '40']))
    expect(chart.description).toContain('Beboere i job eller praktik (personer): 8')
    // The largest sum has the longest bar; a zero has none.
    expect(chart.bars).toHaveLength(7)
    expect(Math.max(...chart.bars)).toBe(chart.bars[3])
    expect(chart.bars[1]).toBe(0)

    expect(await rowsOf('Resultater i alt pr. indikator')).toEqual([
      ['Beboere i job eller praktik', '8 personer', '1', '1'],
      ['Afholdte kurser', '0 kurser', '0', '0'],
      ['Deltagere', '40 personer', '0', '1'],
      ['Ting repareret eller upcyclet', '120 stk.', '1', '0'],
      ['Indsamlet', '0 kg', '0', '0'],
      ['Frivillige timer', '0 timer', '0', '0'],
      ['Arrangementer', '0 arrangementer', '0', '0'],
    ])
    const headers = await page.getByRole('table', { name: 'Resultater i alt pr. indikator' }).locator('th[scope=col]').allInnerTexts()
    expect(headers).toEqual(['Indikator', 'I alt', 'Fra aftaler', 'Fra historier'])
  })

  it('draws stories and agreements by theme and by municipality, each beside its table', async () => {
    const byTheme = await chartOf('Udgivne historier pr. tema')
    expect(byTheme.description).toBe(
      'Tryghed: 0; Personlig udvikling, færdigheder og job: 0; Bæredygtig omstilling: 0; Mental og fysisk sundhed: 2; Naboskab og fællesskab: 1',
    )
    expect(byTheme.bars[3]).toBeGreaterThan(byTheme.bars[4])
    expect(byTheme.bars[4]).toBeGreaterThan(0)
    expect(await rowsOf('Udgivne historier og samarbejdsaftaler pr. tema')).toEqual([
      ['Tryghed', '0', '0'],
      ['Personlig udvikling, færdigheder og job', '0', '1'],
      ['Bæredygtig omstilling', '0', '0'],
      ['Mental og fysisk sundhed', '2', '0'],
      ['Naboskab og fællesskab', '1', '1'],
    ])
    expect((await chartOf('Samarbejdsaftaler pr. tema')).texts).toEqual(expect.arrayContaining(['Naboskab og fællesskab', '1']))

    const byMunicipality = await chartOf('Udgivne historier pr. kommune')
    expect(byMunicipality.texts).toEqual(['Udgivne historier pr. kommune', 'København', '1', 'Aarhus', '1'])
    expect((await chartOf('Samarbejdsaftaler pr. kommune')).texts).toEqual(['Samarbejdsaftaler pr. kommune', 'København', '1'])
    expect(await rowsOf('Udgivne historier og samarbejdsaftaler pr. kommune')).toEqual([
      ['København', '1', '1'],
      ['Aarhus', '1', '0'],
    ])
    expect(await page.locator('svg[role=img]').count()).toBe(5)
  })

  it('lists the public agreement with its targets and the year’s results, and not the private one', async () => {
    const section = page.getByRole('region', { name: 'Samarbejdsaftaler' })
    expect(await section.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['Aftale om job og reparationer'])
    expect(await page.content()).not.toContain('Privat aftale')
    expect(await rowsOf('Aftalte mål og årlige resultater: Aftale om job og reparationer')).toEqual([
      ['Praktikpladser til unge beboere\nPraktik og jobtræning · Virksomheden', 'Beboere i job eller praktik', '4 personer', '6 personer (mål 4)'],
      ['Reparationscafé\nUpcycling', 'Ting repareret eller upcyclet', '100 stk.', '120 stk. (mål 100)'],
      ['Cykler', '10 stk.', 'Ikke opgjort'],
    ])
    expect(await section.getByRole('link', { name: 'Jobcafé i kælderen' }).getAttribute('href')).toMatch(/^\/historier\//)
  })
})
