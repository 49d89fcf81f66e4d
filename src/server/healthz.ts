import type { Request, Response } from 'express'
import type { Payload } from 'payload'

import { mediaDir } from '../config/paths'
import { lowDiskWarning, type DiskWarning } from '../video/diskSpace'

/**
 * 200 when the database answers a real query, 503 when it does not, so a load balancer stops
 * sending traffic to a process that cannot serve it. Conditions that do not stop this process
 * from serving (low disk space for media: uploads and transcodes will soon fail) are listed
 * under `warnings`, with the answer still 200, for monitoring to pick up.
 */
export const healthz = (payload: Payload) => async (_req: Request, res: Response) => {
  res.setHeader('Cache-Control', 'no-store')
  const started = Date.now()
  const warnings: DiskWarning[] = []
  const disk = await lowDiskWarning(mediaDir()).catch(() => null)
  if (disk) warnings.push(disk)
  try {
    await payload.count({ collection: 'users', overrideAccess: true })
    res.json({ status: 'ok', database: 'up', latencyMs: Date.now() - started, warnings })
  } catch (error) {
    payload.logger.error({ err: error }, 'health check: database unreachable')
    res.status(503).json({ status: 'unavailable', database: 'down' })
  }
}
