import type { ServerProps } from 'payload'
import React from 'react'

import { storedDay, type Day } from '../../agreements/dates'
import { barChartSvg } from '../../impact/barChart'
import { impactFigures } from '../../impact/figures'
import type { AgreementsDashboardKey } from './agreementsDashboardTranslations'
import {
  agreementsOverview,
  seesCatalogue,
  storiesPerQuarter,
  submissionsPerCall,
  SUBMISSION_OUTCOMES,
  todayInCopenhagen,
  type SubmissionOutcome,
} from './AgreementsDashboardData'
import './AgreementsDashboard.css'

type Translate = (key: AgreementsDashboardKey, vars?: Record<string, unknown>) => string

const OUTCOME_KEYS: Record<SubmissionOutcome, AgreementsDashboardKey> = {
  new: 'statusNew',
  'in-review': 'statusInReview',
  accepted: 'statusAccepted',
  declined: 'statusDeclined',
  published: 'statusPublished',
}

/** A chart drawn on the server (src/impact/barChart.ts: no script, no external resource). */
const Chart = ({ svg }: { svg: string }) => <div className="agreements-dashboard__chart" dangerouslySetInnerHTML={{ __html: svg }} />

/**
 * The dashboard's agreements and impact panel (issue #14), above Payload's collection cards: the
 * agreements that run, the yearly reviews due within 30 days or overdue (linked to the agreement),
 * and for staff the catalogue's figures: stories published per quarter, submissions per call by
 * outcome, and the indicator sums from public sources. Every chart has a table with its figures.
 * A member sees their own organisation's agreements only: every agreement query runs as them.
 */
