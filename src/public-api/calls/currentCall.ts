import type { Payload } from 'payload'

import type { Call } from '../../payload-types'

export type CallSituation = {
  /** The open call (the one closing first, if several are open). */
  open?: Call
  /** The next call to open, when none is open now or after the open one. */
  upcoming?: Call
  /** The call that closed most recently: the form says it has closed. */
  lastClosed?: Call
}

/** Where the calls stand at `now` (SPEC §7 `calls/current`, §8 the form page). */
export const callSituation = async (payload: Payload, locale: 'da' | 'en' = 'da', now = new Date()): Promise<CallSituation> => {
  // Compared to the second, as callStatus does: open through the whole second of the deadline.
  const second = Math.floor(now.getTime() / 1000) * 1000
  const startOfSecond = new Date(second).toISOString()
  const endOfSecond = new Date(second + 999).toISOString()
  const find = (where: object, sort: string) =>
    payload
      .find({ collection: 'calls', where: where as never, sort, limit: 1, depth: 0, locale, overrideAccess: true })
      .then((result) => result.docs[0])
  const [open, upcoming, lastClosed] = await Promise.all([
    find({ and: [{ opensAt: { less_than_equal: endOfSecond } }, { deadline: { greater_than_equal: startOfSecond } }] }, 'deadline'),
    find({ opensAt: { greater_than: endOfSecond } }, 'opensAt'),
    find({ deadline: { less_than: startOfSecond } }, '-deadline'),
  ])
  return { open, upcoming, lastClosed }
}
