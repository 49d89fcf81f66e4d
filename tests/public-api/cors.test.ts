import { describe, expect, it } from '@jest/globals'

import { useServer } from '../helpers/server'

process.env.PUBLIC_CORS_ORIGINS = 'https://www.example.dk, https://partner.example.org'
const server = useServer()

const request = (path: string, init: RequestInit) => fetch(`${server.current.url}${path}`, init)

describe('CORS with listed origins (PUBLIC_CORS_ORIGINS)', () => {
  it('lets a listed origin read and post, and no other', async () => {
    const listed = await request('/api/public/themes', { headers: { origin: 'https://partner.example.org' } })
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://partner.example.org')
    expect(listed.headers.get('vary')).toContain('Origin')
    const other = await request('/api/public/themes', { headers: { origin: 'https://evil.example.com' } })
    expect(other.status).toBe(200)
    expect(other.headers.get('access-control-allow-origin')).toBeNull()

    const preflight = await request('/api/public/submissions', {
      method: 'OPTIONS',
      headers: { origin: 'https://www.example.dk', 'access-control-request-method': 'POST' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://www.example.dk')
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
    const refused = await request('/api/public/submissions', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    })
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()

    const feed = await request('/feed/stories.json', { headers: { origin: 'https://www.example.dk' } })
    expect(feed.headers.get('access-control-allow-origin')).toBe('https://www.example.dk')
  })
})
