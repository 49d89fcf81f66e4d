import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import { index } from '@payloadcms/db-postgres/drizzle/pg-core'

type SchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

/** PostgreSQL's trigram extension (in the server package; trusted, so a database owner may create it). */
export const TEXT_SEARCH_EXTENSIONS = ['pg_trgm']

/**
 * The public story list's `q` is Payload's `like`, which on PostgreSQL is `ILIKE '%word%'` on
 * each word, over the stories' localized title and summary (src/public-api/stories/textSearch.ts).
 * A b-tree cannot serve a pattern with a leading wildcard; a trigram GIN index can, so the search
 * does not read every story as the catalogue grows. Added to the schema Payload builds, so the
 * schema push (development, tests) and the committed migrations (production) both have it.
 */
export const storyTextSearchIndexes: SchemaHook = ({ schema, extendTable }) => {
  const table = schema.tables.stories_locales
  if (!table) return schema
  extendTable({
    table,
    extraConfig: (t) => ({
      stories_locales_title_trgm_idx: index('stories_locales_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
      stories_locales_summary_trgm_idx: index('stories_locales_summary_trgm_idx').using('gin', t.summary.op('gin_trgm_ops')),
    }),
  })
  return schema
}
