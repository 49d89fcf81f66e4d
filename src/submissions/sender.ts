import type { Request } from 'express'
import type { Payload } from 'payload'

import { roleOf } from '../access'
import { relationId } from '../lib/relationId'

/**
 * The organisation of the member user who sends a submission while logged in, or undefined for
 * everyone else (the anonymous public, staff, an expired or foreign token). Only this links a
 * submission to an organisation at intake: its members then read it. The name a sender types
 * never does, or anyone could put their text in front of any organisation's members.
 *
 * Payload decides who is logged in, with the same rules as its own API: a session cookie counts
 * only on a request from one of our origins (the CSRF list), so a foreign page cannot file a
 * submission under a member's organisation with that member's cookie.
 */
export const senderOrganisation = async (payload: Payload, req: Request): Promise<number | string | undefined> => {
  try {
    const { user } = await payload.auth({ headers: new Headers(req.headers as Record<string, string>) })
    if (roleOf(user) !== 'member') return undefined
    return relationId((user as { organisation?: unknown }).organisation)
  } catch {
    // A token that cannot be read is an anonymous sender, not a reason to lose the submission.
    return undefined
  }
}
