import type { ServerResponse } from 'node:http'

export type HeaderChange = { set?: Record<string, string>; remove?: string[] }

/**
 * Sets (or removes) headers just before the status line and headers go out, after the handler
 * has set its own: Payload's answers arrive as a whole set of headers that webBridge copies over
 * ours, and Next sets its headers while rendering. Node's implicit header write (a bare `end`)
 * goes through `writeHead` too. `change` is asked then, so it can look at the answer's headers.
 */
export const onHeaders = (res: ServerResponse, change: HeaderChange | ((res: ServerResponse) => HeaderChange)): void => {
  const writeHead = res.writeHead
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const { set = {}, remove = [] } = typeof change === 'function' ? change(this) : change
    for (const [name, value] of Object.entries(set)) this.setHeader(name, value)
    for (const name of remove) this.removeHeader(name)
    // Headers handed to writeHead itself would win over ours, so ours are taken out of them.
    const ours = new Set([...Object.keys(set), ...remove].map((name) => name.toLowerCase()))
    const last = args[args.length - 1]
    if (ours.size && last && typeof last === 'object' && !Array.isArray(last)) {
      for (const name of Object.keys(last)) if (ours.has(name.toLowerCase())) delete (last as Record<string, unknown>)[name]
    }
    return writeHead.apply(this, args as Parameters<ServerResponse['writeHead']>)
  } as ServerResponse['writeHead']
}