export const AgreementsDashboard = async ({ payload, user, i18n }: ServerProps) => {
  if (!user) return null
  const language = i18n.language === 'en' ? 'en' : 'da'
  const t: Translate = (key, vars) => (i18n.t as (key: string, vars?: Record<string, unknown>) => string)(`agreementsDashboard:${key}`, vars)
  const numbers = new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2 })
  const days = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  const formatDay = (day: Day) => days.format(new Date(storedDay(day)))
  const staff = seesCatalogue(user)
  const today = todayInCopenhagen()
  const adminRoute = payload.config.routes.admin

  const [overview, quarters, calls, impact] = await Promise.all([
    agreementsOverview(payload, user, today, language),
    staff ? storiesPerQuarter(payload, user, today) : undefined,
    staff ? submissionsPerCall(payload, user, language) : undefined,
    impactFigures(payload, language),
  ])
  const overdue = overview.reviews.filter((review) => review.daysLeft < 0)
  const upcoming = overview.reviews.filter((review) => review.daysLeft >= 0)
  const whenText = (daysLeft: number) =>
    daysLeft === 0 ? t('dueToday') : daysLeft > 0 ? t('daysLeft', { count: daysLeft }) : t('daysOverdue', { count: -daysLeft })

  return (
    <section className="agreements-dashboard" aria-labelledby="agreements-dashboard-heading">
      <h2 id="agreements-dashboard-heading">{t(staff ? 'heading' : 'headingMember')}</h2>
      <dl className="agreements-dashboard__figures">
        <div>
          <dt>{t('activeAgreements')}</dt>
          <dd data-figure="active">{numbers.format(overview.active)}</dd>
        </div>
        <div>
          <dt>{t('reviewsDue')}</dt>
          <dd data-figure="due">{numbers.format(upcoming.length)}</dd>
        </div>
        <div className={overdue.length ? 'agreements-dashboard__figure--alert' : undefined}>
          <dt>{t('reviewsOverdue')}</dt>
          <dd data-figure="overdue">{numbers.format(overdue.length)}</dd>
        </div>
      </dl>

      <section className="agreements-dashboard__part" aria-labelledby="agreements-dashboard-reviews">
        <h3 id="agreements-dashboard-reviews">{t('reviewsHeading')}</h3>
        {overview.reviews.length === 0 ? (
          <p>{t('noReviews')}</p>
        ) : (
          <table className="agreements-dashboard__table agreements-dashboard__reviews">
            <thead>
              <tr>
                <th scope="col">{t('agreement')}</th>
                <th scope="col">{t('reviewDay')}</th>
                <th scope="col">{t('when')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.reviews.map((review) => (
                <tr key={review.id} className={review.daysLeft < 0 ? 'agreements-dashboard__overdue' : undefined}>
                  <td>
                    <a href={`${adminRoute}/collections/agreements/${review.id}`}>{review.title}</a>
                  </td>
                  <td>
                    <time dateTime={review.day}>{formatDay(review.day)}</time>
                  </td>
                  <td>{whenText(review.daysLeft)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {quarters && (
        <section className="agreements-dashboard__part" aria-labelledby="agreements-dashboard-stories">
          <h3 id="agreements-dashboard-stories">{t('storiesHeading')}</h3>
          <div className="agreements-dashboard__pair">
            <Chart
              svg={barChartSvg(
                quarters.map((q) => ({ label: t('quarterLabel', { quarter: q.quarter, year: q.year }), value: q.count })),
                { title: t('storiesChart'), id: 'agreements-dashboard-stories-chart', locale: language },
              )}
            />
            <table className="agreements-dashboard__table">
              <thead>
                <tr>
                  <th scope="col">{t('quarter')}</th>
                  <th scope="col">{t('stories')}</th>
                </tr>
              </thead>
              <tbody>
                {quarters.map((q) => (
                  <tr key={`${q.year}-${q.quarter}`}>
                    <th scope="row">{t('quarterLabel', { quarter: q.quarter, year: q.year })}</th>
                    <td>{numbers.format(q.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {calls && (
        <section className="agreements-dashboard__part" aria-labelledby="agreements-dashboard-submissions">
          <h3 id="agreements-dashboard-submissions">{t('submissionsHeading')}</h3>
          {calls.length === 0 ? (
            <p>{t('noCalls')}</p>
          ) : (
            <>
              <div className="agreements-dashboard__charts">
                {calls.map((call) => (
                  <Chart
                    key={call.id}
                    svg={barChartSvg(
                      [
                        { label: t('received'), value: call.received },
                        ...SUBMISSION_OUTCOMES.map((outcome) => ({ label: t(OUTCOME_KEYS[outcome]), value: call.outcomes[outcome] })),
                      ],
                      // The section's heading says what is counted; the chart is named by its call.
                      { title: call.title, id: `agreements-dashboard-call-${call.id}`, locale: language },
                    )}
                  />
                ))}
              </div>
              <table className="agreements-dashboard__table">
                <thead>
                  <tr>
                    <th scope="col">{t('call')}</th>
                    <th scope="col">{t('received')}</th>
                    {SUBMISSION_OUTCOMES.map((outcome) => (
                      <th scope="col" key={outcome}>
                        {t(OUTCOME_KEYS[outcome])}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {calls.map((call) => (
                    <tr key={call.id}>
                      <th scope="row">
                        <a href={`${adminRoute}/collections/calls/${call.id}`}>{call.title}</a>
                      </th>
                      <td>{numbers.format(call.received)}</td>
                      {SUBMISSION_OUTCOMES.map((outcome) => (
                        <td key={outcome}>{numbers.format(call.outcomes[outcome])}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}

      <section className="agreements-dashboard__part" aria-labelledby="agreements-dashboard-impact">
        <h3 id="agreements-dashboard-impact">{t('impactHeading')}</h3>
        <p className="agreements-dashboard__note">{t('impactNote')}</p>
        <div className="agreements-dashboard__pair">
          {/* One chart across indicators: each bar says its own unit, as the units differ. */}
          <Chart
            svg={barChartSvg(
              impact.indicators.map((figure) => ({ label: figure.unit ? `${figure.label} (${figure.unit})` : figure.label, value: figure.total })),
              { title: t('impactChart'), id: 'agreements-dashboard-impact-chart', locale: language, emptyText: t('noImpact') },
            )}
          />
          <table className="agreements-dashboard__table">
            <thead>
              <tr>
                <th scope="col">{t('indicator')}</th>
                <th scope="col">{t('total')}</th>
                <th scope="col">{t('unit')}</th>
                <th scope="col">{t('agreements')}</th>
                <th scope="col">{t('stories')}</th>
              </tr>
            </thead>
            <tbody>
              {impact.indicators.map((figure) => (
                <tr key={figure.key}>
                  <th scope="row">{figure.label}</th>
                  <td>{numbers.format(figure.total)}</td>
                  <td>{figure.unit}</td>
                  <td>{numbers.format(figure.agreements)}</td>
                  <td>{numbers.format(figure.stories)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </section>
  )
}
