import { expect, test } from '@jest/globals'

import { useServer } from './helpers/server'

const server = useServer()

test('/healthz is 200 with the database reachable, and never cached', async () => {
  const res = await fetch(`${server.current.url}/healthz`)
  expect(res.status).toBe(200)
  expect(res.headers.get('cache-control')).toBe('no-store')
  expect(await res.json()).toMatchObject({ status: 'ok', database: 'up' })
})

test('Payload REST answers through express, with its own error shape', async () => {
  const list = await fetch(`${server.current.url}/api/organisations?limit=1`)
  expect(list.status).toBe(200)
  expect(await list.json()).toMatchObject({ docs: [], totalDocs: 0 })

  const missing = await fetch(`${server.current.url}/api/no-such-collection`)
  expect(missing.status).toBe(404)
})

test('GraphQL answers through express', async () => {
  const res = await fetch(`${server.current.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ Calls { totalDocs } }' }),
  })
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ data: { Calls: { totalDocs: 0 } } })
})

test('without Next, unknown pages get a JSON 404 in the error shape', async () => {
  const res = await fetch(`${server.current.url}/no/such/page`)
  expect(res.status).toBe(404)
  expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } })
})

// Last: it breaks the database connection for the rest of this file.
test('/healthz is 503 when the database cannot be reached', async () => {
  const { payload } = server.current
  const db = payload.db as unknown as { client?: { close: () => void }; connection?: { close: () => Promise<void> } }
  if (db.client) db.client.close()
  else await db.connection?.close()

  const res = await fetch(`${server.current.url}/healthz`)
  expect(res.status).toBe(503)
  expect(await res.json()).toEqual({ status: 'unavailable', database: 'down' })
})
