import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { BrowserContext, Page } from 'playwright-core'

/**
 * Everything the browser reports as refused by a Content-Security-Policy in this context: the
 * `securitypolicyviolation` events of every page and frame, and Chromium's console errors
 * about a policy (which also cover what happens before a page's scripts run).
 */
export const recordCspViolations = async (context: BrowserContext): Promise<string[]> => {
  const violations: string[] = []
  await context.exposeBinding('__cspViolation', (_source, text: string) => violations.push(text))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { __cspViolation: (text: string) => void }).__cspViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} on ${location.href}`)
    })
  })
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

/** Every request a page makes to a host other than `origin` (data: and blob: are local). */
export const recordForeignRequests = (page: Page, origin: string): string[] => {
  const foreign: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (/^(data|blob):/.test(url)) return
    if (new URL(url).origin !== origin) foreign.push(url)
  })
  return foreign
}

export type FramingSite = { origin: string; close: () => Promise<void> }

/**
 * A page on another origin (another port of `hostname`: on the host of the framed page, the
 * same *site*, so cookies with SameSite=Lax still go along) that frames whatever `/frame?src=…`
 * names, and a page of its own at `/own` that any frame may show: the control that the harness
 * sees a loaded frame.
 */
export const startFramingSite = async (hostname = '127.0.0.1'): Promise<FramingSite> => {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname === '/own') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>own</title><p id="own">Rammens eget indhold</p>')
      return
    }
    const src = url.searchParams.get('src') ?? ''
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><title>framer</title><iframe id="target" src="${src.replace(/"/g, '&quot;')}" width="800" height="600"></iframe>`)
  })
  // Every loopback address: Chromium may reach `localhost` over ::1 or 127.0.0.1.
  await new Promise<void>((resolve) => server.listen(0, resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://${hostname}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/**
 * Opens the framing page around `src` and answers what the frame shows once the page has
 * loaded (its load event waits for the frame): its URL and its text. A frame the browser
 * refused shows Chromium's error page instead of `src`, with no text of ours in it.
 */
export const frameFromForeignPage = async (page: Page, site: FramingSite, src: string): Promise<{ url: string; text: string }> => {
  await page.goto(`${site.origin}/frame?src=${encodeURIComponent(src)}`, { waitUntil: 'load', timeout: 120_000 })
  const frame = page.frames().find((candidate) => candidate.parentFrame() === page.mainFrame())
  if (!frame) throw new Error('the framing page has no frame')
  const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '')
  return { url: frame.url(), text }
}

/** A Content-Security-Policy header as directive → sources. */
export const cspOf = (res: Response): Record<string, string[]> =>
  Object.fromEntries(
    (res.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  )
