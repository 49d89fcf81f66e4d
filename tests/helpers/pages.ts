import { expect } from '@jest/globals'
import type { Frame, Page } from 'playwright-core'

export type SubmissionFormValues = {
  organisationName: string
  organisationKind: string
  contactName: string
  contactEmail: string
  partnerCompanyName: string
  title: string
  description: string
  theme: string
  municipality?: string
}

/** Fills in /indsend's required fields by their visible labels, as a person would. */
export const fillSubmissionForm = async (page: Page, values: SubmissionFormValues) => {
  await page.getByLabel('Jeres organisation').fill(values.organisationName)
  await page.getByLabel('Type af organisation').selectOption(values.organisationKind)
  await page.getByLabel('Kontaktperson').fill(values.contactName)
  await page.getByLabel('E-mail').fill(values.contactEmail)
  await page.getByLabel('Partnervirksomhed').fill(values.partnerCompanyName)
  await page.getByLabel('Overskrift på historien').fill(values.title)
  await page.getByLabel('Fortæl om samarbejdet').fill(values.description)
  await page.getByLabel(values.theme).check()
  if (values.municipality) await page.getByLabel('Kommune').selectOption({ label: values.municipality })
  await page.getByLabel('Jeg accepterer').check()
}

/**
 * Plays the page's first video (muted, as autoplay rules require) and waits until it really
 * plays: enough data for playback (`readyState` ≥ 3) and its clock moving.
 */
export const expectFirstVideoPlays = async (page: Page | Frame) => {
  const video = page.locator('video').first()
  await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true
    // hls.js may still be attaching its source when the page is ready: that new load aborts a
    // play() begun before it (AbortError), as a viewer's click would be; play again after it.
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        return await element.play()
      } catch (error) {
        if ((error as DOMException).name !== 'AbortError') throw error
        await new Promise((resolve) => setTimeout(resolve, 300))
      }
    }
    return element.play()
  })
  await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).readyState >= 3, undefined, { timeout: 30_000 })
  const start = await video.evaluate((element: HTMLVideoElement) => element.currentTime)
  await page.waitForFunction((t) => (document.querySelector('video') as HTMLVideoElement).currentTime > t + 0.3, start, { timeout: 15_000 })
  expect(await video.evaluate((element: HTMLVideoElement) => element.currentTime)).toBeGreaterThan(start)
}
