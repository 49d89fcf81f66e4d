export type CallStatus = 'upcoming' | 'open' | 'closed'

const toSecond = (value: Date | string): number => Math.floor(new Date(value).getTime() / 1000)

/**
 * Where a call stands at `now`, compared to the second: open from `opensAt` up to and
 * including the deadline's second, closed from the next second on. The instants are UTC;
 * Copenhagen time only matters when they are entered and shown.
 */
export const callStatus = (
  call: { opensAt?: Date | string | null; deadline: Date | string },
  now: Date = new Date(),
): CallStatus => {
  const current = toSecond(now)
  if (call.opensAt && current < toSecond(call.opensAt)) return 'upcoming'
  return current <= toSecond(call.deadline) ? 'open' : 'closed'
}
