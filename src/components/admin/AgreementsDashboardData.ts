import type { Payload, TypedUser, Where } from 'payload'

import { addDays, copenhagenToday, daysBetween, dayOf, storedDay, type Day } from '../../agreements/dates'
import { isStaffUser } from '../../access'
import { fromCopenhagenTime } from '../../lib/copenhagenTime'

/**
 * What the dashboard's agreements panel shows, read on the server with the viewer's own access:
 * every agreement query runs as `user` (overrideAccess: false), so a member counts and lists only
 * the agreements of their own organisation, as the collection's access allows them.
 */

/** Agreements that run today: set active, and not past their end date (a due review still runs). */
const runningOn = (today: Day): Where => ({
  and: [
    { state: { equals: 'active' } },
    { or: [{ endDate: { exists: false } }, { endDate: { greater_than_equal: storedDay(today) } }] },
  ],
})

export type DueReview = { id: number | string; title: string; day: Day; daysLeft: number }

export const REVIEW_HORIZON_DAYS = 30

/** Running agreements and their reviews due within 30 days or overdue, the most urgent first. */
export const agreementsOverview = async (payload: Payload, user: TypedUser, today: Day, locale: 'da' | 'en') => {
  const running = runningOn(today)
  const asViewer = { overrideAccess: false, user } as const
  const [active, due] = await Promise.all([
    payload.count({ collection: 'agreements', where: running, ...asViewer }),
    payload.find({
      collection: 'agreements',
      where: { and: [running, { nextReviewDate: { less_than_equal: storedDay(addDays(today, REVIEW_HORIZON_DAYS)) } }] },
      sort: 'nextReviewDate',
      select: { title: true, nextReviewDate: true },
      depth: 0,
      limit: 50,
      locale,
      ...asViewer,
    }),
  ])
  const reviews: DueReview[] = due.docs
    .filter((doc) => doc.nextReviewDate)
    .map((doc) => ({ id: doc.id, title: doc.title, day: dayOf(doc.nextReviewDate!), daysLeft: daysBetween(today, dayOf(doc.nextReviewDate!)) }))
  return { active: active.totalDocs, reviews, moreReviews: due.totalDocs > due.docs.length }
}

export type QuarterCount = { year: number; quarter: number; count: number }

/** Stories published in each of the last 8 quarters (Copenhagen time), the oldest first. */
export const storiesPerQuarter = async (payload: Payload, user: TypedUser, today: Day): Promise<QuarterCount[]> => {
  const year = Number(today.slice(0, 4))
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3)
  const quarters = Array.from({ length: 8 }, (_, back) => {
    const index = year * 4 + quarter - (7 - back)
    return { year: Math.floor(index / 4), quarter: (index % 4) + 1 }
  })
  const startOf = ({ year, quarter }: { year: number; quarter: number }) =>
    fromCopenhagenTime(`${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01T00:00`).toISOString()
  const nextOf = ({ year, quarter }: { year: number; quarter: number }) => (quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: quarter + 1 })
  return Promise.all(
    quarters.map(async (q) => {
      const { totalDocs } = await payload.count({
        collection: 'stories',
        where: {
          and: [
            { _status: { equals: 'published' } },
            { publishedAt: { greater_than_equal: startOf(q) } },
            { publishedAt: { less_than: startOf(nextOf(q)) } },
          ],
        },
        overrideAccess: false,
        user,
      })
      return { ...q, count: totalDocs }
    }),
  )
}

export const SUBMISSION_OUTCOMES = ['new', 'in-review', 'accepted', 'declined', 'published'] as const
export type SubmissionOutcome = (typeof SUBMISSION_OUTCOMES)[number]
export type CallSubmissions = { id: number | string; title: string; received: number; outcomes: Record<SubmissionOutcome, number> }

/** The latest calls' submissions by outcome: counted, never loaded. "Published": accepted, and its story is out. */
export const submissionsPerCall = async (payload: Payload, user: TypedUser, locale: 'da' | 'en', limit = 4): Promise<CallSubmissions[]> => {
  const calls = await payload.find({ collection: 'calls', sort: '-deadline', limit, depth: 0, select: { title: true }, locale, overrideAccess: false, user })
  return Promise.all(
    calls.docs.map(async (call) => {
      const ofCall: Where = { call: { equals: call.id } }
      const count = async (where?: Where) =>
        (await payload.count({ collection: 'submissions', where: where ? { and: [ofCall, where] } : ofCall, overrideAccess: false, user })).totalDocs
      const [received, ...counts] = await Promise.all([
        count(),
        ...SUBMISSION_OUTCOMES.map((outcome) =>
          count(outcome === 'published' ? { and: [{ status: { equals: 'accepted' } }, { 'story._status': { equals: 'published' } }] } : { status: { equals: outcome } }),
        ),
      ])
      const outcomes = Object.fromEntries(SUBMISSION_OUTCOMES.map((outcome, index) => [outcome, counts[index]])) as CallSubmissions['outcomes']
      return { id: call.id, title: call.title ?? '', received, outcomes }
    }),
  )
}

/** Staff see the whole catalogue; a member sees their own agreements and the public figures. */
export const seesCatalogue = (user: TypedUser | null | undefined) => isStaffUser(user as never)

export const todayInCopenhagen = (now = new Date()): Day => copenhagenToday(now)
