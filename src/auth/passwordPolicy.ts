import type { Bilingual } from '../lib/bilingual'
import { COMMON_PASSWORDS } from './commonPasswords'

export const MIN_PASSWORD_LENGTH = 12

const TOO_SHORT: Bilingual = {
  da: `Adgangskoden skal være mindst ${MIN_PASSWORD_LENGTH} tegn lang.`,
  en: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
}
const TOO_COMMON: Bilingual = {
  da: 'Adgangskoden er for almindelig eller let at gætte. Vælg fx nogle ord, der ikke hører sammen.',
  en: 'The password is too common or too easy to guess. Try a few words that do not belong together.',
}
const IS_EMAIL: Bilingual = {
  da: 'Adgangskoden må ikke være din e-mailadresse eller delen før @.',
  en: 'The password must not be your e-mail address or the part before the @.',
}

/** Rows and runs people type as passwords; a password that is a piece of one is refused. */
const RUNS = [
  '01234567890123456789012345678901234567890',
  'abcdefghijklmnopqrstuvwxyzæøåabcdefghijklmnopqrstuvwxyz',
  'qwertyuiopåasdfghjklæøzxcvbnm',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0pæ-',
  'qazwsxedcrfvtgbyhnujmikolpæ',
]
const RUNS_BOTH_WAYS = RUNS.flatMap((run) => [run, [...run].reverse().join('')])

/** How people disguise a word: p@ssw0rd, s0mmer. `1` is tried as both i and l. */
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '0': 'o', '$': 's', '5': 's', '7': 't', '!': 'i', '+': 't' }
const unLeet = (text: string): string[] => {
  const base = [...text].map((char) => LEET[char] ?? char).join('')
  return base.includes('1') ? [base.replaceAll('1', 'i'), base.replaceAll('1', 'l')] : [base]
}

/** The word in the middle: digits, symbols and spaces around it stripped ("Sommer2024!!" → "sommer"). */
const core = (text: string) => text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')

/** "passwordpassword" → "password": the shortest unit the text repeats, or the text itself. */
const repeatedUnit = (text: string) => {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) return text.slice(0, size)
  }
  return text
}

const isCommon = (lower: string): boolean => {
  const candidates = new Set<string>()
  for (const form of [lower, core(lower), repeatedUnit(lower), core(repeatedUnit(lower))]) {
    if (form.length < 3) continue
    candidates.add(form)
    for (const plain of unLeet(form)) candidates.add(plain).add(core(plain))
  }
  if ([...candidates].some((candidate) => COMMON_PASSWORDS.has(candidate))) return true
  if (new Set(lower).size < 5) return true
  return RUNS_BOTH_WAYS.some((run) => run.includes(lower))
}

const isEmailOrItsLocalPart = (lower: string, email: string | undefined): boolean => {
  const address = email?.trim().toLowerCase()
  if (!address) return false
  const localPart = address.split('@')[0]
  return [lower, core(lower)].some((form) => form === address || (localPart.length > 0 && form === localPart))
}

/**
 * Why a password may not be set, or null when it may: at least 12 characters, not one of the
 * commonest passwords (also with digits or symbols around it, in l33t, or repeated), not a
 * keyboard row or a run like 123456789012, not the account's e-mail or the part before the @.
 * The length is counted in characters as people see them, so "æøå" counts three.
 */
export const passwordProblem = (password: string, email?: string): Bilingual | null => {
  if ([...password].length < MIN_PASSWORD_LENGTH) return TOO_SHORT
  const lower = password.trim().toLowerCase()
  if (isEmailOrItsLocalPart(lower, email)) return IS_EMAIL
  if (isCommon(lower)) return TOO_COMMON
  return null
}
