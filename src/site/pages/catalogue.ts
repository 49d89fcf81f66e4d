import { MUNICIPALITIES } from '../../constants/municipalities'
import { THEMES } from '../../constants/themes'
import { html, type SafeHtml } from '../../lib/html'
import type { StoryCard } from '../../public-api/serialize/story'
import { storyPath } from '../urls'

export type CatalogueFilters = { theme?: string; municipality?: string; page: number }
type Listing = { items: StoryCard[]; page: number; totalPages: number; totalItems: number }

const pageLink = (filters: CatalogueFilters, page: number) => {
  const params = new URLSearchParams()
  if (filters.theme) params.set('tema', filters.theme)
  if (filters.municipality) params.set('kommune', filters.municipality)
  if (page > 1) params.set('side', String(page))
  const query = params.toString()
  return query ? `/?${query}` : '/'
}

const card = (story: StoryCard) => html`<li class="card">
<a href="${storyPath(story.slug)}">
${story.poster ? html`<img src="${story.poster.url}" srcset="${story.poster.srcset}" sizes="(min-width: 50rem) 22rem, 100vw" alt="" loading="lazy" width="${story.poster.width ?? ''}" height="${story.poster.height ?? ''}">` : ''}
<h2>${story.title}</h2></a>
<p>${story.summary}</p>
<p class="meta">${story.organisations.map((org) => org.name).join(' · ')}${story.municipality ? html` · ${story.municipality.name}` : ''}</p>
<ul class="tags" aria-label="Temaer">${story.themes.map((theme) => html`<li>${theme.label}</li>`)}</ul>
${story.clipCount ? html`<p class="meta">${story.clipCount === 1 ? '1 video' : `${story.clipCount} videoer`}</p>` : ''}
</li>`

/** `/`: the catalogue with theme and municipality filters (a plain GET form) and pagination. */
export const renderCatalogue = (listing: Listing, filters: CatalogueFilters): SafeHtml => html`
<h1>Succeshistorier</h1>
<p class="lead">Boligorganisationer og lokale virksomheder, der skaber noget sammen.</p>
<form method="get" action="/" class="filters" role="search" aria-label="Filtrér historierne">
<div class="field"><label for="tema">Tema</label><select id="tema" name="tema"><option value="">Alle temaer</option>
${THEMES.map((theme) => html`<option value="${theme.key}"${filters.theme === theme.key ? html` selected` : ''}>${theme.label.da}</option>`)}</select></div>
<div class="field"><label for="kommune">Kommune</label><select id="kommune" name="kommune"><option value="">Alle kommuner</option>
${[...MUNICIPALITIES].sort((a, b) => a.name.localeCompare(b.name, 'da')).map((m) => html`<option value="${m.code}"${filters.municipality === m.code ? html` selected` : ''}>${m.name}</option>`)}</select></div>
<button type="submit" class="button">Vis historier</button>
</form>
<p role="status">${listing.totalItems === 1 ? '1 historie' : `${listing.totalItems} historier`}</p>
${listing.items.length ? html`<ul class="cards">${listing.items.map(card)}</ul>` : html`<p>Ingen historier matcher filtrene.</p>`}
${listing.totalPages > 1
  ? html`<nav class="pagination" aria-label="Sider">
${listing.page > 1 ? html`<a href="${pageLink(filters, listing.page - 1)}" rel="prev">Forrige</a>` : ''}
<span aria-current="page">Side ${listing.page} af ${listing.totalPages}</span>
${listing.page < listing.totalPages ? html`<a href="${pageLink(filters, listing.page + 1)}" rel="next">Næste</a>` : ''}
</nav>`
  : ''}`
