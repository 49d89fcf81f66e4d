import type { Call } from '../../payload-types'
import { callStatus } from '../../collections/Calls/status'
import { formatCopenhagen } from '../../lib/copenhagenTime'
import type { Locale } from '../messages'

/** SPEC §7 `calls/current`: the open (or next) call, its deadline in ISO 8601 and in Danish time. */
export const currentCallView = (call: Call, locale: Locale) => ({
  slug: call.slug ?? '',
  title: call.title,
  description: call.description ?? null,
  status: callStatus({ opensAt: call.opensAt, deadline: call.deadline }),
  opensAt: call.opensAt,
  deadline: call.deadline,
  deadlineLocal: formatCopenhagen(new Date(call.deadline), locale),
  contact: { name: call.contactName },
  allowVideo: Boolean(call.allowVideo),
  videoMaxMegabytes: call.allowVideo ? (call.videoMaxMegabytes ?? null) : null,
  videoMaxMinutes: call.allowVideo ? (call.videoMaxMinutes ?? null) : null,
})
