/**
 * What a `where` operator and value must be for the field they are compared with, so that the
 * database adapter can build the query. Payload checks a query's paths, not its values: a value
 * the adapter cannot use (text for a numeric id, an object, an invalid date) or an operator it
 * has no translation for reached SQLite and failed as a 500. These rules say why instead.
 */

/** How the adapter treats a field's values: what it converts them to before binding them. */
export type ValueKind = 'number' | 'date' | 'checkbox' | 'text' | 'polymorphic' | 'point'

export type QueryTarget = {
  kind: ValueKind
  fieldType: string
  /** A relationship or upload: Payload reads a list given to equals/not_equals as in/not_in. */
  relation: boolean
  /** A query into a json or richText field's content (`body.root.children`), not the column. */
  jsonPath: boolean
  /** A relationship to several collections: the id kind of each, and whether the path is the field itself (not `.value`). */
  polymorphic?: { idKinds: Record<string, ValueKind>; bare: boolean }
}

export type AdapterAbilities = {
  /**
   * One of Payload's SQL adapters (not MongoDB): they have no `all`, cannot query inside
   * richText content (their SQLite statement for it is invalid) and query a polymorphic
   * relationship itself only by `equals: { relationTo, value }`.
   */
  sql: boolean
}

const GEO = new Set(['near', 'within', 'intersects'])
const LISTS = new Set(['in', 'not_in', 'all'])
const PARTIAL = new Set(['like', 'not_like', 'contains'])
/** The operators the SQL adapters translate for a path inside json content; others are not SQL. */
const JSON_PATH_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'like', 'not_like', 'contains', 'exists'])

/** A plain object: an object literal, a parsed query string or a GraphQL input (no prototype). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

const isNumeric = (value: unknown) =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))

const isDate = (value: unknown) =>
  value instanceof Date
    ? !Number.isNaN(value.getTime())
    : (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && !Number.isNaN(new Date(value).getTime()))

const isBooleanLike = (value: unknown) => typeof value === 'boolean' || (typeof value === 'string' && /^(true|false)$/i.test(value))

/** `null`, and what Payload reads as null from a query string (`'null'`, an empty value). */
const isEmpty = (value: unknown) => value === null || value === 'null' || value === ''

/**
 * Whether one value can stand for the field's kind. In a list, Payload converts each item
 * itself (`parseFloat`, `Number`) and an empty or null item of a number kind becomes NaN.
 */
const fitsKind = (kind: ValueKind, value: unknown, inList: boolean): boolean => {
  // Only our own Local API calls can leave a value undefined; Payload drops such a condition.
  if (value === undefined) return true
  if (Array.isArray(value) || isPlainObject(value)) return false
  if (kind === 'number') return isNumeric(value) || (!inList && isEmpty(value))
  if (isEmpty(value)) return true
  if (kind === 'date') return isDate(value)
  if (kind === 'checkbox') return isBooleanLike(value)
  // Text kinds: any scalar; a class instance (a MongoDB ObjectId) is a value too.
  return true
}

/** The items of a list operator's value: an array, a comma-separated string or one value. */
const listItems = (value: unknown): unknown[] => {
  if (Array.isArray(value)) return value
  if (typeof value === 'string') return value.split(',')
  return [value]
}

const expected = ({ kind, relation }: QueryTarget) =>
  relation && kind === 'number'
    ? 'an id (a number)'
    : { number: 'a number', date: 'a date', checkbox: 'true or false', text: 'one value', polymorphic: 'an id', point: 'coordinates' }[kind]

const expectedList = ({ kind, relation }: QueryTarget) =>
  relation && kind === 'number'
    ? 'ids (numbers)'
    : { number: 'numbers', date: 'dates', checkbox: 'true/false values', text: 'values', polymorphic: 'ids', point: 'coordinates' }[kind]

/**
 * SQLite binds at most 32766 values to one statement; a longer list failed as a 500. This
 * leaves room for the values Payload adds itself (access, locale, drafts).
 */
export const MAX_WHERE_VALUES = 20_000

/** How many values a condition binds: each item of a list (a relationship's twice: as given and as a number), else one. */
export const valueCount = (target: QueryTarget, operator: string, value: unknown) => {
  const items = LISTS.has(operator) ? listItems(value).length : Array.isArray(value) ? value.length : 1
  return target.relation ? items * 2 : items
}

