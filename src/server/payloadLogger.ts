import { defaultLoggerOptions, type Config } from 'payload'

type LoggerConfig = Extract<NonNullable<Config['logger']>, { options: unknown }>
type LogMethodHook = NonNullable<NonNullable<LoggerConfig['options']['hooks']>['logMethod']>

const WARN = 40

type LoggedError = Error & { status?: unknown; query?: unknown; params?: unknown }

const isError = (value: unknown): value is LoggedError => value instanceof Error

/** Where a log call carries its error: `logger.error(err)` or `logger.error({ err }, msg?)`. */
const errorOf = (first: unknown): LoggedError | undefined => {
  if (isError(first)) return first
  const err = first && typeof first === 'object' ? (first as { err?: unknown }).err : undefined
  return isError(err) ? err : undefined
}

/**
 * Payload (and express) give a client's mistake a 4xx status; ours and theirs alike. GraphQL
 * logs its own GraphQLError, which carries the operation's error as `originalError`.
 */
const isClientError = (err: LoggedError): boolean => {
  const status = err.status ?? (err as { originalError?: LoggedError }).originalError?.status
  return typeof status === 'number' && status >= 400 && status < 500
}

/** A failed SQL statement (drizzle's DrizzleQueryError): its message and stack list the bound values. */
const carriesQueryParams = (err: LoggedError) => typeof err.query === 'string' && 'params' in err

/**
 * The same error without the statement's bound values, which can be a password hash and salt,
 * an e-mail address or a resident's text. The statement itself and the database's reason
 * (`cause`, e.g. "UNIQUE constraint failed: stories_initiatives.id") stay.
 */
const withoutParams = (err: LoggedError): LoggedError => {
  const hide = (text: string | undefined) => text?.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, '\nparams: [not logged]')
  // Same prototype, so the log still names it a DrizzleQueryError; `params` is not copied.
  const copy = Object.create(Object.getPrototypeOf(err)) as LoggedError
  return Object.assign(copy, { name: err.name, message: hide(err.message), stack: hide(err.stack), query: err.query, cause: err.cause })
}

/**
 * Every line Payload logs passes here. A client's mistake (a 4xx: a query on a path that
 * cannot be queried, malformed JSON, a wrong password) is one info line, never an error with a
 * stack trace: it is no defect, and a log full of them hides the ones that are. A failed SQL
 * statement is logged without its parameters.
 */
const logMethod: LogMethodHook = function (args, method, level) {
  const [first, ...rest] = args as unknown[]
  const err = errorOf(first)
  if (err && level >= WARN && isClientError(err)) {
    const context = typeof rest[0] === 'string' ? rest[0] : (first as { msg?: unknown }).msg
    const line = `${err.name}: ${err.message}`
    this.info(typeof context === 'string' && context !== err.message ? `${context}: ${line}` : line)
    return
  }
  if (err && carriesQueryParams(err)) {
    const safe = withoutParams(err)
    const replaced = isError(first) ? safe : { ...(first as object), err: safe }
    method.apply(this, [replaced, ...rest] as never)
    return
  }
  method.apply(this, args)
}

/**
 * Payload's own pretty output (same stream, no pid or hostname), with the rules above. For the
 * levels Payload gives its named errors (Forbidden, NotFound: info), see `loggingLevels`.
 */
export const payloadLogger: LoggerConfig = {
  options: { base: null, hooks: { logMethod } },
  destination: defaultLoggerOptions,
}
