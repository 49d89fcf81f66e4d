import type { Payload, TypedUser, Where } from 'payload'

import { addDays, copenhagenToday, daysBetween } from '../../agreements/dates'
import { fromCopenhagenTime } from '../../lib/copenhagenTime'
import { failureText } from '../../video/storedFailure'

/**
 * What the dashboard's "what needs doing" panel (WorkDashboard.tsx, issue #15 item 1) reads. Every
 * figure is one query: `payload.count`, or the `totalDocs` of one `find` that loads only the few
 * rows shown (`limit` and `select`). Queries run as the viewer (overrideAccess: false), except the
 * scheduled-publish jobs, which no HTTP user may read and which the panel reads for staff only.
 */

/** Rows shown per line; the rest are behind "vis alle (N)". */
export const ROWS_PER_LINE = 5
export const WITHDRAWN_WITHIN_DAYS = 30

export const PROCESSING_NOW = ['queued', 'processing', 'preview'] as const

type Id = number | string
type Viewer = { payload: Payload; user: TypedUser; locale: 'da' | 'en'; now: Date }

/** Where each line's "vis alle" and heading lead: the admin list, filtered as the line counts. */
export const WHERE = {
  newSubmissions: { status: { equals: 'new' } },
  newSubmissionsOfCall: (call: Id): Where => ({ and: [{ call: { equals: call } }, { status: { equals: 'new' } }] }),
  openCalls: (now: Date): Where => ({
    and: [{ opensAt: { less_than_equal: now.toISOString() } }, { deadline: { greater_than_equal: now.toISOString() } }],
  }),
  clipsProcessing: { 'processing.status': { in: [...PROCESSING_NOW] } },
  clipsFailed: { 'processing.status': { equals: 'failed' } },
  draftStories: { _status: { equals: 'draft' } },
  withdrawnSince: (since: Date): Where => ({ 'consent.records.withdrawnAt': { greater_than_equal: since.toISOString() } }),
  storiesTouchedSince: (since: Date): Where => ({ 'clips.consent.records.withdrawnAt': { greater_than_equal: since.toISOString() } }),
} satisfies Record<string, Where | ((arg: never) => Where)>

/**
 * A `where` as the admin's list view reads it from its address (qs brackets):
 * `{ and: [{ call: { equals: 3 } }] }` becomes `where[and][0][call][equals]=3`.
 */