/** A reason the operator cannot be used on this field, or undefined. */
export const operatorProblem = (target: QueryTarget, operator: string, adapter: AdapterAbilities): string | undefined => {
  if (GEO.has(operator) && target.fieldType !== 'point') return `${operator} works only on a point field`
  if (!adapter.sql) return undefined
  if (operator === 'all') return 'all is not supported by this database; use in'
  if (target.jsonPath && target.fieldType === 'richText') return 'rich text content cannot be queried by path; query the field itself'
  if (target.jsonPath && !JSON_PATH_OPERATORS.has(operator)) return `${operator} cannot be used inside ${target.fieldType} content`
  if (target.polymorphic?.bare && operator !== 'equals') return 'a relationship to several collections is queried by its .value or .relationTo'
  return undefined
}

/** `{ relationTo, value }`: a document of one of the relationship's collections. */
const polymorphicValueProblem = (target: QueryTarget, operator: string, value: Record<string, unknown>) => {
  // Payload's SQL adapters take the object form on the field itself with `equals` only, and
  // look its collection up; `.value` is one id.
  if (operator !== 'equals' || !target.polymorphic?.bare) return 'one value is expected, not an object'
  const idKind = typeof value.relationTo === 'string' ? target.polymorphic?.idKinds[value.relationTo] : undefined
  if (!idKind) return `{ relationTo, value } must name one of: ${Object.keys(target.polymorphic?.idKinds ?? {}).join(', ')}`
  return fitsKind(idKind, value.value, false) ? undefined : `value must be ${idKind === 'number' ? 'an id (a number)' : 'an id'}`
}

/** A reason the value cannot be used with this operator on this field, or undefined. */
export const valueProblem = (target: QueryTarget, operator: string, value: unknown, adapter: AdapterAbilities): string | undefined => {
  const { kind } = target
  if (operator === 'exists') return isBooleanLike(value) ? undefined : 'exists takes true or false'
  // Point fields (none on SQLite) take coordinates or GeoJSON: Payload's own handling decides.
  if (kind === 'point') return undefined
  if (target.jsonPath) {
    if (operator === 'in' || operator === 'not_in') {
      const items = Array.isArray(value) && value.every((item) => fitsKind('text', item, true))
      return items ? undefined : `${operator} inside content takes a list of values (${operator}[0]=…)`
    }
    return fitsKind('text', value, false) ? undefined : 'one value is expected, not a list or an object'
  }
  if (kind === 'polymorphic' && isPlainObject(value)) return polymorphicValueProblem(target, operator, value)
  if (target.polymorphic?.bare && adapter.sql) return 'an object { relationTo, value } is expected; or query .value'
  if (LISTS.has(operator)) {
    return listItems(value).every((item) => fitsKind(kind, item, true)) ? undefined : `a list of ${expectedList(target)} is expected`
  }
  if (Array.isArray(value)) {
    // Payload reads a relationship's equals/not_equals list as in/not_in; contains takes several texts.
    const listAllowed = (target.relation && (operator === 'equals' || operator === 'not_equals')) || operator === 'contains'
    if (!listAllowed) return 'one value is expected, not a list'
    return value.every((item) => fitsKind(kind, item, true)) ? undefined : `a list of ${expectedList(target)} is expected`
  }
  if (isPlainObject(value)) return 'one value is expected, not an object'
  // `like` splits its value into words; on numbers and ids Payload makes it `equals` first.
  if (operator === 'like' && !target.relation && kind !== 'number' && typeof value !== 'string') return 'like takes a text'
  // A part of a date (`2024-05`) is a fine `like`; only the other operators convert it to a date.
  if (operator === 'like' && kind === 'date') return undefined
  // The admin's list search sends `id like <what was typed>`: on a number field Payload makes it
  // equals and a text becomes null (no id is null: nothing found, the right answer to a search).
  if (PARTIAL.has(operator) && (kind === 'text' || kind === 'checkbox' || (kind === 'number' && !target.relation))) return undefined
  return fitsKind(kind, value, false) ? undefined : `${expected(target)} is expected`
}
