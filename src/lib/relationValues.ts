import type { Block, Field } from 'payload'

/** One id a document's data refers to: where it stands, and which collection it must exist in. */
export type RelationValue = { path: string; collection: string; id: unknown }

type Context = {
  /** Blocks defined once in the config and referenced by slug (`blockReferences`). */
  blocks: Block[]
  localeCodes: string[]
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/** `{ relationTo, value }`: a polymorphic relationship's item. */
const isTypedValue = (value: unknown): value is { relationTo: unknown; value: unknown } =>
  isRecord(value) && 'relationTo' in value && 'value' in value

/** The id itself (depth 0) or the related document (a client may send it back populated). */
const idOf = (value: unknown): unknown => (isRecord(value) && 'id' in value ? value.id : value)

/**
 * A localized field sent for every locale at once (`{ da: …, en: … }`): its values are those of
 * each locale. A relationship's own value is never keyed by locale codes only.
 */
const perLocale = (value: unknown, { localeCodes }: Context): unknown[] => {
  if (!isRecord(value) || isTypedValue(value) || 'id' in value) return [value]
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((key) => localeCodes.includes(key)) ? Object.values(value) : [value]
}

const relationItems = (field: Field & { relationTo: string | string[] }, value: unknown, path: string): RelationValue[] => {
  const items = Array.isArray(value) ? value : [value]
  const found: RelationValue[] = []
  for (const item of items) {
    if (item === null || item === undefined || item === '') continue
    if (Array.isArray(field.relationTo)) {
      // Which collection a typed item points into is the client's to say; one that is not
      // among the field's is Payload's own validation's to refuse.
      if (isTypedValue(item) && typeof item.relationTo === 'string' && field.relationTo.includes(item.relationTo)) {
        const id = idOf(item.value)
        if (id !== null && id !== undefined && id !== '') found.push({ path, collection: item.relationTo, id })
      }
    } else {
      found.push({ path, collection: field.relationTo, id: idOf(item) })
    }
  }
  return found
}

const blockOf = (field: Extract<Field, { type: 'blocks' }>, slug: unknown, context: Context): Block | undefined => {
  const own = (field.blocks ?? []).find((block) => block.slug === slug)
  if (own) return own
  const reference = (field.blockReferences ?? []).find((block) => (typeof block === 'string' ? block : block.slug) === slug)
  if (!reference) return undefined
  return typeof reference === 'string' ? context.blocks.find((block) => block.slug === reference) : reference
}

const walk = (fields: Field[], data: unknown, prefix: string, context: Context, found: RelationValue[]): void => {
  if (!isRecord(data)) return
  const at = (name: string) => (prefix ? `${prefix}.${name}` : name)
  for (const field of fields) {
    switch (field.type) {
      case 'relationship':
      case 'upload': {
        // A virtual relationship is read through another field and never stored.
        if ('virtual' in field && field.virtual) break
        if (!(field.name in data)) break
        const values = field.localized ? perLocale(data[field.name], context) : [data[field.name]]
        for (const value of values) found.push(...relationItems(field, value, at(field.name)))
        break
      }
      case 'group':
        if ('name' in field && field.name) {
          const values = field.localized ? perLocale(data[field.name], context) : [data[field.name]]
          for (const value of values) walk(field.fields, value, at(field.name), context, found)
        } else {
          walk(field.fields, data, prefix, context, found)
        }
        break
      case 'array': {
        const values = field.localized ? perLocale(data[field.name], context) : [data[field.name]]
        for (const rows of values) {
          if (Array.isArray(rows)) rows.forEach((row, i) => walk(field.fields, row, at(`${field.name}.${i}`), context, found))
        }
        break
      }
      case 'blocks': {
        const values = field.localized ? perLocale(data[field.name], context) : [data[field.name]]
        for (const rows of values) {
          if (!Array.isArray(rows)) continue
          rows.forEach((row, i) => {
            const block = isRecord(row) ? blockOf(field, row.blockType, context) : undefined
            if (block) walk(block.fields, row, at(`${field.name}.${i}`), context, found)
          })
        }
        break
      }
      case 'tabs':
        for (const tab of field.tabs) {
          if ('name' in tab && tab.name) {
            const values = tab.localized ? perLocale(data[tab.name], context) : [data[tab.name]]
            for (const value of values) walk(tab.fields, value, at(tab.name), context, found)
          } else {
            walk(tab.fields, data, prefix, context, found)
          }
        }
        break
      case 'row':
      case 'collapsible':
        walk(field.fields, data, prefix, context, found)
        break
      default:
        // Rich text keeps its links inside its JSON, with no foreign key; a join is never written.
        break
    }
  }
}

/**
 * Every relationship and upload id in a document's data (or part of it, as an update sends),
 * with the path Payload names the field by in its errors (`consent.records.0.document`):
 * in arrays, groups, blocks, tabs, rows and collapsibles, has-many and polymorphic alike.
 */
export const relationValues = (fields: Field[], data: unknown, context: Context): RelationValue[] => {
  const found: RelationValue[] = []
  walk(fields, data, '', context, found)
  return found
}
