import type { Request } from 'express'

import { isSlug } from '../lib/slugify'
import { PublicApiError, type Locale } from './messages'

type Parser<T> = (raw: string, name: string) => T

const badParameter = (name: string, da: string, en: string) =>
  new PublicApiError(400, 'invalid_parameter', { da: `Ugyldig værdi for "${name}": ${da}`, en: `Invalid value for "${name}": ${en}` })

export const integer =
  (min: number, max: number): Parser<number> =>
  (raw, name) => {
    if (!/^\d{1,9}$/.test(raw)) throw badParameter(name, 'skal være et helt tal', 'must be a whole number')
    const value = Number(raw)
    if (value < min || value > max) throw badParameter(name, `skal være mellem ${min} og ${max}`, `must be between ${min} and ${max}`)
    return value
  }

export const oneOf =
  <T extends string>(allowed: readonly T[]): Parser<T> =>
  (raw, name) => {
    if (!(allowed as readonly string[]).includes(raw)) throw badParameter(name, `skal være en af ${allowed.join(', ')}`, `must be one of ${allowed.join(', ')}`)
    return raw as T
  }

export const slug: Parser<string> = (raw, name) => {
  if (!isSlug(raw)) throw badParameter(name, 'ikke et gyldigt slug', 'not a valid slug')
  return raw
}

export const searchText: Parser<string> = (raw, name) => {
  const text = raw.normalize('NFC').trim()
  if (text.length > 100) throw badParameter(name, 'højst 100 tegn', 'at most 100 characters')
  return text
}

export const locale = oneOf<Locale>(['da', 'en'])

/**
 * Reads an endpoint's query parameters: each given once, as plain text, by a known name.
 * Anything else (`where[…]`, `depth`, a repeated name, an unknown name) is a 400 with the error
 * shape, never a 500 and never a query passed on to the database.
 */
export const readQuery = <S extends Record<string, Parser<unknown>>>(
  req: Request,
  spec: S,
): { [K in keyof S]?: ReturnType<S[K]> } => {
  const result: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(req.query)) {
    const parse = spec[name]
    if (!parse) {
      throw new PublicApiError(400, 'unknown_parameter', {
        da: `Ukendt parameter "${name.slice(0, 50)}". Tilladt: ${Object.keys(spec).join(', ') || 'ingen'}`,
        en: `Unknown parameter "${name.slice(0, 50)}". Allowed: ${Object.keys(spec).join(', ') || 'none'}`,
      })
    }
    if (typeof value !== 'string') throw badParameter(name, 'skal angives én gang som tekst', 'must be given once, as text')
    if (value === '') continue
    result[name] = parse(value, name)
  }
  return result as { [K in keyof S]?: ReturnType<S[K]> }
}
