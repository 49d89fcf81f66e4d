import { getTranslation } from '@payloadcms/translations'
import { isValidID, ValidationError, type CollectionBeforeChangeHook, type CollectionSlug, type PayloadRequest } from 'payload'

import { inLanguageOf } from '../auth/messages'
import { relationValues, type RelationValue } from './relationValues'

const key = (collection: string, id: unknown) => `${collection}\u0000${String(id)}`

/**
 * The id as the database stores it: a number's digits sent as text ("5") are the number, as
 * SQLite's integer column makes them. Undefined for what can be no id at all (NaN, an object).
 */
const storedId = (id: unknown, idType: 'number' | 'text' | 'ObjectID'): number | string | undefined => {
  const candidate = idType === 'number' && typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id
  return isValidID(candidate as never, idType) ? (candidate as number | string) : undefined
}

/** The keys of the ids among `ids` that `collection` has, read in the request's transaction. */
const existing = async (req: PayloadRequest, collection: CollectionSlug, ids: unknown[]): Promise<Set<string>> => {
  const idType = req.payload.collections[collection]?.customIDType ?? req.payload.db.defaultIDType
  const stored = new Map<number | string, unknown[]>()
  for (const id of ids) {
    const as = storedId(id, idType)
    if (as !== undefined) stored.set(as, [...(stored.get(as) ?? []), id])
  }
  const queryable = [...stored.keys()]
  if (queryable.length === 0) return new Set()
  // The adapter itself: whether the row is there, as the foreign key sees it, whoever may read
  // it, with no hooks run and no fields read. `req` keeps it in the write's own transaction,
  // which sees what this request wrote before and already holds the write gate.
  const { docs } = await req.payload.db.find({
    collection,
    where: { id: { in: queryable } },
    limit: 0,
    pagination: false,
    sort: 'id',
    select: { id: true },
    req,
  })
  return new Set(docs.flatMap((doc) => (stored.get(doc.id as number | string) ?? []).map((id) => key(collection, id))))
}

const labelOf = (req: PayloadRequest, collection: CollectionSlug, many: boolean) => {
  const labels = req.payload.collections[collection]?.config.labels
  const label = many ? labels?.plural : labels?.singular
  return label && req.i18n ? getTranslation(label as never, req.i18n as never) : collection
}

const missingMessage = (req: PayloadRequest, collection: CollectionSlug, ids: unknown[]) => {
  const list = ids.map((id) => JSON.stringify(id) ?? String(id)).join(', ')
  const many = ids.length > 1
  const label = labelOf(req, collection, many)
  return inLanguageOf(req, {
    da: `${label} med id ${list} findes ikke`,
    en: `${label} with id ${list} ${many ? 'do' : 'does'} not exist`,
  })
}

/**
 * A relationship or upload to a document that does not exist is the client's mistake: a 400
 * ValidationError on the field naming the id, not a 500 from the database's foreign key (and
 * on MongoDB, which has none, not a dangling reference). One query per related collection,
 * only for ids the document does not hold already. Runs for drafts too, which skip field
 * validation but not the foreign key.
 */
export const refuseMissingRelations: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const context = {
    blocks: req.payload.config.blocks ?? [],
    localeCodes: req.payload.config.localization ? req.payload.config.localization.localeCodes : [],
  }
  // What the document already refers to exists (the foreign key saw to it): an update that
  // sends the whole document back (the admin does) costs no query.
  const held = new Set(relationValues(collection.fields, originalDoc, context).map(({ collection: c, id }) => key(c, id)))
  const sent = relationValues(collection.fields, data, context).filter(({ collection: c, id }) => !held.has(key(c, id)))
  if (sent.length === 0) return data

  const byCollection = new Map<string, unknown[]>()
  for (const { collection: c, id } of sent) byCollection.set(c, [...(byCollection.get(c) ?? []), id])
  const found = new Set<string>()
  for (const [c, ids] of byCollection) for (const id of await existing(req, c as CollectionSlug, [...new Set(ids)])) found.add(id)

  const missing = sent.filter(({ collection: c, id }) => !found.has(key(c, id)))
  if (missing.length === 0) return data

  // One error per field and collection, naming each missing id once.
  const grouped = new Map<string, RelationValue[]>()
  for (const value of missing) grouped.set(key(value.path, value.collection), [...(grouped.get(key(value.path, value.collection)) ?? []), value])
  const errors = [...grouped.values()].map((values) => ({
    path: values[0].path,
    message: missingMessage(req, values[0].collection as CollectionSlug, [...new Set(values.map(({ id }) => id))]),
  }))
  const error = new ValidationError({ collection: collection.slug, errors, req }, req.t)
  // The reasons in the message too: clients that read only `message` see which id.
  error.message = `${error.message}. ${errors.map(({ message }) => message).join('. ')}`
  throw error
}
