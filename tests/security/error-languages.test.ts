/**
 * Errors answered before Payload sees a request (a body it cannot read, `?where=` that is not
 * JSON, a form it cannot parse, a path nothing serves) speak one language, as Payload's own
 * errors do: Danish, unless the client asked for English (Accept-Language, or on Payload's
 * routes the admin's language cookie). Never Danish and English joined with a slash.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'

import { createPeople, PASSWORD } from '../helpers/fixtures'
import { login, type Client } from '../helpers/http'
import { useServer } from '../helpers/server'

const server = useServer()
let admin: Client

beforeAll(async () => {
  await createPeople(server.current.payload)
  admin = await login(server.current.url, 'admin@test.dk', PASSWORD)
})

type Asked = { name: string; headers: Record<string, string>; language: 'da' | 'en' }
const ASKED: Asked[] = [
  { name: 'no language', headers: {}, language: 'da' },
  { name: 'Accept-Language: da', headers: { 'accept-language': 'da' }, language: 'da' },
  { name: 'Accept-Language: en-GB', headers: { 'accept-language': 'en-GB,en;q=0.9' }, language: 'en' },
  { name: "Payload's language cookie (en)", headers: { 'accept-language': 'da', cookie: 'payload-lng=en' }, language: 'en' },
]

const messageOf = async (res: Response) => {
  const body = (await res.json()) as { errors?: { message: string }[]; error?: { message: string } }
  return body.errors?.[0]?.message ?? body.error?.message ?? ''
}

/** A multipart body whose `_payload` part is not JSON: Payload could not read it. */
const brokenForm = () => {
  const boundary = 'b2c-error-languages'
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{ikke json\r\n--${boundary}--\r\n`,
  }
}

describe.each(ASKED)('with $name', ({ headers, language }) => {
  test.each([
    [
      '415 for a text/plain body on a Payload route',
      () => admin.request('/api/users', { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: '{}' }),
      415,
      { da: 'Indholdet skal sendes som application/json eller multipart/form-data', en: 'Send the body as application/json or multipart/form-data' },
    ],
    [
      '400 for ?where= that is not JSON',
      () => admin.request('/api/stories?where=abc', { headers }),
      400,
      {
        da: 'Forespørgselsparameteren "where" er ikke gyldig JSON; send JSON eller where[felt][operator]=værdi',
        en: 'The query parameter "where" is not valid JSON; send JSON or where[field][operator]=value',
      },
    ],
    [
      "400 for the admin's query body with data that is not JSON",
      () =>
        admin.request('/api/stories', {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' },
          body: 'data=abc',
        }),
      400,
      { da: 'Forespørgselsparameteren "data" er ikke gyldig JSON', en: 'The query parameter "data" is not valid JSON' },
    ],
    [
      '400 for an upload whose _payload is not JSON',
      () => {
        const form = brokenForm()
        return admin.request('/api/media', { method: 'POST', headers: { ...headers, ...form.headers }, body: form.body })
      },
      400,
      { da: 'Feltet _payload er ikke gyldig JSON', en: 'The _payload field is not valid JSON' },
    ],
  ])('%s', async (_what, send, status, message) => {
    const res = await send()
    expect(res.status).toBe(status)
    expect(await messageOf(res)).toBe(message[language])
  })
})

test.each([
  ['no language', {}, 'Ikke fundet'],
  ['Accept-Language: en', { 'accept-language': 'en' }, 'Not found'],
])('a path nothing serves is a 404 in one language (%s)', async (_what, headers, message) => {
  const res = await fetch(`${server.current.url}/findes-ikke`, { headers })
  expect(res.status).toBe(404)
  expect(await res.json()).toEqual({ error: { code: 'not_found', message } })
})

/** A field's own message in Payload's validation error: `errors[0].data.errors[0].message`. */
const fieldMessageOf = async (res: Response, field: string) => {
  const body = (await res.json()) as { errors?: { data?: { errors?: { path: string; message: string }[] } }[] }
  return body.errors?.[0]?.data?.errors?.find((error) => error.path === field)?.message ?? ''
}

describe.each(ASKED)('our own validation messages, with $name (issue #15: one language per message)', ({ headers, language }) => {
  test.each([
    [
      'a member without an organisation',
      () => admin.request('/api/users', { method: 'POST', headers, json: { email: `uden-${language}-${Math.random()}@test.dk`, password: PASSWORD, role: 'member' } }),
      'organisation',
      { da: 'Et medlem skal høre til en organisation', en: 'A member must belong to an organisation' },
    ],
    [
      'a CVR number that is not 8 digits',
      () => admin.request('/api/organisations', { method: 'POST', headers, json: { kind: 'company', name: 'Firma', cvr: '123' } }),
      'cvr',
      { da: 'Et CVR-nummer er 8 cifre', en: 'A CVR number has 8 digits' },
    ],
    [
      'a website that is not http(s)',
      () => admin.request('/api/organisations', { method: 'POST', headers, json: { kind: 'network', name: 'Net', website: 'ftp://x' } }),
      'website',
      { da: 'Skal være en http(s)-adresse', en: 'Must be an http(s) URL' },
    ],
  ])('%s', async (_what, send, field, message) => {
    const res = await send()
    expect(res.status).toBe(400)
    expect(await fieldMessageOf(res, field)).toBe(message[language])
  })

  test('an endpoint of ours: reprocessing a clip that does not exist', async () => {
    const res = await admin.request('/api/clips/999999/reprocess', { method: 'POST', headers })
    expect(res.status).toBe(404)
    expect(await messageOf(res)).toBe({ da: 'Klippet findes ikke', en: 'No such clip' }[language])
  })
})

test.each([
  ['no language', {}, 'Ikke fundet'],
  ['Accept-Language: en', { 'accept-language': 'en' }, 'Not found'],
])('a /media file that does not exist is a 404 in one language (%s)', async (_what, headers, message) => {
  const res = await fetch(`${server.current.url}/media/clips/999999/v1/master.m3u8`, { headers })
  expect(res.status).toBe(404)
  expect(await res.json()).toEqual({ error: { code: 'not_found', message } })
})
