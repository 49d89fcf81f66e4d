import path from 'node:path'

export type DatabaseChoice =
  | { kind: 'sqlite'; url: string; filePath: string }
  | { kind: 'mongodb'; url: string }
  | { kind: 'postgres'; url: string }

/**
 * Which adapter a DATABASE_URI selects (SPEC §10): nothing or `file:` → embedded SQLite,
 * `postgres://` or `postgresql://` → PostgreSQL, `mongodb://` or `mongodb+srv://` → MongoDB.
 * Anything else is refused with a clear message rather than guessed at.
 */
export const resolveDatabase = (uri: string | undefined, cwd = process.cwd()): DatabaseChoice => {
  const value = uri?.trim() || 'file:./data/b2c.sqlite'
  if (/^mongodb(\+srv)?:\/\//i.test(value)) return { kind: 'mongodb', url: value }
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value }
  if (value.startsWith('file:')) {
    const rest = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
    if (!rest) throw new Error('DATABASE_URI "file:" needs a path, e.g. file:./data/b2c.sqlite')
    const filePath = path.resolve(cwd, rest)
    return { kind: 'sqlite', url: `file:${filePath}`, filePath }
  }
  throw new Error(
    `DATABASE_URI must start with file:, postgres://, postgresql://, mongodb:// or mongodb+srv:// (got "${value.split(':')[0]}:…")`,
  )
}
