import { email as payloadEmail } from 'payload/shared'

import { MUNICIPALITY_CODES } from '../constants/municipalities'
import { ORGANISATION_KINDS, type OrganisationKind } from '../constants/organisationKinds'
import { THEME_KEYS, type ThemeKey } from '../constants/themes'
import { CVR_PATTERN } from '../fields/validators'
import { isSlug } from '../lib/slugify'
import type { Bilingual } from '../lib/bilingual'

/** The body of `POST /api/public/submissions` (SPEC §7), after validation. */
export type SubmissionInput = {
  call: string
  organisationName: string
  organisationKind: OrganisationKind
  contactName: string
  contactEmail: string
  contactPhone?: string
  partnerCompanyName: string
  partnerCompanyCvr?: string
  themes: ThemeKey[]
  title: string
  description: string
  results?: string
  municipality?: string
  periodStart?: string
  periodEnd?: string
  privacyAccepted: true
  mayContact: boolean
}

/** The only names read from a request: anything else (`where[…]`, `status`, `id`) is ignored. */
export const SUBMISSION_FIELDS = [
  'call',
  'organisationName',
  'organisationKind',
  'contactName',
  'contactEmail',
  'contactPhone',
  'partnerCompanyName',
  'partnerCompanyCvr',
  'themes',
  'title',
  'description',
  'results',
  'municipality',
  'periodStart',
  'periodEnd',
  'privacyAccepted',
  'mayContact',
] as const
export type SubmissionField = (typeof SUBMISSION_FIELDS)[number] | 'photos' | 'video' | 'videoUpload' | 'photoUploads'

export type FieldErrors = Partial<Record<SubmissionField, Bilingual>>
export type Validated = { ok: true; data: SubmissionInput } | { ok: false; errors: FieldErrors }

/** Longest accepted text per field: generous for people, short enough to stop a 1 MB paste. */
export const MAX_LENGTH = {
  call: 100,
  organisationName: 200,
  contactName: 200,
  contactEmail: 254,
  contactPhone: 20,
  partnerCompanyName: 200,
  partnerCompanyCvr: 12,
  title: 150,
  description: 5000,
  results: 5000,
} as const

// Eight digits, optionally after +45 or 0045; spaces and dashes between digits are forgiven.
const DANISH_PHONE = /^(?:\+45|0045)?\d{8}$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
// Control characters other than tab and newline have no place in a form's text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const TRUE_VALUES = new Set(['true', 'on', '1', 'yes', 'ja'])

const required: Bilingual = { da: 'Skal udfyldes', en: 'Required' }

/**
 * Checks a submission body that has already been reduced to the whitelisted names. Values
 * arrive as strings (multipart), string arrays (a repeated field) or JSON values; anything
 * that is not plain text where text is expected (an object such as `{ "$ne": null }`) is an
 * error, never a query. Text is trimmed and NFC-normalised, so æøå typed on any keyboard are
 * stored the same way.
 */
