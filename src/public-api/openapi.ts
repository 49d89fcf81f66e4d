import { readEnv } from '../config/env'
import { MUNICIPALITY_CODES } from '../constants/municipalities'
import { ORGANISATION_KINDS } from '../constants/organisationKinds'
import { INDICATOR_KEYS, SUMMABLE_INDICATOR_KEYS } from '../constants/indicators'
import { INITIATIVE_KINDS } from '../constants/initiativeKinds'
import { THEME_KEYS } from '../constants/themes'
import { MAX_LIMIT } from './stories'
import { MAX_LENGTH, SUBMISSION_FIELDS } from '../submissions/validate'
import { embedPaths, oembedSchema } from './openapiEmbeds'
import { openApiExamples } from './openapiExamples'
import { cached, closed, errorResponse, int, jsonContent, localeParam, notModified, nullable, okJson, ref, slugParam, str } from './openapiParts'
import { uploadPaths } from './openapiUploads'

/**
 * The OpenAPI 3.1 description of every public endpoint (SPEC §7). Objects are closed
 * (`additionalProperties: false`): a response that grew a field the contract does not name, a
 * private one above all, fails validation in the tests. Every operation has a stable camelCase
 * `operationId` and one tag, so generated clients get usable method names; Spectral
 * (`spectral:oas`) lints the served document in tests/public-api/openapi-lint.test.ts.
 */

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

const TAGS = [
  { name: 'Calls', description: 'Calls for submissions: the open one, or the next that opens' },
  { name: 'Embeds', description: 'oEmbed and the frameable player page, for partner websites and CMSs (served at the site root, not under /api/public)' },
  { name: 'Feeds', description: 'JSON Feed and RSS of the latest published stories (served under /feed)' },
  { name: 'Impact', description: 'Impact figures from published stories and public agreement summaries' },
  { name: 'Meta', description: 'This document' },
  { name: 'Organisations', description: 'Housing organisations, departments, companies and networks with published stories' },
  { name: 'Stories', description: 'Published success stories with their public video clips' },
  { name: 'Submissions', description: 'Sending a success story to an open call' },
  { name: 'Themes', description: 'The five themes stories are filed under' },
  { name: 'Uploads', description: 'Resumable uploads (tus 1.0.0) of large files for a submission' },
]

