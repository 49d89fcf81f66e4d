/** REST clients for the running server; free of server imports so a test can set env first. */

export type Client = {
  token?: string
  request: (path: string, init?: RequestInit & { json?: unknown }) => Promise<Response>
}

/** A REST client for the running server, optionally logged in as a user. */
export const client = (baseUrl: string, token?: string): Client => ({
  token,
  request: (path, { json, headers, ...init } = {}) =>
    fetch(`${baseUrl}${path}`, {
      ...init,
      headers: {
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `JWT ${token}` } : {}),
        ...(headers as Record<string, string>),
      },
      body: json !== undefined ? JSON.stringify(json) : init.body,
    }),
})

export const login = async (baseUrl: string, email: string, password: string): Promise<Client> => {
  const res = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`)
  const { token } = (await res.json()) as { token: string }
  return client(baseUrl, token)
}
