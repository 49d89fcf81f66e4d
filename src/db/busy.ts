import { APIError, type AfterErrorHook } from 'payload'

import { inLanguageOf } from '../auth/messages'

/** Seconds a client is asked to wait before it tries again after a 503. */
export const RETRY_AFTER_SECONDS = 5

/**
 * The database stayed locked for longer than a request may wait. Not the client's fault and
 * not a defect: answered 503 with Retry-After, logged as a warning without a stack trace.
 */
export class DatabaseBusyError extends APIError {
  constructor(holder: string) {
    // The log's words (English, like the rest of the log); the client's answer is in its language.
    super(
      `The database is busy right now; try again shortly (locked by ${holder})`,
      503,
      null,
      true,
    )
    this.name = 'DatabaseBusyError'
  }
}

/**
 * PostgreSQL's counterparts (SQLSTATE): a transaction that lost a serialization race or a
 * deadlock (it was rolled back, trying again succeeds), a lock not obtained within
 * lock_timeout, and a server with every connection slot taken or still starting.
 */
const POSTGRES_BUSY = /^(40001|40P01|55P03|53300|57P03)$/

/** SQLITE_BUSY (or PostgreSQL's busy states) in any of the shapes libsql, pg, drizzle and Payload wrap it in. */
export const isDatabaseBusy = (error: unknown): boolean => {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof DatabaseBusyError) return true
    const { message, code } = current as { message?: unknown; code?: unknown }
    if (/SQLITE_BUSY|SQLITE_LOCKED/.test(String(code)) || /SQLITE_BUSY|database is locked/i.test(String(message))) return true
    if (POSTGRES_BUSY.test(String(code))) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/**
 * Payload's answer to an operation that failed on a busy database: 503, however the error was
 * wrapped on its way up (drizzle wraps it in a DrizzleQueryError, which has no status).
 */
export const answerBusyWith503: AfterErrorHook = ({ error, req }) => {
  if (!isDatabaseBusy(error)) return
  const message = inLanguageOf(req, BUSY)
  return { status: 503, response: { errors: [{ message }] } }
}

const BUSY = { da: 'Databasen er optaget lige nu; prøv igen om lidt', en: 'The database is busy right now; try again shortly' }
