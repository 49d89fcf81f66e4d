import type { PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

/**
 * A ValidationError whose message carries the reasons too: the admin's toast, a job's log and
 * API clients that read only `message` all show why, not just which field.
 */
export const validationError = (
  collection: string,
  fieldPath: string,
  reasons: string[],
  req: PayloadRequest,
): ValidationError => {
  const error = new ValidationError({ collection, errors: reasons.map((message) => ({ path: fieldPath, message })), req })
  error.message = `${error.message}. ${reasons.join(' ')}`
  return error
}
