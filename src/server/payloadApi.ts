import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import type { NextFunction, Request, Response } from 'express'
import { Router } from 'express'
import type { SanitizedConfig } from 'payload'

import { RETRY_AFTER_SECONDS } from '../db/busy'
import { checkingQueryBody, refuseUnparsableJsonParameters } from './jsonQueryParams'
import { refuseUnreadableBodies } from './readableBodies'
import { sendWebResponse, toWebRequest } from './webBridge'

type Handler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<globalThis.Response>

/**
 * Payload's REST API (`/api/<collection>…`) and GraphQL (`/api/graphql`), served by express
 * through the very handlers Payload's Next route files export. Serving them here rather than
 * through Next keeps the API up without a Next build (tests, workers) and costs no extra hop.
 */
export const payloadApi = (config: Promise<SanitizedConfig> | SanitizedConfig): Router => {
  const rest: Record<string, Handler> = {
    GET: REST_GET(config) as unknown as Handler,
    POST: REST_POST(config) as unknown as Handler,
    PATCH: REST_PATCH(config) as unknown as Handler,
    PUT: REST_PUT(config) as unknown as Handler,
    DELETE: REST_DELETE(config) as unknown as Handler,
    OPTIONS: REST_OPTIONS(config) as unknown as Handler,
  }
  const graphql = GRAPHQL_POST(config) as unknown as (request: globalThis.Request) => Promise<globalThis.Response>
  const router = Router()

  const forward = (run: (request: globalThis.Request) => Promise<globalThis.Response>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const response = await run(toWebRequest(req))
        // Payload answers a DatabaseBusyError with 503; the client is told when to come back.
        if (response.status === 503 && !response.headers.has('retry-after')) {
          response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
        }
        await sendWebResponse(response, res)
      } catch (error) {
        next(error)
      }
    }

  router.post('/graphql', forward(graphql))
  router.options('/graphql', forward((request) => rest.OPTIONS(request as never, { params: Promise.resolve({ slug: ['graphql'] }) })))
  router.use(refuseUnreadableBodies(config))
  router.use(refuseUnparsableJsonParameters)
  router.use((req, res, next) => {
    const handler = rest[req.method === 'HEAD' ? 'GET' : req.method]
    if (!handler) return next()
    const slug = req.path.split('/').filter(Boolean).map((segment) => decodeURIComponent(segment))
    return forward(checkingQueryBody((request) => handler(request as never, { params: Promise.resolve({ slug }) })))(req, res, next)
  })
  return router
}
