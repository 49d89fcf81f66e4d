/** Danish letters are transliterated the Danish way, not stripped (SPEC §2). */
const DANISH: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa' }

export const slugify = (text: string, maxLength = 80): string =>
  text
    .normalize('NFC') // a decomposed å (a + ring, e.g. from macOS) must still become aa
    .toLowerCase()
    .replace(/[æøå]/g, (letter) => DANISH[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // other accents: é → e, ü → u
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '')

/** What `slugify` makes: lowercase letters and digits in words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const isSlug = (text: string, maxLength = 120): boolean => text.length <= maxLength && SLUG_PATTERN.test(text)
