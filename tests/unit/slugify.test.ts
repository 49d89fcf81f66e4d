/** Slugs transliterate Danish letters the Danish way (SPEC §2: æ→ae, ø→oe, å→aa). */
import { describe, expect, test } from '@jest/globals'

import { slugify } from '../../src/lib/slugify'

describe('slugify', () => {
  test.each([
    ['Grøn omstilling på Østerbro', 'groen-omstilling-paa-oesterbro'],
    ['Åbne værksteder i Ærø', 'aabne-vaerksteder-i-aeroe'],
    ['Boligselskabet Sjælland', 'boligselskabet-sjaelland'],
    ['Tryghed i Gellerupparken: Nabohjælp & lektiecafé', 'tryghed-i-gellerupparken-nabohjaelp-lektiecafe'],
    ['Cykelværkstedet på Nørrebro – 2024!', 'cykelvaerkstedet-paa-noerrebro-2024'],
    ['Fællesskab, sundhed og job i Aalborg Øst', 'faellesskab-sundhed-og-job-i-aalborg-oest'],
    ['ÆBLE ØL ÅEN', 'aeble-oel-aaen'],
    ['Café Müller & Søn', 'cafe-muller-soen'],
    ['Crème brûlée på Frederiksberg', 'creme-brulee-paa-frederiksberg'],
    ['  --Hej   med   dig--  ', 'hej-med-dig'],
    ['"Vi byggede en bro" – om mentorordningen', 'vi-byggede-en-bro-om-mentorordningen'],
    ['50 % flere i job', '50-flere-i-job'],
  ])('%p → %p', (title, slug) => {
    expect(slugify(title)).toBe(slug)
  })

  test.each([
    ['æ', 'ae'],
    ['ø', 'oe'],
    ['å', 'aa'],
    ['Æ', 'ae'],
    ['Ø', 'oe'],
    ['Å', 'aa'],
    ['é', 'e'],
    ['ü', 'u'],
    ['ñ', 'n'],
  ])('letter %p → %p', (letter, expected) => {
    expect(slugify(letter)).toBe(expected)
  })

  test('a decomposed å (a + combining ring, as macOS file names and some pastes carry it) is still aa', () => {
    const decomposed = 'Åbne gårde'.normalize('NFD')
    expect(decomposed).not.toBe('Åbne gårde')
    expect(slugify(decomposed)).toBe('aabne-gaarde')
  })

  test('only a-z, digits and single hyphens, never at either end', () => {
    const slug = slugify('  ¡¿ Hvad sker der?! — “Naboskab” & fællesskab … 100 %!!  ')
    expect(slug).toBe('hvad-sker-der-naboskab-faellesskab-100')
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })

  test('text without letters or digits gives an empty slug', () => {
    expect(slugify('!!! --- ???')).toBe('')
  })

  test('is idempotent', () => {
    const once = slugify('Grøn omstilling på Østerbro')
    expect(slugify(once)).toBe(once)
  })

  test('is capped at 80 characters by default', () => {
    const slug = slugify('ø'.repeat(100))
    expect(slug).toBe('oe'.repeat(40))
    expect(slug.length).toBe(80)
  })

  test('a cut that lands on a hyphen leaves no trailing hyphen', () => {
    // "abcd-efgh": a cap of 5 cuts right after the hyphen.
    expect(slugify('abcd efgh', 5)).toBe('abcd')
    const long = Array.from({ length: 30 }, () => 'hus').join(' ') // hus-hus-…: hyphens at 3, 7, 11, …
    const slug = slugify(long)
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slug.endsWith('-')).toBe(false)
    expect(slug).toBe(`${'hus-'.repeat(19)}hus`)
  })

  test('a custom cap is honoured', () => {
    expect(slugify('Grøn omstilling på Østerbro', 12)).toBe('groen-omstil')
  })

  test('the cap counts the transliterated text (æ is two characters)', () => {
    expect(slugify('æøå', 4)).toBe('aeoe')
  })
})
