import { SLUG_PATTERN } from '../lib/slugify'

/**
 * Building blocks of the OpenAPI document (src/public-api/openapi.ts and its parts): closed
 * objects, JSON content with named examples, the error shape, the cache headers every GET sends.
 */
export const str = { type: 'string' }
export const nullable = (schema: object) => ({ oneOf: [schema, { type: 'null' }] })
export const int = { type: 'integer' }
export const closed = (properties: Record<string, object>, required = Object.keys(properties)) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
})
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
export type Example = { summary: string; value: unknown }
export const jsonContent = (schema: object, examples?: Record<string, Example>) => ({ 'application/json': { schema, ...(examples ? { examples } : {}) } })
export const errorResponse = (description: string, example?: Example) =>
  ({ description, content: jsonContent(ref('Error'), example ? { error: example } : undefined) })
export const cached = {
  ETag: { schema: str, description: 'Strong validator; send it back in If-None-Match for a 304' },
  'Cache-Control': { schema: str, description: 'public, max-age=60, stale-while-revalidate=300' },
}
export const okJson = (schema: object, example: Example, description = 'OK') => ({ description, headers: cached, content: jsonContent(schema, { example }) })
export const notModified = { description: 'Not modified (If-None-Match matched the ETag)' }
export const localeParam = {
  name: 'locale',
  in: 'query',
  schema: { type: 'string', enum: ['da', 'en'], default: 'da' },
  description: 'Language of the content; English falls back to Danish',
  example: 'da',
}
export const slugParam = (description: string, example: string) => ({
  name: 'slug',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: SLUG_PATTERN.source },
  description,
  example,
})
export const tusHeader = (description: string) => ({ schema: str, description })
