import type { Payload } from 'payload'

import type { Agreement } from '../../payload-types'

const normalised = (address: string | null | undefined) => (address ?? '').trim().toLowerCase()

/**
 * Who is reminded of an agreement's review: its contacts and every editor and administrator,
 * each address once, less every address whose user turned review reminders off (a member
 * turns off their own; a contact with no account cannot, and is asked to tell the editors).
 * Read when the mail is sent, so turning reminders off takes effect for mails already queued.
 */
export const reminderRecipients = async (payload: Payload, agreement: Pick<Agreement, 'contacts'>): Promise<string[]> => {
  const [staff, optedOut] = await Promise.all([
    payload.find({
      collection: 'users',
      where: { role: { in: ['editor', 'admin'] } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    }),
    payload.find({
      collection: 'users',
      where: { reviewReminders: { equals: false } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    }),
  ])
  const off = new Set(optedOut.docs.map((user) => normalised(user.email)))
  const addresses = [...(agreement.contacts ?? []).map((contact) => contact.email), ...staff.docs.map((user) => user.email)]
  return [...new Set(addresses.map(normalised))].filter((address) => address && !off.has(address))
}
