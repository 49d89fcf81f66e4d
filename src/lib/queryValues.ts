import {
  APIError,
  buildVersionCollectionFields,
  getLocalizedPaths,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type FlattenedField,
  type Payload,
  type PayloadRequest,
  type SanitizedCollectionConfig,
} from 'payload'
import { validOperatorSet } from 'payload/shared'

import {
  isPlainObject,
  MAX_WHERE_VALUES,
  operatorProblem,
  valueCount,
  valueProblem,
  type AdapterAbilities,
  type QueryTarget,
  type ValueKind,
} from './queryValueRules'

export type QueryValueProblem = { path: string; operator: string; reason: string }

/** A `where` whose operator or value cannot be used on its field: the client's mistake, a 400. */
export class QueryValueError extends APIError<QueryValueProblem[]> {
  constructor(problems: QueryValueProblem[]) {
    const list = problems.map(({ path, operator, reason }) => `${path} ${operator} (${reason})`).join('; ')
    super(`The following where condition${problems.length === 1 ? '' : 's'} cannot be used: ${list}`, 400, problems)
  }
}

type Scope = {
  payload: Payload
  collection: SanitizedCollectionConfig
  locale: string | undefined
  abilities: AdapterAbilities
  problems: QueryValueProblem[]
  /** Values bound so far, against MAX_WHERE_VALUES. */
  values: number
}

/** Payload's SQL adapters (drizzle) translate operators through a map; MongoDB has none. */
const abilitiesOf = (payload: Payload): AdapterAbilities => ({ sql: 'operators' in payload.db })

const idKindOf = (payload: Payload, slug: string): ValueKind =>
  (payload.collections[slug as CollectionSlug]?.customIDType ?? payload.db.defaultIDType) === 'number' ? 'number' : 'text'

const versionFields = new WeakMap<SanitizedCollectionConfig, FlattenedField[]>()
const versionFieldsOf = (payload: Payload, collection: SanitizedCollectionConfig) => {
  if (!versionFields.has(collection)) versionFields.set(collection, buildVersionCollectionFields(payload.config, collection, true))
  return versionFields.get(collection)!
}

/** The fields a path resolves through, as Payload resolves them; undefined when it does not resolve. */
const resolve = (scope: Scope, fields: FlattenedField[], path: string) => {
  try {
    const paths = getLocalizedPaths({
      collectionSlug: scope.collection.slug,
      fields,
      incomingPath: path,
      locale: scope.locale,
      // Access and hidden fields are Payload's own checks, after this one.
      overrideAccess: true,
      payload: scope.payload,
      showHiddenFields: true,
    })
    return paths.length > 0 && paths.every((step) => !step.invalid && step.field) ? paths : undefined
  } catch {
    return undefined
  }
}

/** What the queried field is, for the rules: its kind of value and whether a json path follows it. */
const targetOf = (scope: Scope, path: string): QueryTarget | undefined => {
  const sanitized = path === '_id' ? 'id' : path.replace(/__/g, '.')
  const { payload, collection } = scope
  // A version query (findVersions: `version.title`, `parent`) names the versions' fields.
  const paths =
    resolve(scope, collection.flattenedFields, sanitized) ??
    (collection.versions ? resolve(scope, versionFieldsOf(payload, collection), sanitized) : undefined)
  if (!paths) return undefined
  let last = paths[paths.length - 1]
  // `clips.id` is the clips relationship itself, as Payload reads it.
  const previous = paths[paths.length - 2]
  if (last.path === 'id' && previous && (previous.field.type === 'relationship' || previous.field.type === 'upload')) last = previous
  const { field } = last
  // Polymorphic `rel.relationTo` is a collection slug: text. `rel.value` is an id of any of them.
  const relation = (field.type === 'relationship' || field.type === 'upload') && !last.path.endsWith('.relationTo')
  let kind: ValueKind = 'text'
  let polymorphic: QueryTarget['polymorphic']
  if (relation && typeof field.relationTo === 'string') kind = idKindOf(payload, field.relationTo)
  else if (relation && Array.isArray(field.relationTo)) {
    kind = 'polymorphic'
    const idKinds = Object.fromEntries(field.relationTo.map((slug) => [slug, idKindOf(payload, slug)]))
    polymorphic = { idKinds, bare: !last.path.endsWith('.value') }
  } else if (field.type === 'number') kind = 'number'
  else if (field.type === 'date') kind = 'date'
  else if (field.type === 'checkbox') kind = 'checkbox'
  else if (field.type === 'point') kind = 'point'
  return { kind, fieldType: field.type, relation, jsonPath: isJsonPath(scope, field, last.path), polymorphic }
}

