import { extractHeaderLanguage } from '@payloadcms/translations'

export type Language = 'da' | 'en'

type Header = (name: 'accept-language' | 'cookie') => string | null | undefined

/**
 * The language Payload answers a request in (its getRequestLanguage): the admin's language
 * cookie, else the first language of Accept-Language Payload knows, if it is one of ours, else
 * Danish. Errors refused before Payload sees the request (on Payload's own routes) use it, so
 * they speak as Payload's own errors for the same request would.
 */
export const payloadLanguage = (header: Header, cookiePrefix = 'payload'): Language => {
  const cookie = new RegExp(`(?:^|;\\s*)${cookiePrefix}-lng=([^;]*)`).exec(header('cookie') ?? '')?.[1]
  if (cookie === 'da' || cookie === 'en') return cookie
  const accepted = header('accept-language')
  const fromHeader = accepted ? extractHeaderLanguage(accepted) : undefined
  return fromHeader === 'en' ? 'en' : 'da'
}
