/**
 * Deadlines are entered and shown in Danish time but stored and compared as UTC instants.
 * Intl knows the tz database, so daylight saving changes need no table of our own.
 */
export const TIME_ZONE = 'Europe/Copenhagen'

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/** Minutes Copenhagen is ahead of UTC at the given instant (60 in winter, 120 in summer). */
export const copenhagenOffsetMinutes = (instant: Date): number => {
  const parts = Object.fromEntries(
    partsFormatter.formatToParts(instant).map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000)
}

/**
 * The UTC instant of a Copenhagen wall-clock time given as `YYYY-MM-DDTHH:mm[:ss]`.
 * In the autumn hour that happens twice the earlier (summer time) one is taken; a time skipped
 * in spring is moved forward by the hour that was skipped.
 */
export const fromCopenhagenTime = (local: string): Date => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local)
  if (!match) throw new Error(`Expected YYYY-MM-DDTHH:mm[:ss], got "${local}"`)
  const [year, month, day, hour, minute, second = '0'] = match.slice(1)
  const wall = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second)
  // Date.UTC rolls 30 February over to March; a typo must not move a deadline silently.
  if (new Date(wall).toISOString().slice(0, 19) !== `${year}-${month}-${day}T${hour}:${minute}:${second.padStart(2, '0')}`) {
    throw new Error(`"${local}" is not a valid date and time`)
  }
  const summer = wall - 120 * 60000
  if (copenhagenOffsetMinutes(new Date(summer)) === 120) return new Date(summer)
  // Winter time, or a skipped spring time read as winter time: 02:30 becomes 03:30 summer time.
  return new Date(wall - 60 * 60000)
}

const displayFormatters = {
  da: new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }),
}

/** "24. maj 2024 kl. 23.59" (or "24 May 2024 at 23:59") — a deadline in Danish local time. */
export const formatCopenhagen = (instant: Date, locale: 'da' | 'en' = 'da'): string =>
  displayFormatters[locale].format(instant)
