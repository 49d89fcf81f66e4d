import { APIError, type Payload, type PayloadRequest } from 'payload'

/**
 * A write the database refused because a relationship points at no document. Missing ids are
 * refused before the write with a ValidationError on the field (src/lib/relationsExist.ts);
 * this is the safety net for whatever that check does not see: still the client's 400, never
 * a 500 with the statement (and its values) in the log.
 */
export class MissingRelationError extends APIError {
  constructor(language: string | undefined) {
    super(
      language === 'en'
        ? 'A relationship refers to a document that does not exist'
        : 'En relation henviser til et dokument, der ikke findes',
      400,
      null,
      true,
    )
    this.name = 'MissingRelationError'
  }
}

/** SQLite's (and PostgreSQL's) foreign key failure, however drizzle and libsql wrapped it. */
export const isForeignKeyFailure = (error: unknown): boolean => {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { message, code } = current as { message?: unknown; code?: unknown }
    if (/SQLITE_CONSTRAINT_FOREIGNKEY|^23503$/.test(String(code))) return true
    if (/FOREIGN KEY constraint failed|violates foreign key constraint/i.test(String(message))) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/** The adapter's methods that write a document's rows, and so its relationships. */
const WRITES = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

const WRAPPED = Symbol.for('b2c.foreignKeyFailures')

/**
 * Makes the adapter's writes throw MissingRelationError for a foreign key failure. A warning
 * (without values) says it happened: the check before the write should have caught it.
 */
export const answerForeignKeyFailuresWith400 = (db: Payload['db']): void => {
  const adapter = db as unknown as Record<string | symbol, unknown>
  if (adapter[WRAPPED]) return
  adapter[WRAPPED] = true
  for (const name of WRITES) {
    const write = adapter[name]
    if (typeof write !== 'function') continue
    adapter[name] = async function (this: unknown, args: { collection?: string; slug?: string; req?: Partial<PayloadRequest> }) {
      try {
        return await write.call(this, args)
      } catch (error) {
        if (!isForeignKeyFailure(error)) throw error
        db.payload.logger.warn(`${name} of ${args?.collection ?? args?.slug ?? 'a document'} failed a foreign key the check before the write did not catch`)
        throw new MissingRelationError(args?.req?.i18n?.language)
      }
    }
  }
}
