import { barChartSvg, type BarChartRow } from '../../impact/barChart'
import type { PublicAgreementSummary } from '../../impact/figures'
import { html, SafeHtml } from '../../lib/html'
import type { PublicImpact } from '../../public-api/impact'
import { organisationPath, storyPath } from '../urls'

const STATUS_LABELS: Record<string, string> = { active: 'Aktiv', 'review-due': 'Årlig gennemgang forfalden', ended: 'Afsluttet' }
const ROLE_LABELS: Record<string, string> = {
  'housing-organisation': 'Boligorganisation',
  department: 'Afdeling',
  company: 'Virksomhed',
  partner: 'Partner',
}
const DECISION_LABELS: Record<string, string> = { continue: 'fortsætter', adjust: 'justeres', end: 'afsluttes' }

const number = (value: number) => value.toLocaleString('da-DK', { maximumFractionDigits: 2 })
const withUnit = (value: number, unit: string) => (unit ? `${number(value)} ${unit}` : number(value))
const longDay = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

const chart = (rows: BarChartRow[], options: { title: string; id: string; unit?: string }) =>
  new SafeHtml(barChartSvg(rows, { ...options, emptyText: 'Ingen tal endnu' }))

type Target = PublicAgreementSummary['initiatives'][number]['targets'][number]
type Review = PublicAgreementSummary['reviews'][number]

/** What a review says for one target of one initiative: matched by initiative and indicator (and label, for "other"). */
const resultFor = (review: Review, initiativeId: string, target: Target) =>
  review.results
    .find((result) => result.initiativeId === initiativeId)
    ?.figures.find((figure) => figure.indicator === target.indicator && (target.indicator !== 'other' || figure.label === target.label))

const resultCell = (review: Review, initiativeId: string, target: Target) => {
  const figure = resultFor(review, initiativeId, target)
  if (!figure || figure.achieved === null) return html`<td>Ikke opgjort</td>`
  return html`<td>${withUnit(figure.achieved, target.unit)}${figure.target !== null ? html` <span class="meta">(mål ${number(figure.target)})</span>` : ''}</td>`
}

/**
 * One agreement's public summary: who, what and since when, and a table with a row per agreed
 * target, the current target and each held year's result. Used on /effekt and on story pages.
 */
