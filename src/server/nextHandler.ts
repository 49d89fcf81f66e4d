import path from 'node:path'

import type { NextFunction, Request, Response } from 'express'
import next from 'next'

export type NextMount = {
  handle: (req: Request, res: Response, nextFn: NextFunction) => void
  close: () => Promise<void>
}

/**
 * The admin panel and the reference site are Next.js pages. In development Next compiles on
 * demand; in production it serves the output of `npm run build`.
 */
export const mountNext = async ({ dev, port }: { dev: boolean; port: number }): Promise<NextMount> => {
  const app = next({ dev, dir: path.resolve('.'), port, hostname: 'localhost' })
  await app.prepare()
  const handle = app.getRequestHandler()
  return {
    handle: (req, res, nextFn) => {
      handle(req, res).catch(nextFn)
    },
    close: () => app.close(),
  }
}
