import { beforeAll, describe, expect, it } from '@jest/globals'

import { applyTrustProxy, parseTrustProxy } from '../../src/server/trustProxy'
import { useServer } from '../helpers/server'
import { createCall, postSubmission, validSubmission } from '../helpers/submissions'

// Set before the server starts: a small budget, and TRUST_PROXY left at its default (unset).
process.env.SUBMISSION_RATE_LIMIT = '2'
delete process.env.TRUST_PROXY
const server = useServer()
let callSlug: string

beforeAll(async () => {
  callSlug = (await createCall(server.current.payload)).slug!
})

/** A submission "from" a client address claimed in X-Forwarded-For. */
const postAs = async (forwardedFor: string, n: number) =>
  (await postSubmission(server.current.url, validSubmission(callSlug, { title: `Fra ${forwardedFor} nr. ${n}` }), { 'x-forwarded-for': forwardedFor })).status

describe('TRUST_PROXY (issue #10, item 11)', () => {
  it('reads express "trust proxy" values: unset/empty is false, booleans, hop counts, and addresses as written', () => {
    expect(parseTrustProxy(undefined)).toBe(false)
    expect(parseTrustProxy('')).toBe(false)
    expect(parseTrustProxy('  ')).toBe(false)
    expect(parseTrustProxy('false')).toBe(false)
    expect(parseTrustProxy('true')).toBe(true)
    expect(parseTrustProxy('TRUE')).toBe(true)
    expect(parseTrustProxy('1')).toBe(1)
    expect(parseTrustProxy('2')).toBe(2)
    expect(parseTrustProxy('loopback')).toBe('loopback')
    expect(parseTrustProxy('10.0.0.0/8')).toBe('10.0.0.0/8')
    expect(parseTrustProxy('loopback, 172.16.0.0/12')).toBe('loopback, 172.16.0.0/12')
  })

  it('refuses a value express cannot read, naming TRUST_PROXY', () => {
    expect(() => applyTrustProxy(server.current.app, 'not-an-address')).toThrow(/TRUST_PROXY="not-an-address"/)
  })

  it('by default a fake X-Forwarded-For per request does not dodge the submission rate limit', async () => {
    const statuses = [await postAs('198.51.100.1', 1), await postAs('198.51.100.2', 2), await postAs('198.51.100.3', 3)]
    expect(statuses).toEqual([201, 201, 429])
  })

  it('with TRUST_PROXY=loopback the address our proxy forwards is the one limited', async () => {
    // The same server, re-read from the environment as createServer does at start.
    process.env.TRUST_PROXY = 'loopback'
    try {
      applyTrustProxy(server.current.app)
      // Our loopback address has spent its budget above; clients behind the proxy each have their own.
      expect([await postAs('203.0.113.1', 1), await postAs('203.0.113.2', 1)]).toEqual([201, 201])
      expect([await postAs('203.0.113.1', 2), await postAs('203.0.113.1', 3)]).toEqual([201, 429])
    } finally {
      delete process.env.TRUST_PROXY
      applyTrustProxy(server.current.app)
    }
  })
})
