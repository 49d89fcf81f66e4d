import { afterAll, beforeAll } from '@jest/globals'

import { createServer, type RunningServer, type ServerOptions } from '../../src/server/createServer'

/**
 * Starts the real express server (API only: Next is not needed for these tests) on a free port
 * for one test file, and stops it (and Payload) afterwards.
 */
export const useServer = (options: ServerOptions = {}): { readonly current: RunningServer } => {
  const holder = {} as { current: RunningServer }
  beforeAll(async () => {
    holder.current = await createServer({ next: false, port: 0, ...options })
  })
  afterAll(async () => {
    await holder.current?.close()
  })
  return holder
}

export { client, login, type Client } from './http'
