/**
 * Agreements and their yearly reviews on a real Payload and the running server (SPEC §9): the
 * review schedule, what saving a review does to the agreement, and who may see what.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import type { Payload } from 'payload'

import { dayOf } from '../../src/agreements/dates'
import type { Agreement, AgreementReview } from '../../src/payload-types'
import { createAgreement, createParties, type AgreementParties } from '../helpers/agreements'
import { PASSWORD } from '../helpers/fixtures'
import { client, login, useServer, type Client } from '../helpers/server'

const server = useServer()
const payload = (): Payload => server.current.payload

let ours: AgreementParties
let theirs: AgreementParties
let member: Client
let editor: Client

beforeAll(async () => {
  ours = await createParties(payload(), 'Vores')
  theirs = await createParties(payload(), 'Deres')
  await payload().create({ collection: 'users', data: { email: 'admin@aftale.dk', password: PASSWORD, role: 'admin' } })
  await payload().create({ collection: 'users', data: { email: 'editor@aftale.dk', password: PASSWORD, role: 'editor' } })
  // The member belongs to the company: a party in its own right, not the housing side.
  await payload().create({
    collection: 'users',
    data: { email: 'member@aftale.dk', password: PASSWORD, role: 'member', organisation: ours.company.id },
  })
  member = await login(server.current.url, 'member@aftale.dk', PASSWORD)
  editor = await login(server.current.url, 'editor@aftale.dk', PASSWORD)
})

const review = (agreement: Agreement, data: Partial<AgreementReview> = {}) =>
  payload().create({
    collection: 'agreement-reviews',
    data: { agreement: agreement.id, heldOn: '2025-03-20', decision: 'continue', participants: 'Alle parter', ...data } as never,
  })

describe('the review schedule', () => {
  test('the first review date is the cadence day after the start; the status is read off the clock', async () => {
    const agreement = await createAgreement(payload(), ours, { review: { month: 3, day: 15 } })
    expect(dayOf(agreement.nextReviewDate!)).toBe('2025-03-15')
    // 2025-03-15 has passed (the test runs later): the review is due.
    expect(agreement.status).toBe('review-due')
  })

  test('changing the cadence moves the date within the same year', async () => {
    const agreement = await createAgreement(payload(), ours, { review: { month: 3, day: 15 } })
    const moved = await payload().update({ collection: 'agreements', id: agreement.id, data: { reviewMonth: '9', reviewDay: 1 } })
    expect(dayOf(moved.nextReviewDate!)).toBe('2025-09-01')
  })

  test('a review day February does not have every year is refused with a clear message', async () => {
    await expect(createAgreement(payload(), ours, { review: { month: 2, day: 29 } })).rejects.toMatchObject({
      data: { errors: [expect.objectContaining({ path: 'reviewDay', message: 'Vælg en dag fra 1 til 28' })] },
    })
  })
})

describe('saving a review', () => {
  test('moves the review date a year on and makes the adjusted targets the agreement’s', async () => {
    const agreement = await createAgreement(payload(), ours)
    const [jobs, upcycling] = agreement.initiatives!
    const saved = await review(agreement, {
      decision: 'adjust',
      results: [
        {
          initiativeId: jobs.id,
          assessment: 'Over målet',
          figures: [{ indicator: 'residents-in-jobs', achieved: 6, nextTarget: 8 }],
        },
        { initiativeId: upcycling.id, figures: [{ indicator: 'other', label: 'Cykler', achieved: 12, nextTarget: 15 }] },
      ],
    })
    // The year is the due one; every initiative and target is on the review, as agreed.
    expect(saved.year).toBe(2025)
    expect(saved.results!.map((row) => row.initiative)).toEqual(['Praktikpladser til unge beboere', 'Reparationscafé'])
    expect(saved.results![0].figures![0]).toMatchObject({ indicator: 'residents-in-jobs', target: 4, achieved: 6, nextTarget: 8 })
    expect(saved.results![1].figures!.map((figure) => [figure.indicator, figure.target, figure.achieved])).toEqual([
      ['items-repaired', 100, null],
      ['other', 10, 12],
    ])

    const after = await payload().findByID({ collection: 'agreements', id: agreement.id })
    expect(dayOf(after.nextReviewDate!)).toBe('2026-03-15')
    expect(after.initiatives![0].targets!.map((target) => target.target)).toEqual([8])
    expect(after.initiatives![1].targets!.map((target) => target.target)).toEqual([100, 15])
    // Row ids survive: next year's review still finds its initiatives.
    expect(after.initiatives!.map((row) => row.id)).toEqual(agreement.initiatives!.map((row) => row.id))
  })

  test('"end" ends the agreement; a second review of the same year is a 400 that changes nothing', async () => {
    const agreement = await createAgreement(payload(), ours)
    await review(agreement, { decision: 'end' })
    const ended = await payload().findByID({ collection: 'agreements', id: agreement.id })
    expect(ended.state).toBe('ended')
    expect(ended.status).toBe('ended')

    const res = await editor.request('/api/agreement-reviews', {
      method: 'POST',
      json: { agreement: agreement.id, year: 2025, heldOn: '2025-04-01', decision: 'continue' },
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toMatch(/allerede en gennemgang for 2025/)
    const again = await payload().findByID({ collection: 'agreements', id: agreement.id })
    expect(again.nextReviewDate).toBe(ended.nextReviewDate)
  })

  test('a late review of an earlier year changes nothing on the agreement', async () => {
    const agreement = await createAgreement(payload(), ours)
    await review(agreement, { year: 2024, decision: 'end' })
    const after = await payload().findByID({ collection: 'agreements', id: agreement.id })
    expect(after.nextReviewDate).toBe(agreement.nextReviewDate)
    expect(after.state).toBe('active')
  })

  test('versions keep every change of the agreement on record', async () => {
    const agreement = await createAgreement(payload(), ours)
    await review(agreement)
    const versions = await payload().findVersions({ collection: 'agreements', where: { parent: { equals: agreement.id } } })
    expect(versions.totalDocs).toBe(2)
  })
})

describe('who sees an agreement', () => {
  test('a member reads and edits its own organisation’s agreement, not another’s; anonymous nothing', async () => {
    const own = await createAgreement(payload(), ours)
    const other = await createAgreement(payload(), theirs)
    const listed = (await (await member.request('/api/agreements?limit=100')).json()) as { docs: Agreement[] }
    const ids = listed.docs.map((doc) => doc.id)
    expect(ids).toContain(own.id)
    expect(ids).not.toContain(other.id)
    expect((await member.request(`/api/agreements/${other.id}`)).status).toBe(404)
    expect((await client(server.current.url).request(`/api/agreements/${own.id}`)).status).toBe(403)

    const edited = await member.request(`/api/agreements/${own.id}`, { method: 'PATCH', json: { purpose: 'Nyt formål', publicSummary: true } })
    expect(edited.status).toBe(200)
    expect((await payload().findByID({ collection: 'agreements', id: own.id })).publicSummary).toBe(true)
    expect((await member.request(`/api/agreements/${other.id}`, { method: 'PATCH', json: { purpose: 'Overtaget' } })).status).toBe(403)
    expect((await payload().findByID({ collection: 'agreements', id: other.id, locale: 'da' })).purpose).not.toBe('Overtaget')
  })

  test('a member cannot move its agreement to other parties', async () => {
    const own = await createAgreement(payload(), ours)
    await member.request(`/api/agreements/${own.id}`, { method: 'PATCH', json: { companies: [theirs.company.id] } })
    const after = await payload().findByID({ collection: 'agreements', id: own.id, depth: 0 })
    expect(after.companies).toEqual([ours.company.id])
  })

  test('a member records its own agreement’s review, and cannot file one on another’s', async () => {
    const own = await createAgreement(payload(), ours)
    const other = await createAgreement(payload(), theirs)
    const created = await member.request('/api/agreement-reviews', {
      method: 'POST',
      json: { agreement: own.id, heldOn: '2025-03-20', decision: 'continue' },
    })
    expect(created.status).toBe(201)
    const refused = await member.request('/api/agreement-reviews', {
      method: 'POST',
      json: { agreement: other.id, heldOn: '2025-03-20', decision: 'end' },
    })
    expect(refused.status).toBe(403)
    expect((await payload().findByID({ collection: 'agreements', id: other.id })).state).toBe('active')
    const othersReview = await review(other)
    const reviews = (await (await member.request('/api/agreement-reviews?limit=100&depth=0')).json()) as { docs: AgreementReview[] }
    expect(reviews.docs.map((doc) => doc.agreement)).toContain(own.id)
    expect(reviews.docs.map((doc) => doc.id)).not.toContain(othersReview.id)
    expect((await member.request(`/api/agreement-reviews/${othersReview.id}`)).status).toBe(404)
  })
})

describe('versions, as a member', () => {
  // A defect found in the admin: the versions were asked with the documents' own where-clause,
  // whose paths do not exist in the versions table, and the member's edit page stayed blank.
  test('a member reads its own agreement’s and review’s versions over REST, never another’s', async () => {
    const own = await createAgreement(payload(), ours)
    const other = await createAgreement(payload(), theirs)
    const ownReview = await review(own)
    const otherReview = await review(other)
    for (const [collection, mine, foreign] of [
      ['agreements', own.id, other.id],
      ['agreement-reviews', ownReview.id, otherReview.id],
    ] as const) {
      const res = await member.request(`/api/${collection}/versions?limit=200&depth=0`)
      expect({ collection, status: res.status }).toEqual({ collection, status: 200 })
      const parents = ((await res.json()) as { docs: { parent: number | string }[] }).docs.map((doc) => doc.parent)
      expect(parents).toContain(mine)
      expect(parents).not.toContain(foreign)
    }
  })
})
