import type { PayloadRequest } from 'payload'

import { inLanguageOf } from '../auth/messages'
import type { Bilingual } from './bilingual'

/** An error answer of one of our Payload endpoints: the error shape, in the admin's language. */
export const endpointError = (req: PayloadRequest, status: number, code: string, message: Bilingual): Response =>
  Response.json({ error: { code, message: inLanguageOf(req, message) } }, { status })
