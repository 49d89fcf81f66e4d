import { readEnv } from '../config/env'
import { SLUG_PATTERN } from '../lib/slugify'
import { MUNICIPALITY_CODES } from '../constants/municipalities'
import { ORGANISATION_KINDS } from '../constants/organisationKinds'
import { INDICATOR_KEYS, SUMMABLE_INDICATOR_KEYS } from '../constants/indicators'
import { INITIATIVE_KINDS } from '../constants/initiativeKinds'
import { THEME_KEYS } from '../constants/themes'
import { MAX_LIMIT } from './stories'
import { MAX_LENGTH, SUBMISSION_FIELDS } from '../submissions/validate'

/**
 * The OpenAPI 3.1 description of every public endpoint (SPEC §7). Objects are closed
 * (`additionalProperties: false`): a response that grew a field the contract does not name, a
 * private one above all, fails validation in the tests.
 */
const str = { type: 'string' }
const nullable = (schema: object) => ({ oneOf: [schema, { type: 'null' }] })
const int = { type: 'integer' }
const closed = (properties: Record<string, object>, required = Object.keys(properties)) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
})
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const jsonContent = (schema: object) => ({ 'application/json': { schema } })
const errorResponse = (description: string) => ({ description, content: jsonContent(ref('Error')) })
const cached = {
  ETag: { schema: str, description: 'Strong validator; send it back in If-None-Match for a 304' },
  'Cache-Control': { schema: str, description: 'public, max-age=60, stale-while-revalidate=300' },
}
const okJson = (schema: object, description = 'OK') => ({ description, headers: cached, content: jsonContent(schema) })
const notModified = { description: 'Not modified (If-None-Match matched the ETag)' }
const localeParam = { name: 'locale', in: 'query', schema: { type: 'string', enum: ['da', 'en'], default: 'da' }, description: 'Language of the content; English falls back to Danish' }
const slugParam = { name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: SLUG_PATTERN.source } }

const image = closed({ url: str, alt: str, width: nullable(int), height: nullable(int), srcset: str })
const organisationRefProps = {
  name: str,
  slug: str,
  kind: { type: 'string', enum: ORGANISATION_KINDS.map((kind) => kind.key) },
  logo: nullable(ref('Image')),
}
const day = { type: 'string', format: 'date', description: 'A day (YYYY-MM-DD), not an instant' }
const number = { type: 'number' }
const count = { type: 'integer', minimum: 0 }
const figureProps = {
  indicator: { type: 'string', enum: INDICATOR_KEYS, description: '`other` carries its own label and unit and is never summed' },
  label: str,
  unit: str,
}
const countsBy = closed({
  total: count,
  byTheme: { type: 'array', description: 'Every theme, zeros included', items: closed({ key: { type: 'string', enum: THEME_KEYS }, label: str, count }) },
  byMunicipality: {
    type: 'array',
    description: 'Municipalities with at least one, most first',
    items: closed({ code: { type: 'string', enum: [...MUNICIPALITY_CODES] }, name: str, count }),
  },
})
const storyCardProps = {
  id: str,
  slug: str,
  title: str,
  summary: str,
  themes: { type: 'array', items: ref('Theme') },
  municipality: nullable(ref('Municipality')),
  organisations: { type: 'array', items: ref('StoryOrganisation') },
  poster: nullable(ref('Image')),
  clipCount: int,
  totalDuration: { type: 'number' },
  publishedAt: nullable({ type: 'string', format: 'date-time' }),
}

