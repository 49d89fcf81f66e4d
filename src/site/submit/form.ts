import type { Call } from '../../payload-types'
import { MUNICIPALITIES } from '../../constants/municipalities'
import { ORGANISATION_KINDS } from '../../constants/organisationKinds'
import { THEMES } from '../../constants/themes'
import { formatCopenhagen } from '../../lib/copenhagenTime'
import { html, paragraphs, type SafeHtml } from '../../lib/html'
import type { CallSituation } from '../../public-api/calls/currentCall'
import { HONEYPOT_FIELD, MAX_PHOTOS, PHOTO_MAX_BYTES } from '../../submissions/receive'
import { MAX_LENGTH } from '../../submissions/validate'

export type FormValues = Record<string, unknown>
export type FormErrors = Record<string, string>

const text = (value: unknown) => (typeof value === 'string' ? value : '')
const list = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String)
const checked = (value: unknown) => ['true', 'on', '1'].includes(text(value)) || value === true

/** The order of the fields on the page: the error summary links to them in this order. */
const FIELD_ORDER = [
  'organisationName', 'organisationKind', 'contactName', 'contactEmail', 'contactPhone',
  'partnerCompanyName', 'partnerCompanyCvr', 'title', 'description', 'results', 'themes',
  'municipality', 'periodStart', 'periodEnd', 'photos', 'video', 'privacyAccepted',
]
const LABELS: Record<string, string> = {
  organisationName: 'Jeres organisation',
  organisationKind: 'Type af organisation',
  contactName: 'Kontaktperson',
  contactEmail: 'E-mail',
  contactPhone: 'Telefon',
  partnerCompanyName: 'Partnervirksomhed',
  partnerCompanyCvr: 'Virksomhedens CVR-nummer',
  title: 'Overskrift på historien',
  description: 'Fortæl om samarbejdet',
  results: 'Hvad er der kommet ud af det?',
  themes: 'Temaer',
  municipality: 'Kommune',
  periodStart: 'Samarbejdet startede',
  periodEnd: 'Samarbejdet sluttede',
  photos: 'Billeder',
  video: 'Video',
  privacyAccepted: 'Privatlivspolitik',
  call: 'Indkaldelse',
}

type Ctx = { values: FormValues; errors: FormErrors }

const errorOf = (ctx: Ctx, name: string) =>
  ctx.errors[name] ? html`<p class="field-error" id="${name}-fejl"><span class="visually-hidden">Fejl:</span> ${ctx.errors[name]}</p>` : ''
const describedBy = (ctx: Ctx, name: string, hint?: boolean) =>
  [hint ? `${name}-hint` : '', ctx.errors[name] ? `${name}-fejl` : ''].filter(Boolean).join(' ') || undefined
const hintOf = (name: string, hint?: string) => (hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : '')
const attr = (name: string, value: string | undefined) => (value ? html` ${name}="${value}"` : '')

const input = (ctx: Ctx, name: string, { type = 'text', required = false, hint, autocomplete, inputmode }: { type?: string; required?: boolean; hint?: string; autocomplete?: string; inputmode?: string } = {}) => {
  const max = (MAX_LENGTH as Record<string, number>)[name]
  return html`<div class="field${ctx.errors[name] ? ' field--error' : ''}">
<label for="${name}">${LABELS[name]}${required ? '' : html` <span class="optional">(valgfrit)</span>`}</label>
${hintOf(name, hint)}${errorOf(ctx, name)}
<input id="${name}" name="${name}" type="${type}" value="${text(ctx.values[name])}"${required ? html` required` : ''}${max ? html` maxlength="${max}"` : ''}${attr('autocomplete', autocomplete)}${attr('inputmode', inputmode)}${attr('aria-describedby', describedBy(ctx, name, Boolean(hint)))}${ctx.errors[name] ? html` aria-invalid="true"` : ''}>
</div>`
}

const textarea = (ctx: Ctx, name: string, { required = false, hint }: { required?: boolean; hint?: string } = {}) => {
  const max = (MAX_LENGTH as Record<string, number>)[name]
  return html`<div class="field${ctx.errors[name] ? ' field--error' : ''}">
<label for="${name}">${LABELS[name]}${required ? '' : html` <span class="optional">(valgfrit)</span>`}</label>
${hintOf(name, hint)}${errorOf(ctx, name)}
<textarea id="${name}" name="${name}" rows="7"${required ? html` required` : ''} maxlength="${max}"${attr('aria-describedby', describedBy(ctx, name, Boolean(hint)))}${ctx.errors[name] ? html` aria-invalid="true"` : ''}>${text(ctx.values[name])}</textarea>
</div>`
}

