import type { CollectionBeforeChangeHook, FlattenedField } from 'payload'

type Row = Record<string, unknown> & { id?: unknown }

const rowsOf = (value: unknown): Row[] =>
  Array.isArray(value) ? value.filter((row): row is Row => Boolean(row) && typeof row === 'object') : []

const idsOf = (rows: Row[]) => new Set(rows.map((row) => row.id).filter((id) => id !== undefined && id !== null))

/**
 * Keeps a row's id only when the document already had a row with it here; any other id (one
 * copied from another document, or repeated within this one) is removed, and Payload's id
 * field gives the row a fresh one. Walks groups, named tabs, arrays and blocks at any depth.
 */
const freshen = (fields: FlattenedField[], data: unknown, original: unknown) => {
  if (!data || typeof data !== 'object') return
  const values = data as Record<string, unknown>
  const before = (original && typeof original === 'object' ? original : {}) as Record<string, unknown>
  for (const field of fields) {
    const value = values[field.name]
    if (field.type === 'group' || field.type === 'tab') {
      freshen(field.flattenedFields, value, before[field.name])
      continue
    }
    if (field.type !== 'array' && field.type !== 'blocks') continue
    const previous = rowsOf(before[field.name])
    const own = idsOf(previous)
    const seen = new Set<unknown>()
    for (const row of rowsOf(value)) {
      if (row.id !== undefined && row.id !== null && (!own.has(row.id) || seen.has(row.id))) delete row.id
      seen.add(row.id)
      const rowFields =
        field.type === 'array'
          ? field.flattenedFields
          : field.blocks.find((block) => block.slug === row.blockType)?.flattenedFields ?? []
      freshen(rowFields, row, previous.find((candidate) => row.id !== undefined && candidate.id === row.id))
    }
  }
}

/**
 * Array and block rows are stored in tables of their own whose primary key is the row's id,
 * shared by every document of the collection. A story's JSON copied and posted as a new
 * story (or patched onto another) brings the first story's row ids, and the insert failed on
 * the unique key with a 500. A new document's rows always get fresh ids; an update keeps
 * only the ids its own rows had. The admin's "Duplicate" already renews ids and is unaffected.
 */
export const freshForeignRowIds: CollectionBeforeChangeHook = ({ collection, data, operation, originalDoc }) => {
  freshen(collection.flattenedFields, data, operation === 'update' ? originalDoc : undefined)
  return data
}
