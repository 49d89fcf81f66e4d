import type { CollectionSlug, FieldHook, TextField } from 'payload'

import { slugify } from '../lib/slugify'
import { inLanguageOf } from '../auth/messages'

type SlugOptions = { from?: string }

/**
 * A slug field kept unique per collection. Left empty, it is made from the `from` field (the
 * title in the locale being saved) and numbered (-2, -3, …) when taken; typed by an editor, it
 * is normalised and refused when another document already has it.
 */
export const slugField = ({ from = 'title' }: SlugOptions = {}): TextField => {
  const ensureSlug: FieldHook = async ({ value, data, originalDoc, req, collection }) => {
    const typed = typeof value === 'string' && value.trim() !== ''
    const source = typed ? value : (data?.[from] ?? originalDoc?.[from])
    if (typeof source !== 'string' || source.trim() === '') return value
    const base = slugify(source) || 'x'
    if (typed || !collection) return base
    const id = originalDoc?.id ?? data?.id
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`
      if (!(await slugTaken(req, collection.slug as CollectionSlug, candidate, id))) return candidate
    }
  }

  return {
    name: 'slug',
    type: 'text',
    label: { da: 'Slug (URL)', en: 'Slug (URL)' },
    index: true,
    unique: true,
    admin: {
      position: 'sidebar',
      description: {
        da: 'Udfyldes automatisk fra titlen. æ→ae, ø→oe, å→aa.',
        en: 'Filled in from the title. æ→ae, ø→oe, å→aa.',
      },
    },
    hooks: { beforeValidate: [ensureSlug] },
    validate: async (value: string | null | undefined, { req, collectionSlug, id }: any) => {
      if (!value) return true // drafts may lack a title yet; the unique index is the last guard
      if (value !== slugify(value)) {
        return inLanguageOf(req, { da: 'Kun små bogstaver a-z, tal og bindestreger', en: 'Only a-z, digits and hyphens' })
      }
      if (collectionSlug && (await slugTaken(req, collectionSlug, value, id))) {
        return inLanguageOf(req, { da: `Slug "${value}" er allerede i brug`, en: `Slug "${value}" is already taken` })
      }
      return true
    },
  }
}

const slugTaken = async (
  req: Parameters<FieldHook>[0]['req'],
  collection: CollectionSlug,
  slug: string,
  exceptId: number | string | undefined,
): Promise<boolean> => {
  const { totalDocs } = await req.payload.count({
    collection,
    req,
    overrideAccess: true,
    where: {
      and: [{ slug: { equals: slug } }, ...(exceptId !== undefined ? [{ id: { not_equals: exceptId } }] : [])],
    },
  })
  return totalDocs > 0
}
