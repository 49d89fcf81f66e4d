import type { CollectionConfig, Config, Plugin } from 'payload'

import { refuseUnusableQueryValues } from './queryValues'

type Hooks = NonNullable<CollectionConfig['hooks']>

const withCheck = (hooks: Hooks | undefined): Hooks => {
  const current = hooks?.beforeOperation ?? []
  // First, so the client's own `where` is what is judged, before any hook adds to it.
  return current.includes(refuseUnusableQueryValues) ? { ...hooks } : { ...hooks, beforeOperation: [refuseUnusableQueryValues, ...current] }
}

/**
 * Every collection refuses a `where` its database adapter cannot use with a 400 (see
 * refuseUnusableQueryValues). Ours get the hook in the config; the collections Payload adds
 * itself (preferences, locked documents, jobs, migrations) exist only once Payload has started,
 * so they get it then.
 */
export const refusesUnusableQueryValues: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({ ...collection, hooks: withCheck(collection.hooks) })),
  onInit: async (payload) => {
    for (const { config: collection } of Object.values(payload.collections)) {
      collection.hooks = withCheck(collection.hooks) as typeof collection.hooks
    }
    await config.onInit?.(payload)
  },
})
