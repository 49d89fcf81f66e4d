import type { openApiExamples } from './openapiExamples'
import { cached, closed, errorResponse, notModified, okJson, ref, slugParam, str, type Example } from './openapiParts'

/**
 * oEmbed and the frameable embed page (src/site/embed.ts, issue #15 item 6). They are served at
 * the site's root, not under /api/public: each path names its own server.
 */
export const embedPaths = (publicUrl: string, ex: ReturnType<typeof openApiExamples>, notFound: (message: string) => Example) => ({
  '/oembed': {
    servers: [{ url: publicUrl, description: 'The reference site' }],
    get: {
      operationId: 'getOEmbed',
      tags: ['Embeds'],
      summary: 'Get the oEmbed answer for a story URL',
      description: 'oEmbed 1.0 (https://oembed.com/): pasting a story\'s URL into a CMS that supports oEmbed embeds its player through an iframe of `/embed/{slug}`. A story with a clip is a `video`, one without a `rich` card.',
      parameters: [
        { name: 'url', in: 'query', required: true, schema: { type: 'string', format: 'uri' }, description: "A story page's URL (`/historier/<slug>`) or its embed page's", example: ex.storyUrl },
        { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'xml'], default: 'json' }, description: 'Only `json` is supported; `xml` answers 501', example: 'json' },
        { name: 'maxwidth', in: 'query', schema: { type: 'integer', minimum: 1 }, description: 'The widest the embed may be, in pixels', example: 640 },
        { name: 'maxheight', in: 'query', schema: { type: 'integer', minimum: 1 }, description: 'The tallest the embed may be, in pixels', example: 360 },
      ],
      responses: {
        200: okJson(ref('OEmbed'), { summary: 'A story with a clip', value: ex.oembed }),
        304: notModified,
        400: errorResponse('The url parameter is missing'),
        404: errorResponse('The URL is not a published story', notFound('Ingen udgivet historie på den adresse')),
        501: errorResponse('A format other than json', { summary: 'XML asked for', value: { error: { code: 'not_implemented', message: 'Kun format=json understøttes' } } }),
      },
    },
  },
  '/embed/{slug}': {
    servers: [{ url: publicUrl, description: 'The reference site' }],
    get: {
      operationId: 'getEmbedPage',
      tags: ['Embeds'],
      summary: 'Get the frameable player page of a story',
      description: "A minimal HTML page with the story's first clip (HLS with MP4 fallback, captions) and a link back to the story; it may be framed by any origin (no other page may).",
      parameters: [slugParam("The story's slug", ex.storySlug)],
      responses: {
        200: {
          description: 'The page',
          headers: cached,
          content: { 'text/html': { schema: str, example: '<!doctype html><html lang="da"><head><title>Cykelværksted i kælderen · Business2Community</title></head><body class="embed">…</body></html>' } },
        },
        304: notModified,
        404: { description: 'No published story with this slug', content: { 'text/html': { schema: str, example: '<!doctype html><html lang="da"><body><p>Historien findes ikke, eller den er ikke udgivet.</p></body></html>' } } },
      },
    },
  },
})

export const oembedSchema = closed(
  {
    version: { const: '1.0' },
    type: { type: 'string', enum: ['video', 'rich'], description: '`video` for a story with a clip, `rich` for one without' },
    title: str,
    provider_name: str,
    provider_url: { type: 'string', format: 'uri' },
    author_name: { ...str, description: 'The first organisation of the story' },
    author_url: { type: 'string', format: 'uri' },
    html: { ...str, description: 'An iframe of the embed page' },
    width: { type: 'integer', minimum: 1 },
    height: { type: 'integer', minimum: 1 },
    thumbnail_url: { type: 'string', format: 'uri', description: "The story's poster" },
    thumbnail_width: { type: 'integer', minimum: 1 },
    thumbnail_height: { type: 'integer', minimum: 1 },
    cache_age: { type: 'integer', minimum: 0, description: 'Seconds a consumer may keep the answer' },
  },
  ['version', 'type', 'title', 'provider_name', 'provider_url', 'html', 'width', 'height'],
)