export const openApiDocument = () => ({
  openapi: '3.1.0',
  info: {
    title: 'Business2Community Stories – public API',
    version: '1.0.0',
    description:
      'Published success stories, their public video clips and organisations, themes and the current call for submissions; and the submission endpoint. Read-only except POST /submissions. Errors are `{ "error": { "code", "message" } }`.',
  },
  servers: [{ url: `${readEnv().publicUrl}/api/public` }],
  paths: {
    '/stories': {
      get: {
        summary: 'Published stories, newest first',
        parameters: [
          { name: 'theme', in: 'query', schema: { type: 'string', enum: THEME_KEYS } },
          { name: 'municipality', in: 'query', schema: { type: 'string', enum: [...MUNICIPALITY_CODES] } },
          { name: 'organisation', in: 'query', schema: { type: 'string' }, description: 'An organisation slug: stories it takes part in' },
          { name: 'q', in: 'query', schema: { type: 'string', maxLength: 100 }, description: 'Text search in title and summary, in the requested locale' },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 12 } },
          localeParam,
        ],
        responses: { 200: okJson(ref('StoryList')), 304: notModified, 400: errorResponse('Unknown or malformed parameter') },
      },
    },
    '/stories/{slug}': {
      get: {
        summary: 'One published story, whole',
        parameters: [slugParam, localeParam],
        responses: { 200: okJson(ref('StoryDetail')), 304: notModified, 400: errorResponse('Malformed parameter'), 404: errorResponse('No published story with this slug') },
      },
    },
    '/organisations': {
      get: {
        summary: 'Organisations with their published stories',
        parameters: [{ name: 'kind', in: 'query', schema: { type: 'string', enum: ORGANISATION_KINDS.map((kind) => kind.key) } }, localeParam],
        responses: { 200: okJson(closed({ items: { type: 'array', items: ref('Organisation') } })), 304: notModified, 400: errorResponse('Unknown or malformed parameter') },
      },
    },
    '/organisations/{slug}': {
      get: {
        summary: 'One organisation with its published stories',
        parameters: [slugParam, localeParam],
        responses: { 200: okJson(ref('Organisation')), 304: notModified, 400: errorResponse('Malformed parameter'), 404: errorResponse('No such organisation') },
      },
    },
    '/impact': {
      get: {
        summary: 'The impact figures, from public sources only, and the public agreement summaries',
        description: [
          'Counts of published stories and of collaboration agreements whose parties show a public summary (never drafts), by theme and by municipality.',
          '`indicators`: per indicator of the catalogue (all but `other`, zeros included), the sum of the achieved values of every held yearly review of those agreements plus the values of published stories\' outcomes that name the indicator; `agreements` and `stories` say how many documents add to each sum.',
          '`agreements.items`: the public summaries themselves (parties, initiatives and targets, each held review\'s figures), newest start first; `agreements.total` is their number.',
        ].join('\n\n'),
        parameters: [localeParam],
        responses: { 200: okJson(ref('Impact')), 304: notModified, 400: errorResponse('Unknown or malformed parameter') },
      },
    },
    '/themes': {
      get: {
        summary: 'The five themes with localized labels and counts of published stories',
        parameters: [localeParam],
        responses: {
          200: okJson(closed({ items: { type: 'array', items: closed({ key: { type: 'string', enum: THEME_KEYS }, label: str, storyCount: int }) } })),
          304: notModified,
          400: errorResponse('Unknown or malformed parameter'),
        },
      },
    },
    '/calls/current': {
      get: {
        summary: 'The open call, or the next upcoming one',
        parameters: [localeParam],
        responses: { 200: okJson(ref('CurrentCall')), 304: notModified, 400: errorResponse('Unknown or malformed parameter'), 404: errorResponse('No open or upcoming call') },
      },
    },
    '/submissions': {
      post: {
        summary: 'Send a success story to an open call',
        description: [
          'Field names as below, as multipart form fields (files `photos`, up to 5 images, and `video`, one) or as JSON keys. `themes` is a repeated field or a JSON array.',
          '',
          '**Large files, resumable**: upload each file first with tus 1.0.0 (creation extension) to `POST /api/public/uploads`, with `Upload-Length` and `Upload-Metadata` keys `filename`, `filetype`, `call` (the call\'s slug) and `field` (`video` or `photos`); send the bytes with `PATCH` and resume after a dropped connection with `HEAD` (the offset). When every upload has finished, send the submission naming them: `videoUpload` (the id, the last part of the upload\'s `Location`) and `photoUploads` (ids), as JSON keys or form fields. Each id must be finished, made for this call and this field, and is used once; otherwise a 422 names `videoUpload` or `photoUploads` and nothing is stored. A `video` file and a `videoUpload` cannot be sent together.',
          '',
          '**Deadline**: a submission with uploads is judged when its first upload was created: begun before the deadline, it may be sent up to `UPLOAD_GRACE_MINUTES` (default 120) after it.',
        ].join('\n'),
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('SubmissionBody') }, 'multipart/form-data': { schema: ref('SubmissionForm') } },
        },
        responses: {
          201: { description: 'Stored; the receipt', content: jsonContent(ref('Receipt')) },
          400: errorResponse('Malformed body'),
          403: errorResponse('Sent by a browser from an origin that is neither our own site nor listed in PUBLIC_CORS_ORIGINS (code `forbidden_origin`); clients that send no Origin may post'),
          409: errorResponse('The call is closed or not open yet; the message names the deadline in Danish time'),
          413: errorResponse('Too large'),
          415: errorResponse('Not multipart or JSON, or a file that is not an image (photos) or a video (video)'),
          422: { description: 'Per-field errors, including a video longer than the call\'s `videoMaxMinutes`, larger than 8K or above 120 fps, and an upload id that is unknown, unfinished, made for another call or field, or already used', content: jsonContent(ref('ValidationError')) },
          429: errorResponse('Too many submissions from this address'),
        },
      },
    },
    // The feeds live beside the API, at /feed/…: a path-level server says so.
    '/stories.json': {
      servers: [{ url: `${readEnv().publicUrl}/feed` }],
      get: {
        summary: 'JSON Feed 1.1 of the latest 50 published stories',
        responses: { 200: { description: 'JSON Feed 1.1', headers: cached, content: { 'application/feed+json': { schema: ref('JsonFeed') } } }, 304: notModified },
      },
    },
    '/stories.rss': {
      servers: [{ url: `${readEnv().publicUrl}/feed` }],
      get: {
        summary: 'RSS 2.0 with Media RSS (top MP4 rendition, poster) of the latest 50 published stories',
        responses: { 200: { description: 'RSS 2.0', headers: cached, content: { 'application/rss+xml': { schema: { type: 'string' } } } }, 304: notModified },
      },
    },
    '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } } },
  },
  components: {
    schemas: {
      Error: closed({ error: closed({ code: str, message: str }) }),
      ValidationError: closed({
        error: closed({ code: { const: 'validation_failed' }, message: str, fields: { type: 'object', additionalProperties: str } }),
      }),
      Image: image,
      Municipality: closed({ code: str, name: str }),
      Theme: closed({ key: { type: 'string', enum: THEME_KEYS }, label: str }),
      OrganisationRef: closed(organisationRefProps),
      StoryOrganisation: closed({ ...organisationRefProps, role: { type: 'string', enum: ['housing-organisation', 'department', 'company', 'partner'] } }),
      StoryCard: closed(storyCardProps),
      StoryList: closed({ items: { type: 'array', items: ref('StoryCard') }, page: int, limit: int, totalItems: int, totalPages: int }),
      Clip: closed({
        id: str,
        title: nullable(str),
        duration: nullable({ type: 'number' }),
        width: nullable(int),
        height: nullable(int),
        poster: nullable(ref('Image')),
        hlsUrl: nullable(str),
        renditions: {
          type: 'array',
          items: closed({ label: str, url: str, width: int, height: int, bitrate: nullable(int), mimeType: str, size: nullable(int) }),
        },
        captions: { type: 'array', items: closed({ language: str, label: str, url: str }) },
      }),
      StoryDetail: closed({
        ...storyCardProps,
        bodyHtml: str,
        heroImage: nullable(ref('Image')),
        initiatives: { type: 'array', items: closed({ kind: str, label: str, description: nullable(str) }) },
        outcomes: { type: 'array', items: closed({ label: str, value: { type: 'number' }, unit: nullable(str) }) },
        period: closed({ start: nullable(str), end: nullable(str) }),
        clips: { type: 'array', items: ref('Clip') },
        agreements: { type: 'array', description: 'Public summaries of the agreements this story is linked to; empty when none', items: ref('AgreementSummary') },
      }),
      AgreementSummary: closed({
        id: str,
        slug: str,
        title: str,
        purpose: nullable(str),
        themes: { type: 'array', items: ref('Theme') },
        municipality: nullable(ref('Municipality')),
        startDate: day,
        endDate: nullable(day),
        status: { type: 'string', enum: ['active', 'review-due', 'ended'] },
        parties: { type: 'array', items: ref('StoryOrganisation') },
        initiatives: {
          type: 'array',
          items: closed({
            id: str,
            kind: { type: 'string', enum: INITIATIVE_KINDS.map((kind) => kind.key) },
            kindLabel: str,
            what: str,
            responsible: nullable(str),
            targets: { type: 'array', items: closed({ ...figureProps, target: number }) },
          }),
        },
        reviews: {
          type: 'array',
          description: 'Held yearly reviews, oldest first: per initiative the target agreed for that year and what was achieved',
          items: closed({
            year: int,
            heldOn: day,
            decision: { type: 'string', enum: ['continue', 'adjust', 'end'] },
            results: {
              type: 'array',
              items: closed({
                initiativeId: nullable({ ...str, description: 'The `id` of the initiative in `initiatives`, while it exists' }),
                initiative: str,
                figures: { type: 'array', items: closed({ ...figureProps, target: nullable(number), achieved: nullable(number) }) },
              }),
            },
          }),
        },
        stories: { type: 'array', description: 'Linked stories that are published', items: closed({ slug: str, title: str }) },
      }),
      IndicatorFigure: closed({
        key: { type: 'string', enum: SUMMABLE_INDICATOR_KEYS },
        label: str,
        unit: str,
        total: number,
        agreements: { ...count, description: 'How many agreements add to the total' },
        stories: { ...count, description: 'How many published stories add to the total' },
      }),
      Impact: closed({
        stories: countsBy,
        agreements: closed({ ...countsBy.properties, items: { type: 'array', items: ref('AgreementSummary') } }),
        indicators: { type: 'array', items: ref('IndicatorFigure') },
      }),
      Organisation: closed({
        ...organisationRefProps,
        id: str,
        municipality: nullable(ref('Municipality')),
        postcode: nullable(str),
        website: nullable(str),
        description: nullable(str),
        bCorp: { type: 'boolean' },
        parent: nullable(ref('OrganisationRef')),
        stories: { type: 'array', items: closed({ slug: str, title: str, publishedAt: nullable(str) }) },
      }),
      CurrentCall: closed({
        slug: str,
        title: str,
        description: nullable(str),
        status: { type: 'string', enum: ['upcoming', 'open'] },
        opensAt: { type: 'string', format: 'date-time' },
        deadline: { type: 'string', format: 'date-time' },
        deadlineLocal: { type: 'string', description: 'The deadline in Danish local time, e.g. "24. maj 2024 kl. 23.59"' },
        contact: closed({ name: str }),
        allowVideo: { type: 'boolean' },
        videoMaxMegabytes: nullable(int),
        videoMaxMinutes: nullable(int),
      }),
      JsonFeed: {
        type: 'object',
        required: ['version', 'title', 'items'],
        properties: {
          version: { const: 'https://jsonfeed.org/version/1.1' },
          title: str,
          home_page_url: str,
          feed_url: str,
          description: str,
          language: str,
          items: {
            type: 'array',
            items: closed(
              {
                id: str,
                url: str,
                title: str,
                summary: str,
                content_html: str,
                image: str,
                date_published: { type: 'string', format: 'date-time' },
                tags: { type: 'array', items: str },
                authors: { type: 'array', items: closed({ name: str, url: str }) },
                attachments: {
                  type: 'array',
                  items: closed({ url: str, mime_type: str, title: str, size_in_bytes: int, duration_in_seconds: int }, ['url', 'mime_type']),
                },
              },
              ['id', 'url', 'title', 'content_html'],
            ),
          },
        },
      },
      Receipt: closed({ id: str, receivedAt: { type: 'string', format: 'date-time' }, call: str }),
      SubmissionBody: submissionBody(),
      SubmissionForm: {
        ...submissionBody(),
        properties: {
          ...submissionBody().properties,
          themes: { type: 'array', items: { type: 'string', enum: THEME_KEYS } },
          photos: { type: 'array', maxItems: 5, items: { type: 'string', contentMediaType: 'image/*' } },
          video: { type: 'string', contentMediaType: 'video/*' },
        },
      },
    },
  },
})

