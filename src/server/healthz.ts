import type { Request, Response } from 'express'
import type { Payload } from 'payload'

/**
 * 200 when the database answers a real query, 503 when it does not, so a load balancer stops
 * sending traffic to a process that cannot serve it.
 */
export const healthz = (payload: Payload) => async (_req: Request, res: Response) => {
  res.setHeader('Cache-Control', 'no-store')
  const started = Date.now()
  try {
    await payload.count({ collection: 'users', overrideAccess: true })
    res.json({ status: 'ok', database: 'up', latencyMs: Date.now() - started })
  } catch (error) {
    payload.logger.error({ err: error }, 'health check: database unreachable')
    res.status(503).json({ status: 'unavailable', database: 'down' })
  }
}
