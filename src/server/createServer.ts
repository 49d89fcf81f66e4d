import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import express from 'express'
import { getPayload, type Payload } from 'payload'

import config from '../payload.config'
import { ensureFirstAdmin } from '../bootstrap/firstAdmin'
import { readEnv } from '../config/env'
import { startBackgroundWork } from '../jobs/start'
import { danishAdminByDefault } from './adminLanguage'
import { errorHandler, notFound } from './errors'
import { healthz } from './healthz'
import { mountNext, type NextMount } from './nextHandler'
import { mediaFiles } from './mediaFiles'
import { payloadApi } from './payloadApi'
import { nextAnswers, privateAnswers } from './privateAnswers'
import { publicApi } from '../public-api'
import { watchForOutsideChanges } from '../public-api/cacheWatch'
import { publicCors } from '../public-api/cors'
import { feedsRouter } from '../public-api/feeds'
import { submissionRateLimit } from '../public-api/rateLimit'
import { referenceSite } from '../site'
import { crawlerFiles } from '../site/crawlers'
import { embedRoutes } from '../site/embed'
import { siteAssets } from '../site/assets'
import { submitPage } from '../site/submit'
import { adminSecurityHeaders, embeddableAnywhere, embeddableFiles, frameableAnywhere, siteSecurityHeaders } from './securityHeaders'
import { applyTrustProxy } from './trustProxy'
import { memberUploads, staffUploads } from '../uploads/router'
import { rememberClientAddress } from '../auth/clientAddress'

export type ServerOptions = {
  /** 'dev' compiles pages on demand, 'prod' serves `npm run build`, false serves the API only. */
  next?: 'dev' | 'prod' | false
  port?: number
  /** Run the job queue (scheduled publishing, later transcoding) in this process. */
  runJobs?: boolean
  /** Work that must be done before the first request is taken (e.g. seeding a new database). */
  beforeListen?: (payload: Payload) => Promise<void>
}

export type RunningServer = {
  app: express.Express
  payload: Payload
  server: Server
  url: string
  close: () => Promise<void>
}

export const createServer = async (options: ServerOptions = {}): Promise<RunningServer> => {
  const env = readEnv()
  const runJobs = options.runJobs ?? env.runJobs
  const payload = await getPayload({ config, cron: runJobs })
  const stopBackgroundWork = startBackgroundWork(payload, { runJobs })
  const stopCacheWatch = watchForOutsideChanges(payload)
  await ensureFirstAdmin(payload, env)
  await options.beforeListen?.(payload)

  const app = express()
  app.disable('x-powered-by')
  // Only the proxies named in TRUST_PROXY may set the client address the rate limit keys on.
  applyTrustProxy(app)
  // Payload's login hooks throttle per client address and only express knows it.
  app.use(rememberClientAddress)

  // CSP, nosniff, referrer policy, no framing, HSTS on https: every answer (issue #10, item 4).
  app.use(siteSecurityHeaders)
  // What other sites embed or fetch with CORS (video, images, the API, feeds) may be loaded cross-origin.
  app.use(['/media', '/api/public', '/feed', '/oembed'], embeddableAnywhere)
  app.use('/embed', frameableAnywhere)
  app.use('/api', embeddableFiles)

  app.get('/healthz', healthz(payload))
  app.use('/media', mediaFiles(payload))
  // One budget per IP for everything that writes, shared by the API and the form page.
  const writeLimit = submissionRateLimit(payload, env.submissionRateLimit)
  // tus resumable uploads (issue #11): before any body parser, each on its own router.
  app.use('/api/public/uploads', memberUploads(payload, { corsOrigins: env.corsOrigins }))
  app.use('/api/uploads', staffUploads(payload))
  app.use('/api/public', publicApi(payload, { writeLimit, corsOrigins: env.corsOrigins }))
  app.use('/feed', publicCors(env.corsOrigins), feedsRouter(payload))
  app.use('/indsend', submitPage(payload, { writeLimit, corsOrigins: env.corsOrigins }))
  app.use('/assets', siteAssets())
  app.use(crawlerFiles(payload))
  app.use('/oembed', publicCors(env.corsOrigins))
  app.use(embedRoutes(payload))
  app.use(referenceSite(payload))
  // A logged-in user's REST, GraphQL and file answers are kept by nobody's cache.
  app.use('/api', privateAnswers(payload.config.cookiePrefix), payloadApi(config))

  let nextMount: NextMount | undefined
  if (options.next) {
    nextMount = await mountNext({ dev: options.next === 'dev', port: options.port ?? env.port })
    // The admin needs inline styles and Next's nonce'd scripts: its own CSP replaces the site's.
    app.use(adminSecurityHeaders({ dev: options.next === 'dev' }), nextAnswers)
    app.use(danishAdminByDefault)
    // Express 5 has no '*' route; a final app.use hands everything else to Next.
    app.use(nextMount.handle)
  } else {
    app.use(notFound)
  }
  app.use(errorHandler(payload))

  const port = options.port ?? env.port
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, (error?: Error) => (error ? reject(error) : resolve(listening)))
  })
  const { port: actualPort } = server.address() as AddressInfo

  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= (async () => {
      // Stop taking connections, let requests in flight finish, then release the database.
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
      })
      await stopBackgroundWork()
      await stopCacheWatch()
      await nextMount?.close()
      await payload.destroy()
    })())

  return { app, payload, server, url: `http://localhost:${actualPort}`, close }
}