const select = (ctx: Ctx, name: string, options: { value: string; label: string }[], { required = false, hint }: { required?: boolean; hint?: string } = {}) =>
  html`<div class="field${ctx.errors[name] ? ' field--error' : ''}">
<label for="${name}">${LABELS[name]}${required ? '' : html` <span class="optional">(valgfrit)</span>`}</label>
${hintOf(name, hint)}${errorOf(ctx, name)}
<select id="${name}" name="${name}"${required ? html` required` : ''}${attr('aria-describedby', describedBy(ctx, name, Boolean(hint)))}${ctx.errors[name] ? html` aria-invalid="true"` : ''}>
<option value="">Vælg …</option>
${options.map((option) => html`<option value="${option.value}"${text(ctx.values[name]) === option.value ? html` selected` : ''}>${option.label}</option>`)}
</select>
</div>`

const themes = (ctx: Ctx) => {
  const chosen = new Set(list(ctx.values.themes))
  return html`<fieldset class="field${ctx.errors.themes ? ' field--error' : ''}" id="themes"${attr('aria-describedby', describedBy(ctx, 'themes', true))}>
<legend>${LABELS.themes}</legend>
${hintOf('themes', 'Vælg et eller flere.')}${errorOf(ctx, 'themes')}
${THEMES.map((theme, i) => html`<div class="choice"><input type="checkbox" id="themes-${i}" name="themes" value="${theme.key}"${chosen.has(theme.key) ? html` checked` : ''}><label for="themes-${i}">${theme.label.da}</label></div>`)}
</fieldset>`
}

const files = (ctx: Ctx, call: Call) => html`
<div class="field${ctx.errors.photos ? ' field--error' : ''}">
<label for="photos">${LABELS.photos} <span class="optional">(valgfrit)</span></label>
${hintOf('photos', `Op til ${MAX_PHOTOS} billeder (JPEG, PNG eller WebP), højst ${PHOTO_MAX_BYTES / 1024 / 1024} MB hver. Vi offentliggør dem ikke, før vi har talt med jer.`)}${errorOf(ctx, 'photos')}
<input id="photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp,image/gif,image/avif" multiple aria-describedby="${describedBy(ctx, 'photos', true)}">
</div>
${call.allowVideo
  ? html`<div class="field${ctx.errors.video ? ' field--error' : ''}">
<label for="video">${LABELS.video} <span class="optional">(valgfrit)</span></label>
${hintOf('video', `Én video, fx optaget på en telefon, højst ${call.videoMaxMinutes ?? 10} minutter og ${call.videoMaxMegabytes ?? 500} MB.`)}${errorOf(ctx, 'video')}
<input id="video" name="video" type="file" accept="video/*" aria-describedby="${describedBy(ctx, 'video', true)}">
</div>`
  : ''}`

const errorSummary = (ctx: Ctx, message?: string) => {
  const names = FIELD_ORDER.filter((name) => ctx.errors[name]).concat(ctx.errors.call ? ['call'] : [])
  if (!names.length && !message) return ''
  // autofocus: without JavaScript too, the keyboard and screen reader user starts at the summary.
  return html`<div class="error-summary" role="alert" tabindex="-1" id="fejl" autofocus>
<h2>Der er noget, der skal rettes</h2>
${message ? html`<p>${message}</p>` : ''}
${names.length ? html`<ul>${names.map((name) => html`<li><a href="#${name === 'themes' ? 'themes-0' : name}">${LABELS[name]}: ${ctx.errors[name]}</a></li>`)}</ul>` : ''}
${message || ctx.errors.photos || ctx.errors.video ? html`<p>Vælg eventuelle billeder og video igen: de bliver ikke gemt, før indsendelsen lykkes.</p>` : ''}
</div>`
}

const callIntro = (call: Call) => html`<h1>Indsend jeres succeshistorie</h1>
<p class="lead">${call.title}</p>
${paragraphs(call.description)}
<p class="deadline"><strong>Frist:</strong> ${formatCopenhagen(new Date(call.deadline))} (dansk tid).</p>`

