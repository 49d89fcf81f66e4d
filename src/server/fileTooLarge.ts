import type { AfterErrorHook } from 'payload'

import { readEnv } from '../config/env'
import { formatBytes } from '../lib/formatBytes'

/**
 * Payload's upload limit answers 413 with one fixed text (`upload.responseOnLimit`, read before
 * any request exists), which is Danish. An admin or client that asked for English gets it in
 * English here, as every other message: one language per answer, never the two joined.
 */
export const fileTooLargeMessage = (language: 'da' | 'en'): string => {
  const limit = formatBytes(readEnv().uploadMaxBytes)
  return language === 'en' ? `The file is too large (at most ${limit})` : `Filen er for stor (højst ${limit})`
}

export const fileTooLargeInLanguage: AfterErrorHook = ({ error, req }) => {
  if ((error as { status?: number }).status !== 413 || req.i18n?.language !== 'en') return
  if ((error as Error).message !== fileTooLargeMessage('da')) return
  return { status: 413, response: { errors: [{ message: fileTooLargeMessage('en') }] } }
}
