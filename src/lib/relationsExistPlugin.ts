import type { CollectionConfig, Config, Plugin } from 'payload'

import { answerForeignKeyFailuresWith400 } from '../db/foreignKeyFailures'
import { refuseMissingRelations } from './relationsExist'

type Hooks = NonNullable<CollectionConfig['hooks']>

const withCheck = (hooks: Hooks | undefined): Hooks => {
  const current = hooks?.beforeChange ?? []
  // First: after every beforeValidate hook, before any beforeChange hook acts on an id that
  // is not there (and before the upload's files are written).
  return current.includes(refuseMissingRelations) ? { ...hooks } : { ...hooks, beforeChange: [refuseMissingRelations, ...current] }
}

/**
 * Every collection refuses a relationship or upload id that does not exist with a 400 on the
 * field (see refuseMissingRelations). Ours get the hook in the config; the collections Payload
 * adds itself (preferences, locked documents, jobs) exist only once Payload has started, so they
 * get it then, and so does the database adapter's safety net for what the hook does not see.
 */
export const refusesMissingRelations: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({ ...collection, hooks: withCheck(collection.hooks) })),
  onInit: async (payload) => {
    for (const { config: collection } of Object.values(payload.collections)) {
      collection.hooks = withCheck(collection.hooks) as typeof collection.hooks
    }
    answerForeignKeyFailuresWith400(payload.db)
    await config.onInit?.(payload)
  },
})