const submissionBody = () => {
  const text = (name: keyof typeof MAX_LENGTH) => ({ type: 'string', maxLength: MAX_LENGTH[name] })
  const properties: Record<(typeof SUBMISSION_FIELDS)[number], object> = {
    call: { type: 'string', description: "The call's slug" },
    organisationName: text('organisationName'),
    organisationKind: { type: 'string', enum: ORGANISATION_KINDS.map((kind) => kind.key) },
    contactName: text('contactName'),
    contactEmail: { type: 'string', format: 'email', maxLength: MAX_LENGTH.contactEmail },
    contactPhone: { type: 'string', description: 'A Danish number: 8 digits, optionally +45' },
    partnerCompanyName: text('partnerCompanyName'),
    partnerCompanyCvr: { type: 'string', pattern: '^\\d{8}$' },
    themes: { type: 'array', minItems: 1, items: { type: 'string', enum: THEME_KEYS } },
    title: text('title'),
    description: text('description'),
    results: text('results'),
    municipality: { type: 'string', enum: [...MUNICIPALITY_CODES] },
    periodStart: { type: 'string', format: 'date' },
    periodEnd: { type: 'string', format: 'date' },
    privacyAccepted: { const: true },
    mayContact: { type: 'boolean' },
  }
  const uploadId = { type: 'string', description: 'The id of a finished tus upload from /api/public/uploads' }
  const uploads = {
    videoUpload: { ...uploadId, description: 'The video, uploaded beforehand through tus with `field: video` (instead of a `video` file)' },
    photoUploads: { type: 'array', maxItems: 5, items: uploadId, description: 'Photos uploaded beforehand through tus with `field: photos`; with `photos` files at most 5 in all' },
  }
  return {
    type: 'object',
    required: ['call', 'organisationName', 'organisationKind', 'contactName', 'contactEmail', 'partnerCompanyName', 'themes', 'title', 'description', 'privacyAccepted'],
    properties: { ...properties, ...uploads },
  }
}