/** The form for an open call, filled with what was sent when it comes back with errors. */
export const renderForm = (call: Call, ctx: Ctx, message?: string): SafeHtml => html`
${callIntro(call)}
${errorSummary(ctx, message)}
<form method="post" action="/indsend" enctype="multipart/form-data" novalidate class="submit-form" data-enhance>
<input type="hidden" name="call" value="${call.slug ?? ''}">
<div class="trap" aria-hidden="true"><label for="${HONEYPOT_FIELD}">Lad dette felt være tomt</label><input id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" type="text" tabindex="-1" autocomplete="off"></div>
<fieldset><legend>Om jer</legend>
${input(ctx, 'organisationName', { required: true, autocomplete: 'organization', hint: 'Boligorganisation, afdeling, virksomhed eller netværk.' })}
${select(ctx, 'organisationKind', ORGANISATION_KINDS.map((kind) => ({ value: kind.key, label: kind.label.da })), { required: true })}
${input(ctx, 'contactName', { required: true, autocomplete: 'name' })}
${input(ctx, 'contactEmail', { type: 'email', required: true, autocomplete: 'email', hint: 'Vi sender en kvittering hertil.' })}
${input(ctx, 'contactPhone', { type: 'tel', autocomplete: 'tel', inputmode: 'tel', hint: '8 cifre, fx 12 34 56 78.' })}
</fieldset>
<fieldset><legend>Partneren</legend>
${input(ctx, 'partnerCompanyName', { required: true })}
${input(ctx, 'partnerCompanyCvr', { inputmode: 'numeric', hint: '8 cifre. Kan findes på virk.dk.' })}
</fieldset>
<fieldset><legend>Historien</legend>
${input(ctx, 'title', { required: true })}
${textarea(ctx, 'description', { required: true, hint: 'Hvem gjorde hvad sammen, og hvorfor? Skriv frit, vi hjælper med resten.' })}
${textarea(ctx, 'results', { hint: 'Fx antal i job eller praktik, deltagere, kilo genbrugt.' })}
${themes(ctx)}
${select(ctx, 'municipality', MUNICIPALITIES.map((m) => ({ value: m.code, label: m.name })).sort((a, b) => a.label.localeCompare(b.label, 'da')))}
${input(ctx, 'periodStart', { type: 'date' })}
${input(ctx, 'periodEnd', { type: 'date' })}
</fieldset>
<fieldset><legend>Billeder og video</legend>
${files(ctx, call)}
</fieldset>
<fieldset><legend>Samtykke</legend>
<div class="field${ctx.errors.privacyAccepted ? ' field--error' : ''}">${errorOf(ctx, 'privacyAccepted')}
<div class="choice"><input type="checkbox" id="privacyAccepted" name="privacyAccepted" value="true" required${checked(ctx.values.privacyAccepted) ? html` checked` : ''}${attr('aria-describedby', describedBy(ctx, 'privacyAccepted'))}>
<label for="privacyAccepted">Jeg accepterer, at Business2Community gemmer oplysningerne for at behandle indsendelsen.</label></div></div>
<div class="field"><div class="choice"><input type="checkbox" id="mayContact" name="mayContact" value="true"${checked(ctx.values.mayContact) ? html` checked` : ''}>
<label for="mayContact">I må gerne kontakte os om historien.</label></div></div>
</fieldset>
<div class="upload-progress" hidden><label for="upload-progress">Sender …</label> <progress id="upload-progress" max="100" value="0"></progress> <span class="upload-progress__text" aria-live="polite"></span></div>
<button type="submit" class="button">Send historien</button>
</form>`

/** No open call: say so plainly, and when the next one opens (SPEC §8). */
export const renderNoCall = ({ upcoming, lastClosed }: CallSituation, message?: string): SafeHtml => html`
<h1>Indsend jeres succeshistorie</h1>
${message ? html`<div class="notice" role="alert"><p>${message}</p></div>` : ''}
${lastClosed ? html`<p>Indkaldelsen <strong>${lastClosed.title}</strong> lukkede ${formatCopenhagen(new Date(lastClosed.deadline))}. Der kan ikke længere indsendes til den.</p>` : ''}
${upcoming
  ? html`<p>Den næste indkaldelse, <strong>${upcoming.title}</strong>, åbner ${formatCopenhagen(new Date(upcoming.opensAt))} og har frist ${formatCopenhagen(new Date(upcoming.deadline))}.</p>`
  : html`<p>Der er ingen indkaldelse planlagt lige nu. Kig forbi igen senere.</p>`}`

/** After a successful submission. */
export const renderThanks = (receipt: string | undefined): SafeHtml => html`
<h1>Tak for jeres historie</h1>
<div class="notice notice--ok" role="status"><p>Vi har modtaget indsendelsen${receipt ? html` (kvitteringsnummer <strong>${receipt}</strong>)` : ''}, og der er sendt en kvittering til jeres e-mail.</p></div>
<p>Redaktionen læser alle indsendelser og vender tilbage.</p>
<p><a href="/">Se de andre historier</a></p>`
