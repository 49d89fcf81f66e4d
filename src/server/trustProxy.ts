/**
 * Which proxies may tell us the client's address through `X-Forwarded-For` (express's
 * `trust proxy`). The per-IP submission rate limit keys on that address, so trusting a header
 * nobody vouches for lets any client pick a fresh IP per request. Default: trust nobody; a
 * deployment behind nginx or a load balancer names it in TRUST_PROXY.
 */
export type TrustProxy = boolean | number | string

/**
 * TRUST_PROXY in express's syntax: unset or '' → false (trust no proxy); 'true'/'false'; a whole
 * number → that many hops in front of us; anything else (`loopback`, `10.0.0.0/8`,
 * `loopback, 172.16.0.0/12`) goes to express as written, which refuses what it cannot parse.
 */
export const parseTrustProxy = (raw: string | undefined): TrustProxy => {
  const value = (raw ?? '').trim()
  if (value === '' || value.toLowerCase() === 'false') return false
  if (value.toLowerCase() === 'true') return true
  if (/^\d+$/.test(value)) return Number(value)
  return value
}

/** Sets `trust proxy` from TRUST_PROXY; a value express cannot read stops the start with its name. */
export const applyTrustProxy = (app: { set: (name: string, value: unknown) => unknown }, raw = process.env.TRUST_PROXY): void => {
  try {
    app.set('trust proxy', parseTrustProxy(raw))
  } catch (error) {
    throw new Error(`TRUST_PROXY=${JSON.stringify(raw)} is not a valid express "trust proxy" value: ${(error as Error).message}`)
  }
}
