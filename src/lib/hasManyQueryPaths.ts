import { QueryError, type CollectionBeforeOperationHook, type CollectionSlug, type FlattenedField, type Payload, type PayloadRequest, type Where } from 'payload'

type Hop = { hasMany: boolean; collection: CollectionSlug }

/** Every field path a `where` names, through `and`/`or` at any depth. */
const pathsOf = (where: unknown, paths: string[] = []): string[] => {
  if (!where || typeof where !== 'object') return paths
  for (const [key, value] of Object.entries(where)) {
    const nested = ['and', 'or'].includes(key.toLowerCase())
    if (nested && value && typeof value === 'object') Object.values(value).forEach((item) => pathsOf(item, paths))
    else paths.push(key)
  }
  return paths
}

/**
 * The relationships a path crosses, in order (`clips.poster.private`: clips, then poster).
 * Stops where the path leaves what this needs to know (an unknown name, a polymorphic
 * relationship, a plain field): Payload's own checks judge the rest.
 */
const hopsOf = (payload: Payload, fields: FlattenedField[], path: string): Hop[] => {
  const locales = new Set(payload.config.localization ? payload.config.localization.localeCodes : [])
  const segments = path.split('.')
  const hops: Hop[] = []
  let current = fields
  for (let index = 0; index < segments.length; index++) {
    const field = current.find((candidate) => candidate.name === segments[index])
    if (!field) return hops
    if ('localized' in field && field.localized && locales.has(segments[index + 1] ?? '')) index++
    if (field.type === 'group' || field.type === 'tab' || field.type === 'array') {
      current = field.flattenedFields
    } else if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
      hops.push({ hasMany: Boolean(field.hasMany), collection: field.relationTo })
      current = payload.collections[field.relationTo]?.config.flattenedFields ?? []
    } else if (field.type === 'join' && typeof field.collection === 'string') {
      hops.push({ hasMany: true, collection: field.collection as CollectionSlug })
      current = payload.collections[field.collection]?.config.flattenedFields ?? []
    } else {
      return hops
    }
  }
  return hops
}

/** Whether this request may read only some documents of the collection (its access is a query). */
const readIsRestricted = async (req: PayloadRequest, collection: CollectionSlug) => {
  const read = req.payload.collections[collection]?.config.access.read
  return Boolean(read) && typeof (await read!({ req })) === 'object'
}

/**
 * Payload 3.90 builds a wrong query for a path that crosses a has-many relationship whose
 * collection the requester may read only in part, and then crosses another relationship
 * (`stories?where[clips.poster.private][equals]=true` for a visitor): it looks the last name
 * up in the has-many's collection, where it does not exist, and the database adapter throws a
 * 500 ("Cannot find field for path at private"); where the name happens to exist there, the
 * filter silently means something else. Such a path is refused as the 400 Payload gives any
 * path that cannot be queried, before the query is built.
 */
export const refuseUnscopableQueryPaths: CollectionBeforeOperationHook = async ({ args, collection, req }) => {
  const { where, overrideAccess } = args as { where?: Where; overrideAccess?: boolean }
  if (!where || overrideAccess) return args
  for (const path of pathsOf(where)) {
    const hops = hopsOf(req.payload, collection.flattenedFields, path)
    for (const [index, hop] of hops.entries()) {
      if (hop.hasMany && index < hops.length - 1 && (await readIsRestricted(req, hop.collection))) {
        throw new QueryError([{ path }])
      }
    }
  }
  return args
}
