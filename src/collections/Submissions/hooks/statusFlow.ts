import { ValidationError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook } from 'payload'

import { SUBMISSION_STATUSES } from '../../../constants/stages'
import { queueDeclineMail } from '../../../email/queue'

type Status = (typeof SUBMISSION_STATUSES)[number]['key']

/**
 * SPEC §4: new → in-review → accepted or declined. "Opret historie" accepts straight from new,
 * and a decision can be taken back to review; nothing jumps between accepted and declined.
 */
const ALLOWED: Record<Status, Status[]> = {
  new: ['in-review', 'accepted', 'declined'],
  'in-review': ['new', 'accepted', 'declined'],
  accepted: ['in-review'],
  declined: ['in-review'],
}

const label = (status: Status) => SUBMISSION_STATUSES.find((entry) => entry.key === status)?.label.da ?? status

export const checkStatusFlow: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !data.status || !originalDoc?.status || data.status === originalDoc.status) return data
  const from = originalDoc.status as Status
  const to = data.status as Status
  if (!ALLOWED[from]?.includes(to)) {
    throw new ValidationError({
      collection: 'submissions',
      errors: [
        {
          path: 'status',
          message: `En indsendelse kan ikke gå fra "${label(from)}" til "${label(to)}" / A submission cannot go from ${from} to ${to}`,
        },
      ],
      req,
    })
  }
  return data
}

/** Declining tells the submitter, once, after the change is saved. */
export const mailOnDecline: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'update' && doc.status === 'declined' && previousDoc?.status !== 'declined') {
    await queueDeclineMail(req, doc.id)
  }
  return doc
}