export const renderAgreementSummary = (agreement: PublicAgreementSummary, headingLevel: 2 | 3 = 3): SafeHtml => {
  const heading = new SafeHtml(`h${headingLevel}`)
  const rows = agreement.initiatives.flatMap((initiative) =>
    initiative.targets.map((target, index) => html`<tr>
${index === 0 ? html`<th scope="row" rowspan="${initiative.targets.length}">${initiative.what}<br><span class="meta">${initiative.kindLabel}${initiative.responsible ? html` · ${initiative.responsible}` : ''}</span></th>` : ''}
<td>${target.label}</td><td>${withUnit(target.target, target.unit)}</td>
${agreement.reviews.map((review) => resultCell(review, initiative.id, target))}
</tr>`),
  )
  return html`<article class="agreement">
<${heading}>${agreement.title}</${heading}>
<p class="meta">${STATUS_LABELS[agreement.status] ?? agreement.status} · ${agreement.municipality ? html`${agreement.municipality.name} · ` : ''}Fra ${longDay(agreement.startDate)}${agreement.endDate ? html` til ${longDay(agreement.endDate)}` : ' (løbende)'}</p>
${agreement.purpose ? html`<p>${agreement.purpose}</p>` : ''}
<p>Parter: ${agreement.parties.map((party, index) => html`${index ? ', ' : ''}<a href="${organisationPath(party.slug)}">${party.name}</a> <span class="meta">(${ROLE_LABELS[party.role] ?? party.role})</span>`)}</p>
${rows.length
  ? html`<div class="table-scroll"><table class="agreement-results">
<caption>Aftalte mål og årlige resultater: ${agreement.title}</caption>
<thead><tr><th scope="col">Indsats</th><th scope="col">Mål</th><th scope="col">Aftalt pr. år</th>${agreement.reviews.map((review) => html`<th scope="col">Opnået ${review.year}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table></div>`
  : html`<p>Aftalen har endnu ingen mål.</p>`}
${agreement.reviews.length
  ? html`<ul class="reviews">${agreement.reviews.map((review) => html`<li>Gennemgang ${review.year} holdt ${longDay(review.heldOn)}: aftalen ${DECISION_LABELS[review.decision] ?? review.decision}.</li>`)}</ul>`
  : html`<p class="meta">Aftalen har endnu ikke haft sin første årlige gennemgang.</p>`}
${agreement.stories.length ? html`<p>Historier: ${agreement.stories.map((story, index) => html`${index ? ', ' : ''}<a href="${storyPath(story.slug)}">${story.title}</a>`)}</p>` : ''}
</article>`
}

type Counts = PublicImpact['stories']

/** Stories and agreements side by side per theme or municipality: one table, two charts. */
const countsSection = (
  impact: PublicImpact,
  { id, heading, rowHeader, per, rows }: { id: string; heading: string; rowHeader: string; per: string; rows: (counts: Counts) => { key: string; label: string; count: number }[] },
) => {
  const stories = rows(impact.stories)
  const agreements = rows(impact.agreements)
  const keys = [...new Map([...stories, ...agreements].map((row) => [row.key, row.label]))]
  const countOf = (list: typeof stories, key: string) => list.find((row) => row.key === key)?.count ?? 0
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>
<div class="chart-with-table">
<div class="charts">
${chart(stories.map((row) => ({ label: row.label, value: row.count })), { title: `Udgivne historier ${per}`, id: `${id}-historier` })}
${chart(agreements.map((row) => ({ label: row.label, value: row.count })), { title: `Samarbejdsaftaler ${per}`, id: `${id}-aftaler` })}
</div>
<div class="table-scroll"><table>
<caption>Udgivne historier og samarbejdsaftaler ${per}</caption>
<thead><tr><th scope="col">${rowHeader}</th><th scope="col">Historier</th><th scope="col">Samarbejdsaftaler</th></tr></thead>
<tbody>${keys.map(([key, label]) => html`<tr><th scope="row">${label}</th><td>${countOf(stories, key)}</td><td>${countOf(agreements, key)}</td></tr>`)}</tbody>
</table></div>
</div></section>`
}

/** `/effekt`: what the stories and the public agreements add up to, as charts with tables beside them. */
export const renderImpact = (impact: PublicImpact): SafeHtml => html`<div class="impact">
<h1>Effekt</h1>
<p class="lead">Det, boligorganisationer og lokale virksomheder har opnået sammen: tal fra de udgivne historier og fra de samarbejdsaftaler, hvis parter har valgt at vise deres mål og resultater offentligt.</p>
<p class="impact-totals"><strong>${impact.stories.total}</strong> ${impact.stories.total === 1 ? 'udgiven historie' : 'udgivne historier'} · <strong>${impact.agreements.total}</strong> ${impact.agreements.total === 1 ? 'offentlig samarbejdsaftale' : 'offentlige samarbejdsaftaler'}</p>

<section aria-labelledby="resultater"><h2 id="resultater">Resultater i alt</h2>
<p>Summen af det opnåede ved aftalernes årlige gennemgange og af resultaterne i de udgivne historier. Hver indikator har sin egen enhed.</p>
<div class="chart-with-table">
<div class="charts">${chart(
  impact.indicators.map((indicator) => ({ label: indicator.unit ? `${indicator.label} (${indicator.unit})` : indicator.label, value: indicator.total })),
  { title: 'Resultater i alt pr. indikator', id: 'resultater-diagram' },
)}</div>
<div class="table-scroll"><table>
<caption>Resultater i alt pr. indikator</caption>
<thead><tr><th scope="col">Indikator</th><th scope="col">I alt</th><th scope="col">Fra aftaler</th><th scope="col">Fra historier</th></tr></thead>
<tbody>${impact.indicators.map((indicator) => html`<tr data-indicator="${indicator.key}"><th scope="row">${indicator.label}</th><td>${withUnit(indicator.total, indicator.unit)}</td><td>${indicator.agreements}</td><td>${indicator.stories}</td></tr>`)}</tbody>
</table></div>
</div></section>

${countsSection(impact, { id: 'temaer', heading: 'Fordelt på temaer', rowHeader: 'Tema', per: 'pr. tema', rows: (counts) => counts.byTheme })}
${countsSection(impact, {
  id: 'kommuner',
  heading: 'Fordelt på kommuner',
  rowHeader: 'Kommune',
  per: 'pr. kommune',
  rows: (counts) => counts.byMunicipality.map((row) => ({ key: row.code, label: row.name, count: row.count })),
})}

<section aria-labelledby="aftaler"><h2 id="aftaler">Samarbejdsaftaler</h2>
${impact.agreements.items.length
  ? impact.agreements.items.map((agreement) => renderAgreementSummary(agreement, 3))
  : html`<p>Ingen samarbejdsaftaler vises offentligt endnu.</p>`}
</section>
</div>`
