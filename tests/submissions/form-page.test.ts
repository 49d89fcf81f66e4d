import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'

import type { Call } from '../../src/payload-types'
import { launchChromium } from '../helpers/browser'
import { makeTestVideo } from '../helpers/media'
import { fillSubmissionForm } from '../helpers/pages'
import { useServer } from '../helpers/server'
import { createCall } from '../helpers/submissions'

process.env.SUBMISSION_RATE_LIMIT = '1000'
const server = useServer()
const root = process.env.B2C_TEST_ROOT!
let browser: Browser
let call: Call

beforeAll(async () => {
  call = await createCall(server.current.payload, {
    title: 'Naboskab og job 2026',
    description: 'Fortæl om et samarbejde, der har gjort en forskel.',
    deadline: new Date('2030-05-24T21:59:00Z'),
    videoMaxMegabytes: 20,
  })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const fillRequired = (page: Page) =>
  fillSubmissionForm(page, {
    organisationName: 'Boligforeningen Ærtebjerg',
    organisationKind: 'housing-department',
    contactName: 'Åse Øberg',
    contactEmail: 'aase@aertebjerg.dk',
    partnerCompanyName: 'Malerfirmaet Grøn',
    title: 'Facaden fik farver',
    description: 'Beboere og malere malede facaden sammen.\n\nDet tog tre weekender.',
    theme: 'Naboskab og fællesskab',
  })

const latestSubmission = async () =>
  (await server.current.payload.find({ collection: 'submissions', sort: '-createdAt', limit: 1, depth: 0, overrideAccess: true })).docs[0]

describe('/indsend in Chromium', () => {
  it('shows the call and sends a story with a photo and a video, with upload progress', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.current.url}/indsend`)
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Indsend jeres succeshistorie')
    const main = await page.locator('main').innerText()
    expect(main).toContain('Naboskab og job 2026')
    expect(main).toContain('Fortæl om et samarbejde, der har gjort en forskel.')
    expect(main).toContain('24. maj 2030 kl. 23.59')

    await fillRequired(page)
    const photo = path.join(root, 'facade.jpg')
    await sharp({ create: { width: 640, height: 480, channels: 3, background: '#e94' } }).jpeg().toFile(photo)
    const video = await makeTestVideo('facade.mp4', 2)
    // Padding after the moov makes the upload big enough to watch at a throttled 1 MB/s.
    const big = path.join(root, 'facade-big.mp4')
    fs.writeFileSync(big, Buffer.concat([fs.readFileSync(video), Buffer.alloc(3 * 1024 * 1024)]))
    await page.getByLabel('Billeder').setInputFiles(photo)
    await page.getByLabel('Video').setInputFiles(big)

    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 10e6, uploadThroughput: 1e6 })
    await page.getByRole('button', { name: 'Send historien' }).click()
    await page.locator('.upload-progress').waitFor({ state: 'visible' })
    await page.waitForFunction(() => Number((document.querySelector('#upload-progress') as HTMLProgressElement | null)?.value) > 0)
    await page.waitForURL(/\/indsend\/tak\?kvittering=/, { timeout: 60_000 })
    expect(await page.locator('main').innerText()).toContain('Tak for jeres historie')

    const stored = await latestSubmission()
    expect(stored.title).toBe('Facaden fik farver')
    expect(stored.contactName).toBe('Åse Øberg')
    expect(stored.description).toBe('Beboere og malere malede facaden sammen.\n\nDet tog tre weekender.')
    expect(stored.photos).toHaveLength(1)
    expect(stored.video).toBeTruthy()
    expect(page.url()).toContain(`kvittering=${stored.id}`)
    await context.close()
  })

  it('without JavaScript: errors come back in a linked summary, typed values (even hostile ones) kept as text', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${server.current.url}/indsend`)
    await page.getByLabel('Jeres organisation').fill('<img src=x onerror="document.title=1">Østerbo')
    await page.getByLabel('Overskrift på historien').fill('<script>document.title="pwned"</script>')
    await page.getByLabel('E-mail').fill('ikke-en-adresse')
    await page.getByRole('button', { name: 'Send historien' }).click()
    await page.waitForLoadState()

    expect(await page.title()).toContain('Fejl')
    const summary = page.locator('#fejl')
    expect(await summary.getAttribute('role')).toBe('alert')
    const links = await summary.locator('a').allInnerTexts()
    expect(links).toEqual(
      expect.arrayContaining([
        'Kontaktperson: Skal udfyldes',
        expect.stringContaining('E-mail: Skriv en gyldig e-mailadresse'),
        'Temaer: Vælg mindst ét tema',
        'Privatlivspolitik: Du skal acceptere privatlivspolitikken',
      ]),
    )
    expect(await page.getByLabel('Jeres organisation').inputValue()).toBe('<img src=x onerror="document.title=1">Østerbo')
    expect(await page.getByLabel('Overskrift på historien').inputValue()).toBe('<script>document.title="pwned"</script>')
    expect(await page.getByLabel('E-mail').inputValue()).toBe('ikke-en-adresse')
    expect(await page.getByLabel('E-mail').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('E-mail').getAttribute('aria-describedby')).toContain('contactEmail-fejl')
    expect(await page.locator('img[src=x]').count()).toBe(0)

    // The summary's link leads to the field.
    await summary.getByRole('link', { name: /Kontaktperson/ }).click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contactName')

    await fillRequired(page)
    await page.getByRole('button', { name: 'Send historien' }).click()
    await page.waitForURL(/\/indsend\/tak/)
    const stored = await latestSubmission()
    expect(stored.title).toBe('Facaden fik farver')
    expect(stored.organisationName).toBe('Boligforeningen Ærtebjerg')
    await context.close()
  })

  it('with JavaScript: errors replace the form in place and the keyboard user lands on the summary', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.current.url}/indsend`)
    await page.getByLabel('Jeres organisation').fill('Kun navnet')
    await page.getByRole('button', { name: 'Send historien' }).click()
    await page.locator('#fejl').waitFor()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('fejl')
    expect(await page.getByLabel('Jeres organisation').inputValue()).toBe('Kun navnet')
    await page.close()
  })

  it('says plainly when the call has closed and when the next one opens', async () => {
    await server.current.payload.update({ collection: 'calls', id: call.id, data: { deadline: new Date(Date.now() - 60_000).toISOString(), opensAt: new Date(Date.now() - 86_400_000).toISOString() } as never })
    await createCall(server.current.payload, {
      title: 'Efterår 2031',
      opensAt: new Date('2031-09-01T08:00:00Z'),
      deadline: new Date('2031-10-31T22:59:00Z'),
    })
    const page = await browser.newPage()
    const res = await page.goto(`${server.current.url}/indsend`)
    expect(res?.status()).toBe(200)
    const main = await page.locator('main').innerText()
    expect(main).toContain('Naboskab og job 2026')
    expect(main).toContain('lukkede')
    expect(main).toContain('Efterår 2031')
    expect(main).toContain('1. september 2031 kl. 10.00')
    expect(await page.locator('form').count()).toBe(0)
    await page.close()
  })
})
