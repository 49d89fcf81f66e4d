import { html, type SafeHtml } from '../../lib/html'
import type { findOrganisation } from '../../public-api/organisations'
import { organisationPath, storyPath } from '../urls'

type OrganisationPage = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>

const KIND_LABELS: Record<string, string> = {
  'housing-organisation': 'Boligorganisation',
  'housing-department': 'Boligafdeling',
  company: 'Virksomhed',
  network: 'Netværk',
}

/** `/organisationer/<slug>`: who they are and the published stories they take part in. */
export const renderOrganisation = (org: OrganisationPage): SafeHtml => html`
<p class="meta"><a href="/">Alle historier</a></p>
<h1>${org.name}</h1>
<p class="lead">${KIND_LABELS[org.kind] ?? org.kind}${org.municipality ? html`, ${org.municipality.name}` : ''}${org.bCorp ? ' · B Corp-certificeret' : ''}</p>
${org.logo ? html`<img class="logo" src="${org.logo.url}" alt="${org.logo.alt || `${org.name}s logo`}">` : ''}
${org.description ? html`<p>${org.description}</p>` : ''}
${org.parent ? html`<p>Del af <a href="${organisationPath(org.parent.slug)}">${org.parent.name}</a>.</p>` : ''}
${org.website ? html`<p><a href="${org.website}" rel="noopener noreferrer">${org.website}</a></p>` : ''}
<h2>Historier</h2>
${org.stories.length ? html`<ul>${org.stories.map((story) => html`<li><a href="${storyPath(story.slug)}">${story.title}</a></li>`)}</ul>` : html`<p>Ingen udgivne historier endnu.</p>`}`