export const openApiDocument = () => {
  const publicUrl = readEnv().publicUrl
  const ex = openApiExamples()
  const notFound = (message: string) => ({ summary: 'Not found', value: { error: { code: 'not_found', message } } })
  const invalid = { summary: 'A parameter out of range', value: ex.invalidParameter }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Business2Community Stories – public API',
      version: '1.0.0',
      description:
        'Published success stories, their public video clips and organisations, themes and the current call for submissions; and the submission endpoint. Read-only except POST /submissions and the resumable uploads. Errors are `{ "error": { "code", "message" } }`, in Danish unless `Accept-Language` (or `locale`) asks for English.',
      contact: { name: 'Business2Community', url: `${publicUrl}/` },
    },
    servers: [{ url: `${publicUrl}/api/public`, description: 'The public API' }],
    tags: TAGS,
    paths: {
      '/stories': {
        get: {
          operationId: 'listStories',
          tags: ['Stories'],
          summary: 'List published stories',
          description: 'Published stories, newest first, a page at a time; filter by theme, municipality or organisation, or search title and summary.',
          parameters: [
            { name: 'theme', in: 'query', schema: { type: 'string', enum: THEME_KEYS }, description: 'Only stories with this theme', example: 'skills-and-jobs' },
            { name: 'municipality', in: 'query', schema: { type: 'string', enum: [...MUNICIPALITY_CODES] }, description: 'Only stories in this municipality (official code)', example: '101' },
            { name: 'organisation', in: 'query', schema: { type: 'string' }, description: 'An organisation slug: stories it takes part in', example: ex.organisationSlug },
            { name: 'q', in: 'query', schema: { type: 'string', maxLength: 100 }, description: 'Text search in title and summary, in the requested locale', example: 'cykel' },
            { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 }, description: 'Page number, from 1', example: 1 },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 12 }, description: 'Stories per page', example: 12 },
            localeParam,
          ],
          responses: {
            200: okJson(ref('StoryList'), { summary: 'One page of stories', value: ex.storyList }),
            304: notModified,
            400: errorResponse('Unknown or malformed parameter', invalid),
          },
        },
      },
      '/stories/{slug}': {
        get: {
          operationId: 'getStory',
          tags: ['Stories'],
          summary: 'Get one published story',
          description: 'The whole story: body, initiatives, outcomes, public clips (HLS, MP4 renditions, captions) and the public summaries of its agreements.',
          parameters: [slugParam("The story's slug", ex.storySlug), localeParam],
          responses: {
            200: okJson(ref('StoryDetail'), { summary: 'A story with one clip', value: ex.storyDetail }),
            304: notModified,
            400: errorResponse('Malformed parameter'),
            404: errorResponse('No published story with this slug', notFound(ex.notFound.error.message)),
          },
        },
      },
      '/organisations': {
        get: {
          operationId: 'listOrganisations',
          tags: ['Organisations'],
          summary: 'List organisations',
          description: 'Organisations with their published stories, optionally of one kind.',
          parameters: [
            { name: 'kind', in: 'query', schema: { type: 'string', enum: ORGANISATION_KINDS.map((kind) => kind.key) }, description: 'Only organisations of this kind', example: 'housing-organisation' },
            localeParam,
          ],
          responses: {
            200: okJson(closed({ items: { type: 'array', items: ref('Organisation') } }), { summary: 'One housing organisation', value: { items: [ex.organisation] } }),
            304: notModified,
            400: errorResponse('Unknown or malformed parameter'),
          },
        },
      },
      '/organisations/{slug}': {
        get: {
          operationId: 'getOrganisation',
          tags: ['Organisations'],
          summary: 'Get one organisation',
          description: 'One organisation with its published stories.',
          parameters: [slugParam("The organisation's slug", ex.organisationSlug), localeParam],
          responses: {
            200: okJson(ref('Organisation'), { summary: 'A housing organisation', value: ex.organisation }),
            304: notModified,
            400: errorResponse('Malformed parameter'),
            404: errorResponse('No such organisation', notFound('Organisationen findes ikke')),
          },
        },
      },
      '/impact': {
        get: {
          operationId: 'getImpact',
          tags: ['Impact'],
          summary: 'Get the impact figures',
          description: [
            'The impact figures, from public sources only, and the public agreement summaries.',
            'Counts of published stories and of collaboration agreements whose parties show a public summary (never drafts), by theme and by municipality.',
            '`indicators`: per indicator of the catalogue (all but `other`, zeros included), the sum of the achieved values of every held yearly review of those agreements plus the values of published stories\' outcomes that name the indicator; `agreements` and `stories` say how many documents add to each sum.',
            '`agreements.items`: the public summaries themselves (parties, initiatives and targets, each held review\'s figures), newest start first; `agreements.total` is their number.',
          ].join('\n\n'),
          parameters: [localeParam],
          responses: { 200: okJson(ref('Impact'), { summary: 'One story and one agreement', value: ex.impact }), 304: notModified, 400: errorResponse('Unknown or malformed parameter') },
        },
      },
      '/themes': {
        get: {
          operationId: 'listThemes',
          tags: ['Themes'],
          summary: 'List the themes',
          description: 'The five themes with localized labels and counts of published stories, in a fixed order.',
          parameters: [localeParam],
          responses: {
            200: okJson(closed({ items: { type: 'array', items: closed({ key: { type: 'string', enum: THEME_KEYS }, label: str, storyCount: int }) } }), {
              summary: 'The five themes in Danish',
              value: ex.themes,
            }),
            304: notModified,
            400: errorResponse('Unknown or malformed parameter'),
          },
        },
      },
      '/calls/current': {
        get: {
          operationId: 'getCurrentCall',
          tags: ['Calls'],
          summary: 'Get the current call',
          description: 'The open call for submissions, or the next upcoming one; 404 when there is neither.',
          parameters: [localeParam],
          responses: {
            200: okJson(ref('CurrentCall'), { summary: 'An open call', value: ex.currentCall }),
            304: notModified,
            400: errorResponse('Unknown or malformed parameter'),
            404: errorResponse('No open or upcoming call', notFound('Der er ingen åben eller kommende indkaldelse')),
          },
        },
      },
      '/submissions': {
        post: {
          operationId: 'createSubmission',
          tags: ['Submissions'],
          summary: 'Send a success story to an open call',
          description: [
            'Field names as below, as multipart form fields (files `photos`, up to 5 images, and `video`, one) or as JSON keys. `themes` is a repeated field or a JSON array.',
            '',
            '**Large files, resumable**: upload each file first with tus 1.0.0 (creation extension) to `POST /api/public/uploads` (operation `createUpload`), with `Upload-Length` and `Upload-Metadata` keys `filename`, `filetype`, `call` (the call\'s slug) and `field` (`video` or `photos`); send the bytes with `PATCH` and resume after a dropped connection with `HEAD` (the offset). When every upload has finished, send the submission naming them: `videoUpload` (the id, the last part of the upload\'s `Location`) and `photoUploads` (ids), as JSON keys or form fields. Each id must be finished, made for this call and this field, and is used once; otherwise a 422 names `videoUpload` or `photoUploads` and nothing is stored. A `video` file and a `videoUpload` cannot be sent together.',
            '',
            '**Deadline**: a submission with uploads is judged when its first upload was created: begun before the deadline, it may be sent up to `UPLOAD_GRACE_MINUTES` (default 120) after it.',
          ].join('\n'),
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('SubmissionBody') }, 'multipart/form-data': { schema: ref('SubmissionForm') } },
          },
          responses: {
            201: { description: 'Stored; the receipt', content: jsonContent(ref('Receipt'), { receipt: { summary: 'The receipt', value: ex.receipt } }) },
            400: errorResponse('Malformed body'),
            403: errorResponse('Sent by a browser from an origin that is neither our own site nor listed in PUBLIC_CORS_ORIGINS (code `forbidden_origin`); clients that send no Origin may post'),
            409: errorResponse('The call is closed or not open yet; the message names the deadline in Danish time'),
            413: errorResponse('Too large'),
            415: errorResponse('Not multipart or JSON, or a file that is not an image (photos) or a video (video)'),
            422: {
              description: 'Per-field errors, including a video longer than the call\'s `videoMaxMinutes`, larger than 8K or above 120 fps, and an upload id that is unknown, unfinished, made for another call or field, or already used',
              content: jsonContent(ref('ValidationError'), { fields: { summary: 'Two fields to correct', value: ex.validationFailed } }),
            },
            429: errorResponse('Too many submissions from this address'),
          },
        },
      },
      ...uploadPaths(ex.uploadId),
      // The feeds live beside the API, at /feed/…: a path-level server says so.
      '/stories.json': {
        servers: [{ url: `${publicUrl}/feed`, description: 'The feeds' }],
        get: {
          operationId: 'getStoriesJsonFeed',
          tags: ['Feeds'],
          summary: 'Get the JSON Feed',
          description: 'JSON Feed 1.1 of the latest 50 published stories, in Danish, with the top MP4 rendition of each story\'s first clip as attachment.',
          responses: {
            200: { description: 'JSON Feed 1.1', headers: cached, content: { 'application/feed+json': { schema: ref('JsonFeed'), examples: { feed: { summary: 'A feed with one story', value: ex.jsonFeed } } } } },
            304: notModified,
          },
        },
      },
      '/stories.rss': {
        servers: [{ url: `${publicUrl}/feed`, description: 'The feeds' }],
        get: {
          operationId: 'getStoriesRssFeed',
          tags: ['Feeds'],
          summary: 'Get the RSS feed',
          description: 'RSS 2.0 with Media RSS (top MP4 rendition, poster) and an `<enclosure>` per item, of the latest 50 published stories.',
          responses: {
            200: {
              description: 'RSS 2.0',
              headers: cached,
              content: { 'application/rss+xml': { schema: str, example: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Business2Community – historier</title><link>${publicUrl}/</link>…</channel></rss>` } },
            },
            304: notModified,
          },
        },
      },
      ...embedPaths(publicUrl, ex, notFound),
      '/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          tags: ['Meta'],
          summary: 'Get this document',
          description: 'The OpenAPI 3.1 description of the public API, as served.',
          responses: { 200: { description: 'OpenAPI 3.1', headers: cached, content: { 'application/json': { schema: { type: 'object' } } } }, 304: notModified },
        },
      },
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
        OEmbed: oembedSchema,
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
  }
}

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
