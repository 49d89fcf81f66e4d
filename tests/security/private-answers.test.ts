/**
 * Issue #10, item 6 (second part): Payload's REST, GraphQL and file answers to a logged-in
 * request carried whatever caching Payload chose, so a shared cache could keep one user's
 * answer and hand it to the next. Every answer to a request with a session (cookie or
 * `Authorization` header), and the login's own answer, is now `private, no-store` with
 * `nosniff`; anonymous public answers keep their public caching.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'

import { createPeople, PASSWORD } from '../helpers/fixtures'
import { makeTestPhoto } from '../helpers/photos'
import { useServer } from '../helpers/server'

const server = useServer({ runJobs: false })
let token: string
let cookie: string
let loginAnswer: Response
let privateImage: string
let publicImage: string

beforeAll(async () => {
  await createPeople(server.current.payload)
  loginAnswer = await fetch(`${server.current.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@test.dk', password: PASSWORD }),
  })
  expect(loginAnswer.status).toBe(200)
  token = ((await loginAnswer.json()) as { token: string }).token
  cookie = (loginAnswer.headers.get('set-cookie') ?? '').split(';')[0]
  expect(cookie).toMatch(/^payload-token=/)
  const image = (isPrivate: boolean, name: string) =>
    makeTestPhoto(name, { width: 200, height: 150 }).then((filePath) =>
      server.current.payload.create({ collection: 'media', data: { alt: 'Et billede', private: isPrivate }, filePath }),
    )
  privateImage = (await image(true, 'privat.jpg')).filename!
  publicImage = (await image(false, 'offentlig.jpg')).filename!
})

// Payload takes its cookie from a browser only on a same-origin request (CSRF).
const SESSIONS: [string, () => Record<string, string>][] = [
  ['the session cookie', () => ({ cookie, 'sec-fetch-site': 'same-origin' })],
  ['an Authorization header', () => ({ authorization: `JWT ${token}` })],
]

const expectPrivate = (res: Response) => {
  expect(res.headers.get('cache-control')).toBe('private, no-store')
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
}

describe.each(SESSIONS)('with %s', (_how, headers) => {
  test('REST answers are private and not stored', async () => {
    for (const path of ['/api/users/me', '/api/stories?limit=1', '/api/submissions?limit=1']) {
      const res = await fetch(`${server.current.url}${path}`, { headers: headers() })
      expect(res.status).toBe(200)
      expectPrivate(res)
    }
    // The session was really used: /me names the editor.
    const me = await fetch(`${server.current.url}/api/users/me`, { headers: headers() }).then((res) => res.json())
    expect(me.user?.email).toBe('editor@test.dk')
  })

  test('a GraphQL answer is private and not stored', async () => {
    const res = await fetch(`${server.current.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers() },
      body: JSON.stringify({ query: '{ meUser { user { email } } }' }),
    })
    expect(res.status).toBe(200)
    expect((await res.json()).data.meUser.user.email).toBe('editor@test.dk')
    expectPrivate(res)
  })

  test('a private image file (staff only) is private and not stored', async () => {
    const res = await fetch(`${server.current.url}/api/media/file/${encodeURIComponent(privateImage)}`, { headers: headers() })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/jpeg')
    expectPrivate(res)
    // Public image files may be embedded by other sites; what a session fetched may not.
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin')
  })

  test('an error answer is private too', async () => {
    const res = await fetch(`${server.current.url}/api/stories/999999`, { headers: headers() })
    expect(res.status).toBe(404)
    expectPrivate(res)
  })
})

test('the login answer (it carries the token) is private and not stored', () => {
  expectPrivate(loginAnswer)
})

describe('anonymous answers', () => {
  test('the public API keeps its public caching', async () => {
    const res = await fetch(`${server.current.url}/api/public/stories`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  test('a public image file is not made private', async () => {
    const res = await fetch(`${server.current.url}/api/media/file/${encodeURIComponent(publicImage)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control') ?? '').not.toMatch(/private|no-store/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  test('the private image is not served at all', async () => {
    const res = await fetch(`${server.current.url}/api/media/file/${encodeURIComponent(privateImage)}`)
    expect([403, 404]).toContain(res.status)
  })

  test('a foreign page\'s cookie-bearing request is not logged in, and still not stored', async () => {
    const res = await fetch(`${server.current.url}/api/users/me`, { headers: { cookie, origin: 'https://angreb.example.com' } })
    expect((await res.json()).user).toBeNull()
    expectPrivate(res)
  })
})