export const whereQuery = (where: Where): string => {
  const parts: string[] = []
  const walk = (value: unknown, key: string) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${key}[${index}]`))
    else if (value && typeof value === 'object') Object.entries(value).forEach(([name, item]) => walk(item, `${key}[${name}]`))
    else parts.push(`${key}=${encodeURIComponent(String(value))}`)
  }
  walk(where, 'where')
  return parts.join('&')
}

export const listUrl = (adminRoute: string, collection: string, where?: Where) =>
  `${adminRoute}/collections/${collection}${where ? `?${whereQuery(where)}` : ''}`

export type Line<Row> = { total: number; rows: Row[] }

const asViewer = (viewer: Viewer) => ({ overrideAccess: false, user: viewer.user, depth: 0, locale: viewer.locale }) as const

export type OpenCallRow = { id: Id; title: string; deadline: string; daysLeft: number; newSubmissions: number }

/** Every `new` submission (one count), and the open calls, the nearest deadline first, each with its own. */
export const newSubmissionsLine = async (viewer: Viewer): Promise<Line<OpenCallRow> & { openCalls: number }> => {
  const { payload, now } = viewer
  const [all, calls] = await Promise.all([
    payload.count({ collection: 'submissions', where: WHERE.newSubmissions, overrideAccess: false, user: viewer.user }),
    payload.find({
      collection: 'calls',
      where: WHERE.openCalls(now),
      sort: 'deadline',
      limit: ROWS_PER_LINE,
      select: { title: true, deadline: true },
      ...asViewer(viewer),
    }),
  ])
  const today = copenhagenToday(now)
  const rows = await Promise.all(
    calls.docs.map(async (call) => {
      const { totalDocs } = await payload.count({
        collection: 'submissions',
        where: WHERE.newSubmissionsOfCall(call.id),
        overrideAccess: false,
        user: viewer.user,
      })
      const deadline = String(call.deadline)
      return { id: call.id, title: call.title ?? '', deadline, daysLeft: daysBetween(today, copenhagenToday(new Date(deadline))), newSubmissions: totalDocs }
    }),
  )
  return { total: all.totalDocs, rows, openCalls: calls.totalDocs }
}

export type ClipRow = { id: Id; title: string; status: string; progress: number; error: string | null }

const clipsLine = async (viewer: Viewer, where: Where): Promise<Line<ClipRow>> => {
  const found = await viewer.payload.find({
    collection: 'clips',
    where,
    sort: '-updatedAt',
    limit: ROWS_PER_LINE,
    select: { title: true, filename: true, processing: true },
    ...asViewer(viewer),
  })
  return {
    total: found.totalDocs,
    rows: found.docs.map((clip) => ({
      id: clip.id,
      title: clip.title || clip.filename || String(clip.id),
      status: clip.processing?.status ?? 'queued',
      progress: Math.round(clip.processing?.progress ?? 0),
      error: failureText(clip.processing, viewer.locale),
    })),
  }
}

export const processingClipsLine = (viewer: Viewer) => clipsLine(viewer, WHERE.clipsProcessing)
export const failedClipsLine = (viewer: Viewer) => clipsLine(viewer, WHERE.clipsFailed)

export type StoryRow = { id: Id; title: string; at?: string }

export const draftStoriesLine = async (viewer: Viewer): Promise<Line<StoryRow>> => {
  const found = await viewer.payload.find({
    collection: 'stories',
    where: WHERE.draftStories,
    sort: '-updatedAt',
    limit: ROWS_PER_LINE,
    select: { title: true, updatedAt: true },
    ...asViewer(viewer),
  })
  return { total: found.totalDocs, rows: found.docs.map((story) => ({ id: story.id, title: story.title ?? String(story.id), at: story.updatedAt })) }
}

/** A job's input keeps the story's id as it was given (often text): a numeric id is queried as a number. */
const idOf = (value: Id): Id => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value)

type ScheduleJob = { id: Id; waitUntil?: string | null; input?: { doc?: { value?: Id } } }

/**
 * Stories with a scheduled publish. Payload keeps each schedule as a `schedulePublish` job on the
 * `default` queue: `waitUntil` is when, `input.doc` the story. Jobs are closed to every HTTP user
 * (src/access/jobs.ts), so this is read past access, for staff only (the panel checks). Titles come
 * from the stories' latest drafts, one query for the rows shown.
 */
export const scheduledStoriesLine = async (viewer: Viewer): Promise<Line<StoryRow>> => {
  const jobs = await viewer.payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { 'input.type': { equals: 'publish' } },
        { 'input.doc.relationTo': { equals: 'stories' } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    sort: 'waitUntil',
    limit: ROWS_PER_LINE,
    depth: 0,
    overrideAccess: true,
  })
  const scheduled = (jobs.docs as unknown as ScheduleJob[]).filter((job) => job.input?.doc?.value !== undefined)
  if (!scheduled.length) return { total: jobs.totalDocs, rows: [] }
  const stories = await viewer.payload.find({
    collection: 'stories',
    where: { id: { in: scheduled.map((job) => idOf(job.input!.doc!.value!)) } },
    select: { title: true },
    limit: ROWS_PER_LINE,
    draft: true,
    ...asViewer(viewer),
  })
  const titles = new Map(stories.docs.map((story) => [String(story.id), story.title]))
  return {
    total: jobs.totalDocs,
    rows: scheduled.map((job) => {
      const id = job.input!.doc!.value!
      return { id, title: titles.get(String(id)) ?? String(id), at: job.waitUntil ?? undefined }
    }),
  }
}

/** The start of the window: midnight in Copenhagen 30 days ago, so the list's address is stable all day. */
export const withdrawnSince = (now: Date): Date => fromCopenhagenTime(`${addDays(copenhagenToday(now), -WITHDRAWN_WITHIN_DAYS)}T00:00`)

export type WithdrawnRow = { id: Id; title: string; withdrawnAt: string }

/** Clips with a consent withdrawn in the last 30 days, and the stories that show one of them. */
export const withdrawnConsentsLine = async (viewer: Viewer): Promise<Line<WithdrawnRow> & { stories: Line<StoryRow>; since: Date }> => {
  const since = withdrawnSince(viewer.now)
  const [clips, stories] = await Promise.all([
    viewer.payload.find({
      collection: 'clips',
      where: WHERE.withdrawnSince(since),
      sort: '-updatedAt',
      limit: ROWS_PER_LINE,
      select: { title: true, filename: true, consent: true },
      ...asViewer(viewer),
    }),
    viewer.payload.find({
      collection: 'stories',
      where: WHERE.storiesTouchedSince(since),
      sort: '-updatedAt',
      limit: ROWS_PER_LINE,
      select: { title: true, _status: true },
      ...asViewer(viewer),
    }),
  ])
  const latestWithdrawal = (records: { withdrawnAt?: string | null }[] = []) =>
    records
      .map((record) => record.withdrawnAt)
      .filter((at): at is string => Boolean(at) && Date.parse(at!) >= since.getTime())
      .sort()
      .at(-1) ?? ''
  return {
    since,
    total: clips.totalDocs,
    rows: clips.docs.map((clip) => ({
      id: clip.id,
      title: clip.title || clip.filename || String(clip.id),
      withdrawnAt: latestWithdrawal(clip.consent?.records ?? []),
    })),
    stories: { total: stories.totalDocs, rows: stories.docs.map((story) => ({ id: story.id, title: story.title ?? String(story.id) })) },
  }
}
