import { formatCopenhagen } from '../../lib/copenhagenTime'
import { html, SafeHtml } from '../../lib/html'
import type { PublicClip } from '../../public-api/serialize/clip'
import type { StoryDetail } from '../../public-api/serialize/story'
import { renderAgreementSummary } from './impact'
import { organisationPath } from '../urls'

const ROLE_LABELS: Record<string, string> = {
  'housing-organisation': 'Boligorganisation',
  department: 'Afdeling',
  company: 'Virksomhed',
  partner: 'Partner',
}

const dateOnly = (iso: string | null) => (iso ? formatCopenhagen(new Date(iso)).replace(/ kl\..*$/, '') : '')

/**
 * One clip: the MP4 rendition as the video's source (plays everywhere), HLS attached by
 * /assets/player.js where the browser has MediaSource (hls.js) or plays HLS itself, captions
 * as tracks, the poster in the sizes the browser needs. The video is named by the clip's title,
 * so a keyboard user who tabs to it hears which video it is.
 */
export const renderPlayer = (clip: PublicClip, index: number) => html`<figure class="clip">
<video controls playsinline preload="metadata" id="video-${index}" data-hls="${clip.hlsUrl ?? ''}"${clip.title ? html` aria-label="${clip.title}"` : ''}${clip.poster ? html` poster="${clip.poster.url}"` : ''}${clip.width && clip.height ? html` width="${clip.width}" height="${clip.height}"` : ''}>
${clip.renditions.map((rendition) => html`<source src="${rendition.url}" type="${rendition.mimeType}" data-label="${rendition.label}">`)}
${clip.captions.map((caption, i) => html`<track kind="captions" src="${caption.url}" srclang="${caption.language}" label="${caption.label}"${i === 0 ? html` default` : ''}>`)}
<p>Din browser kan ikke afspille videoen. <a href="${clip.renditions[0]?.url ?? '#'}">Hent den som MP4</a>.</p>
</video>
${clip.title ? html`<figcaption>${clip.title}</figcaption>` : ''}
</figure>`

/** `/historier/<slug>`: the story with its clips, initiatives and outcomes. */
export const renderStory = (story: StoryDetail): SafeHtml => html`
<article class="story">
<p class="meta"><a href="/">Alle historier</a></p>
<h1>${story.title}</h1>
<p class="lead">${story.summary}</p>
<ul class="tags" aria-label="Temaer">${story.themes.map((theme) => html`<li><a href="/?tema=${theme.key}">${theme.label}</a></li>`)}</ul>
${story.clips.map(renderPlayer)}
${!story.clips.length && story.heroImage ? html`<img class="hero" src="${story.heroImage.url}" srcset="${story.heroImage.srcset}" sizes="100vw" alt="${story.heroImage.alt}">` : ''}
<div class="body">${new SafeHtml(story.bodyHtml)}</div>
${story.initiatives.length
  ? html`<section aria-labelledby="indsatser"><h2 id="indsatser">Indsatser</h2><ul>${story.initiatives.map((initiative) => html`<li><strong>${initiative.label}</strong>${initiative.description ? html`: ${initiative.description}` : ''}</li>`)}</ul></section>`
  : ''}
${story.outcomes.length
  ? html`<section aria-labelledby="resultater"><h2 id="resultater">Resultater</h2><dl class="outcomes">${story.outcomes.map((outcome) => html`<div><dt>${outcome.label}</dt><dd>${outcome.value.toLocaleString('da-DK')}${outcome.unit ? html` ${outcome.unit}` : ''}</dd></div>`)}</dl></section>`
  : ''}
${story.agreements.length
  ? html`<section aria-labelledby="samarbejdsaftale" class="story-agreements"><h2 id="samarbejdsaftale">Samarbejdsaftale</h2>
<p>Historien er en del af ${story.agreements.length === 1 ? 'en samarbejdsaftale' : 'disse samarbejdsaftaler'}. Her er de aftalte mål og resultaterne fra hvert års gennemgang.</p>
${story.agreements.map((agreement) => renderAgreementSummary(agreement, 3))}</section>`
  : ''}
<section aria-labelledby="parter"><h2 id="parter">Parterne</h2><ul>${story.organisations.map((org) => html`<li>${ROLE_LABELS[org.role] ?? org.role}: <a href="${organisationPath(org.slug)}">${org.name}</a></li>`)}</ul>
<p class="meta">${story.municipality ? html`${story.municipality.name}. ` : ''}${story.period.start ? html`Periode: ${dateOnly(story.period.start)}${story.period.end ? html` – ${dateOnly(story.period.end)}` : ' og fremefter'}.` : ''}</p></section>
</article>`