/** `body.root.children`: the path goes on inside a json or richText field's content. */
const isJsonPath = (scope: Scope, field: FlattenedField, path: string) => {
  if (field.type !== 'json' && field.type !== 'richText') return false
  const segments = path.split('.')
  const rest = segments.slice(segments.lastIndexOf(field.name) + 1)
  const locales = scope.payload.config.localization ? scope.payload.config.localization.localeCodes : []
  if (locales.includes(rest[0] ?? '')) rest.shift()
  return rest.length > 0
}

/** `{ name: { equals } }` inside `companies.contains` is `companies.name`, as Payload's adapter reads it. */
const prefixed = (where: Record<string, unknown>, prefix: string): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(where).map(([key, value]) =>
      ['and', 'or'].includes(key.toLowerCase()) && Array.isArray(value)
        ? [key, value.map((item) => (isPlainObject(item) ? prefixed(item, prefix) : item))]
        : [`${prefix}.${key}`, value],
    ),
  )

const isRelationshipField = (field: FlattenedField) =>
  ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') || field.type === 'join'

/**
 * Walks a `where` as Payload's own validateQueryPaths does (and/or lists, then path → operator
 * → value) and notes every operator or value the database adapter could not use. What
 * Payload's own checks refuse (an unknown path or operator, a path the user may not read) is
 * left to them: they answer it with their own 400.
 */
const check = (scope: Scope, where: unknown) => {
  if (!isPlainObject(where)) return
  for (const [path, constraint] of Object.entries(where)) {
    if (['and', 'or'].includes(path.toLowerCase()) && Array.isArray(constraint)) {
      constraint.forEach((item) => check(scope, item))
      continue
    }
    if (!isPlainObject(constraint)) continue
    const target = targetOf(scope, path)
    if (!target) continue
    for (const [operator, value] of Object.entries(constraint)) {
      if (!validOperatorSet.has(operator as never)) continue
      if (operator === 'contains' && isPlainObject(value)) {
        const sanitized = path.replace(/__/g, '.')
        const field = resolve(scope, scope.collection.flattenedFields, sanitized)?.at(-1)?.field
        if (field && isRelationshipField(field)) {
          check(scope, prefixed(value, sanitized))
          continue
        }
      }
      const reason = operatorProblem(target, operator, scope.abilities) ?? valueProblem(target, operator, value, scope.abilities)
      if (reason) scope.problems.push({ path, operator, reason })
      const before = scope.values
      scope.values += valueCount(target, operator, value)
      if (scope.abilities.sql && before <= MAX_WHERE_VALUES && scope.values > MAX_WHERE_VALUES) {
        scope.problems.push({ path, operator, reason: `a query may hold at most ${MAX_WHERE_VALUES} values` })
      }
    }
  }
}

/** The problems of a `where` on a collection; empty when the adapter can use all of it. */
export const queryValueProblems = (payload: Payload, collection: SanitizedCollectionConfig, where: unknown, locale?: string) => {
  const scope: Scope = { payload, collection, locale, abilities: abilitiesOf(payload), problems: [], values: 0 }
  check(scope, where)
  return scope.problems
}

/** The access Payload checks for an operation right after its beforeOperation hooks. */
const ACCESS_OF: Record<string, 'read' | 'readVersions' | 'update' | 'delete'> = {
  read: 'read',
  count: 'read',
  readDistinct: 'read',
  countVersions: 'readVersions',
  update: 'update',
  delete: 'delete',
}

/** Whether the requester may not run the operation at all (Payload then answers 403). */
const deniedAltogether = async (collection: SanitizedCollectionConfig, operation: string, req: PayloadRequest) => {
  const access = ACCESS_OF[operation] ? collection.access[ACCESS_OF[operation]] : undefined
  try {
    return Boolean(access) && (await access!({ req })) === false
  } catch {
    // An access function that needs more than the request: Payload's own check will tell.
    return false
  }
}

/**
 * Refuses a `where` the database adapter cannot use, before Payload builds the query: a 400
 * naming each condition and why, where the adapter would have thrown a 500 (an operator it has
 * no translation for, an object or a list where one value belongs, text for a numeric id, an
 * invalid date). Runs for every operation that takes a `where` (find, count, update, delete,
 * versions), from REST, GraphQL and the Local API alike. A requester who may not run the
 * operation at all still gets Payload's 403, as without the `where`.
 */
export const refuseUnusableQueryValues: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const { where, overrideAccess } = args as { where?: unknown; overrideAccess?: boolean }
  if (!isPlainObject(where)) return args
  const problems = queryValueProblems(req.payload, collection, where, req.locale ?? undefined)
  if (problems.length === 0) return args
  if (!overrideAccess && (await deniedAltogether(collection, operation, req))) return args
  throw new QueryValueError(problems)
}
