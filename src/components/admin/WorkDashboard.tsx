import type { ServerProps } from 'payload'
import React from 'react'

import { isStaffUser } from '../../access'
import { formatCopenhagen } from '../../lib/copenhagenTime'
import type { WorkDashboardKey } from './workDashboardTranslations'
import {
  draftStoriesLine,
  failedClipsLine,
  listUrl,
  newSubmissionsLine,
  processingClipsLine,
  scheduledStoriesLine,
  WHERE,
  withdrawnConsentsLine,
  type Line,
} from './WorkDashboardData'
import { WorkDashboardReprocessButton } from './WorkDashboardReprocessButton'
import './WorkDashboard.css'

type Translate = (key: WorkDashboardKey, vars?: Record<string, unknown>) => string

/** One line of the panel: its heading links to the filtered list; "vis alle (N)" when rows are left out. */
const LineSection = ({
  name,
  heading,
  href,
  line,
  t,
  children,
  showAll = line.total > line.rows.length,
}: {
  name: string
  heading: string
  href: string
  line: Line<unknown>
  t: Translate
  children?: React.ReactNode
  showAll?: boolean
}) => (
  <section className="work-dashboard__line" data-line={name} aria-labelledby={`work-dashboard-${name}`}>
    <h3 id={`work-dashboard-${name}`}>
      <a href={href} className="work-dashboard__heading-link">
        {heading}
      </a>{' '}
      <span className="work-dashboard__count" data-count>
        {line.total}
      </span>
    </h3>
    {line.total === 0 && !children ? <p className="work-dashboard__none">{t('none')}</p> : children}
    {showAll && (
      <a className="work-dashboard__show-all" data-show-all href={href}>
        {t('showAll', { count: line.total })}
      </a>
    )}
  </section>
)

/**
 * The dashboard's first panel (issue #15 item 1): what needs doing, for editors and admins. New
 * submissions per open call with the call's deadline, clips processing and failed ("Behandl
 * igen"), stories in draft or scheduled to publish, and consents withdrawn in the last 30 days
 * with the stories they touch. Each line links to the admin list filtered as it counts; each count
 * is one query (WorkDashboardData.ts). Members see nothing of it.
 */