export const validateSubmission = (body: Record<string, unknown>): Validated => {
  const errors: FieldErrors = {}
  const text = (name: Exclude<keyof typeof MAX_LENGTH, never>, options: { required?: boolean } = {}) => {
    const value = body[name]
    if (value === undefined || value === null || value === '') {
      if (options.required) errors[name] = required
      return undefined
    }
    if (typeof value !== 'string') {
      errors[name] = { da: 'Skal være tekst', en: 'Must be text' }
      return undefined
    }
    if (value.includes('\uFFFD')) {
      errors[name] = { da: 'Indeholder tegn, der ikke kunne læses (ugyldig UTF-8)', en: 'Contains unreadable characters (invalid UTF-8)' }
      return undefined
    }
    if (CONTROL.test(value)) {
      errors[name] = { da: 'Indeholder ugyldige kontroltegn', en: 'Contains invalid control characters' }
      return undefined
    }
    const normalised = value.normalize('NFC').replace(/\r\n?/g, '\n').trim()
    if (!normalised) {
      if (options.required) errors[name] = required
      return undefined
    }
    const max = MAX_LENGTH[name]
    if ([...normalised].length > max) {
      errors[name] = { da: `Højst ${max} tegn`, en: `At most ${max} characters` }
      return undefined
    }
    return normalised
  }

  const call = text('call', { required: true })
  if (call && !isSlug(call)) errors.call = { da: 'Ukendt indkaldelse', en: 'Unknown call' }

  const organisationName = text('organisationName', { required: true })
  const organisationKind = oneOf(body.organisationKind, ORGANISATION_KINDS.map((kind) => kind.key))
  if (!organisationKind) {
    errors.organisationKind = body.organisationKind
      ? { da: 'Vælg en af de mulige typer', en: 'Choose one of the listed kinds' }
      : required
  }
  const contactName = text('contactName', { required: true })
  const contactEmail = text('contactEmail', { required: true })?.toLowerCase()
  if (contactEmail && !acceptedByPayload(contactEmail)) {
    errors.contactEmail = { da: 'Skriv en gyldig e-mailadresse, fx navn@firma.dk', en: 'Enter a valid email address, e.g. name@company.dk' }
  }
  const phoneText = text('contactPhone')
  const contactPhone = phoneText?.replace(/[\s-]/g, '')
  if (contactPhone && !DANISH_PHONE.test(contactPhone)) {
    errors.contactPhone = { da: 'Skriv et dansk telefonnummer med 8 cifre', en: 'Enter a Danish phone number with 8 digits' }
  }
  const partnerCompanyName = text('partnerCompanyName', { required: true })
  const cvrText = text('partnerCompanyCvr')
  const partnerCompanyCvr = cvrText?.replace(/[\s-]/g, '')
  if (partnerCompanyCvr && !CVR_PATTERN.test(partnerCompanyCvr)) {
    errors.partnerCompanyCvr = { da: 'Et CVR-nummer er 8 cifre', en: 'A CVR number has 8 digits' }
  }

  const themes = themeList(body.themes)
  if (themes === 'invalid') errors.themes = { da: 'Vælg blandt de fem temaer', en: 'Choose among the five themes' }
  else if (themes.length === 0) errors.themes = { da: 'Vælg mindst ét tema', en: 'Choose at least one theme' }

  const title = text('title', { required: true })
  const description = text('description', { required: true })
  const results = text('results')

  const municipality = body.municipality === undefined || body.municipality === '' ? undefined : body.municipality
  if (municipality !== undefined && (typeof municipality !== 'string' || !MUNICIPALITY_CODES.has(municipality))) {
    errors.municipality = { da: 'Vælg en kommune fra listen', en: 'Choose a municipality from the list' }
  }

  const periodStart = isoDate(body.periodStart)
  const periodEnd = isoDate(body.periodEnd)
  if (periodStart === 'invalid') errors.periodStart = { da: 'Skriv en dato som ÅÅÅÅ-MM-DD', en: 'Enter a date as YYYY-MM-DD' }
  if (periodEnd === 'invalid') errors.periodEnd = { da: 'Skriv en dato som ÅÅÅÅ-MM-DD', en: 'Enter a date as YYYY-MM-DD' }
  if (periodStart && periodEnd && periodStart !== 'invalid' && periodEnd !== 'invalid' && periodEnd < periodStart) {
    errors.periodEnd = { da: 'Slutdatoen ligger før startdatoen', en: 'The end date is before the start date' }
  }

  if (!isTrue(body.privacyAccepted)) {
    errors.privacyAccepted = { da: 'Du skal acceptere privatlivspolitikken', en: 'You must accept the privacy policy' }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    data: {
      call: call!,
      organisationName: organisationName!,
      organisationKind: organisationKind!,
      contactName: contactName!,
      contactEmail: contactEmail!,
      contactPhone: contactPhone || undefined,
      partnerCompanyName: partnerCompanyName!,
      partnerCompanyCvr: partnerCompanyCvr || undefined,
      themes: themes as ThemeKey[],
      title: title!,
      description: description!,
      results,
      municipality: municipality as string | undefined,
      periodStart: (periodStart || undefined) as string | undefined,
      periodEnd: (periodEnd || undefined) as string | undefined,
      privacyAccepted: true,
      mayContact: isTrue(body.mayContact),
    },
  }
}

/**
 * Payload's own rule for an `email` field (no quotes, no `..`, letters a–z only), so an address
 * that passes here is one the submissions collection stores: what it would refuse is a 422 for
 * the sender, not a failed save. Its validator reads only `t` and the collection from `req`.
 */
const acceptedByPayload = (value: string): boolean =>
  payloadEmail(value, {
    req: { payload: { collections: {}, config: { collections: [] } }, t: () => 'invalid' },
    required: true,
  } as never) === true

const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined

const isTrue = (value: unknown) => value === true || (typeof value === 'string' && TRUE_VALUES.has(value.toLowerCase()))

/** A repeated multipart field or a JSON array; each entry one of SPEC §3's keys, no repeats. */
const themeList = (value: unknown): ThemeKey[] | 'invalid' => {
  if (value === undefined || value === null || value === '') return []
  const values = Array.isArray(value) ? value : [value]
  if (!values.every((entry) => typeof entry === 'string' && (THEME_KEYS as string[]).includes(entry))) return 'invalid'
  return [...new Set(values as ThemeKey[])]
}

/** A calendar date (YYYY-MM-DD) that exists: 2024-02-30 is refused, not rolled into March. */
const isoDate = (value: unknown): string | undefined | 'invalid' => {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return 'invalid'
  const parsed = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) ? value : 'invalid'
}
