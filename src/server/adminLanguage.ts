import type { NextFunction, Request, Response } from 'express'

/**
 * The admin speaks Danish by default (SPEC §1) even to a browser that prefers English; a user
 * who picks English in their account gets Payload's language cookie, which is left alone.
 */
export const danishAdminByDefault = (req: Request, _res: Response, next: NextFunction) => {
  if (req.path.startsWith('/admin') && !/(?:^|;\s*)payload-lng=/.test(req.headers.cookie ?? '')) {
    req.headers['accept-language'] = 'da'
  }
  next()
}
