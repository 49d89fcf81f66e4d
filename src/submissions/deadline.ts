import type { Call } from '../payload-types'
import { callStatus, type CallStatus } from '../collections/Calls/status'
import { formatCopenhagen } from '../lib/copenhagenTime'
import { PublicApiError } from '../public-api/messages'

const toSecond = (value: Date | string): number => Math.floor(new Date(value).getTime() / 1000)

/**
 * Where the call stands for one submission (README, "Submissions"): judged when the request
 * arrived, except that a submission whose files came through tus is judged when its FIRST
 * upload was created, so a 1 GB video begun before the deadline over a slow connection is in
 * time. It must still be sent within `graceMinutes` after the deadline (that second included):
 * an upload begun in time is not a ticket to send weeks later.
 */
export const submissionCallStatus = (
  call: { opensAt?: Date | string | null; deadline: Date | string },
  { receivedAt, firstUploadAt, graceMinutes }: { receivedAt: Date; firstUploadAt?: Date; graceMinutes: number },
): CallStatus => {
  const atArrival = callStatus(call, receivedAt)
  if (atArrival !== 'closed' || !firstUploadAt) return atArrival
  if (callStatus(call, firstUploadAt) !== 'open') return 'closed'
  return toSecond(receivedAt) <= toSecond(call.deadline) + graceMinutes * 60 ? 'open' : 'closed'
}

/** The 409 for a call that is closed or not open yet, naming the deadline or the opening in Danish time. */
export const refuseUnlessOpen = (call: Call, status: CallStatus): void => {
  if (status === 'closed') {
    const deadline = new Date(call.deadline)
    throw new PublicApiError(409, 'call_closed', {
      da: `Indkaldelsen "${call.title}" lukkede ${formatCopenhagen(deadline)} (dansk tid). Der kan ikke længere indsendes.`,
      en: `The call "${call.title}" closed on ${formatCopenhagen(deadline, 'en')} (Danish time). Submissions are no longer accepted.`,
    })
  }
  if (status === 'upcoming') {
    const opens = new Date(call.opensAt)
    throw new PublicApiError(409, 'call_not_open', {
      da: `Indkaldelsen "${call.title}" åbner først ${formatCopenhagen(opens)} (dansk tid).`,
      en: `The call "${call.title}" opens on ${formatCopenhagen(opens, 'en')} (Danish time).`,
    })
  }
}