export const WorkDashboard = async ({ payload, user, i18n }: ServerProps) => {
  if (!user || !isStaffUser(user as never)) return null
  const language = i18n.language === 'en' ? 'en' : 'da'
  const t: Translate = (key, vars) => (i18n.t as (key: string, vars?: Record<string, unknown>) => string)(`workDashboard:${key}`, vars)
  const when = (at: string | Date) => formatCopenhagen(new Date(at), language)
  const admin = payload.config.routes.admin
  const apiRoute = payload.config.routes.api
  const edit = (collection: string, id: number | string) => `${admin}/collections/${collection}/${id}`
  const viewer = { payload, user, locale: language, now: new Date() } as const

  const [submissions, processing, failed, drafts, scheduled, withdrawn] = await Promise.all([
    newSubmissionsLine(viewer),
    processingClipsLine(viewer),
    failedClipsLine(viewer),
    draftStoriesLine(viewer),
    scheduledStoriesLine(viewer),
    withdrawnConsentsLine(viewer),
  ])
  const deadlineText = (daysLeft: number, deadline: string) =>
    daysLeft <= 0 ? t('deadlineToday', { when: when(deadline) }) : t('deadlineIn', { count: daysLeft, when: when(deadline) })

  return (
    <section className="work-dashboard" aria-labelledby="work-dashboard-heading">
      <h2 id="work-dashboard-heading">{t('heading')}</h2>
      <div className="work-dashboard__lines">
        <LineSection name="new-submissions" heading={t('submissionsLine')} href={listUrl(admin, 'submissions', WHERE.newSubmissions)} line={submissions} t={t} showAll={false}>
          {submissions.rows.length === 0 ? (
            <p className="work-dashboard__none">{t('noOpenCalls')}</p>
          ) : (
            <ul>
              {submissions.rows.map((call) => (
                <li key={call.id} data-call={call.id}>
                  <a href={listUrl(admin, 'submissions', WHERE.newSubmissionsOfCall(call.id))}>
                    {call.title}: <span data-new>{t('newCount', { count: call.newSubmissions })}</span>
                  </a>{' '}
                  <span className="work-dashboard__meta">
                    <time dateTime={call.deadline}>{deadlineText(call.daysLeft, call.deadline)}</time>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {submissions.openCalls > submissions.rows.length && (
            <a className="work-dashboard__show-all" href={listUrl(admin, 'calls', WHERE.openCalls(viewer.now))}>
              {t('showAll', { count: submissions.openCalls })}
            </a>
          )}
        </LineSection>

        <LineSection name="clips-processing" heading={t('processingLine')} href={listUrl(admin, 'clips', WHERE.clipsProcessing)} line={processing} t={t}>
          {processing.rows.length > 0 && (
            <ul>
              {processing.rows.map((clip) => (
                <li key={clip.id} data-clip={clip.id}>
                  <a href={edit('clips', clip.id)}>{clip.title}</a>{' '}
                  <span className="work-dashboard__meta">
                    {t(`status_${clip.status}` as WorkDashboardKey)}
                    {clip.status === 'queued' ? null : ` · ${clip.progress} %`}
                  </span>
                  {clip.status !== 'queued' && <progress max={100} value={clip.progress} aria-label={clip.title} />}
                </li>
              ))}
            </ul>
          )}
        </LineSection>

        <LineSection name="clips-failed" heading={t('failedLine')} href={listUrl(admin, 'clips', WHERE.clipsFailed)} line={failed} t={t}>
          {failed.rows.length > 0 && (
            <ul>
              {failed.rows.map((clip) => (
                <li key={clip.id} data-clip={clip.id} className="work-dashboard__failed">
                  <a href={edit('clips', clip.id)}>{clip.title}</a>
                  <span className="work-dashboard__reason" data-reason>
                    {clip.error || t('noReason')}
                  </span>
                  <WorkDashboardReprocessButton clipId={clip.id} apiRoute={apiRoute} clipTitle={clip.title} />
                </li>
              ))}
            </ul>
          )}
        </LineSection>

        <LineSection name="draft-stories" heading={t('draftsLine')} href={listUrl(admin, 'stories', WHERE.draftStories)} line={drafts} t={t}>
          {drafts.rows.length > 0 && (
            <ul>
              {drafts.rows.map((story) => (
                <li key={story.id} data-story={story.id}>
                  <a href={edit('stories', story.id)}>{story.title}</a>{' '}
                  {story.at && <span className="work-dashboard__meta">{t('changedAt', { when: when(story.at) })}</span>}
                </li>
              ))}
            </ul>
          )}
        </LineSection>

        <LineSection name="scheduled-stories" heading={t('scheduledLine')} href={listUrl(admin, 'stories')} line={scheduled} t={t}>
          {scheduled.rows.length > 0 && (
            <ul>
              {scheduled.rows.map((story) => (
                <li key={story.id} data-story={story.id}>
                  <a href={edit('stories', story.id)}>{story.title}</a>{' '}
                  {story.at && (
                    <span className="work-dashboard__meta">
                      <time dateTime={story.at}>{t('publishesAt', { when: when(story.at) })}</time>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </LineSection>

        <LineSection
          name="withdrawn-consents"
          heading={t('withdrawnLine')}
          href={listUrl(admin, 'clips', WHERE.withdrawnSince(withdrawn.since))}
          line={withdrawn}
          t={t}
        >
          {withdrawn.rows.length > 0 && (
            <>
              <ul>
                {withdrawn.rows.map((clip) => (
                  <li key={clip.id} data-clip={clip.id}>
                    <a href={edit('clips', clip.id)}>{clip.title}</a>{' '}
                    {clip.withdrawnAt && (
                      <span className="work-dashboard__meta">
                        <time dateTime={clip.withdrawnAt}>{t('withdrawnAt', { when: when(clip.withdrawnAt) })}</time>
                      </span>
                    )}
                  </li>
                ))}
              </ul>
              <div className="work-dashboard__sub" data-line="touched-stories">
                <a href={listUrl(admin, 'stories', WHERE.storiesTouchedSince(withdrawn.since))} className="work-dashboard__heading-link">
                  {t('touchedStories')}
                </a>{' '}
                <span className="work-dashboard__count" data-count>
                  {withdrawn.stories.total}
                </span>
                {withdrawn.stories.rows.length > 0 && (
                  <ul>
                    {withdrawn.stories.rows.map((story) => (
                      <li key={story.id} data-story={story.id}>
                        <a href={edit('stories', story.id)}>{story.title}</a>
                      </li>
                    ))}
                  </ul>
                )}
                {withdrawn.stories.total > withdrawn.stories.rows.length && (
                  <a className="work-dashboard__show-all" href={listUrl(admin, 'stories', WHERE.storiesTouchedSince(withdrawn.since))}>
                    {t('showAll', { count: withdrawn.stories.total })}
                  </a>
                )}
              </div>
            </>
          )}
        </LineSection>
      </div>
    </section>
  )
}
