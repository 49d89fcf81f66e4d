import { callStatus, type CallStatus } from '../collections/Calls/status'

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
