import { expect, test } from '@jest/globals'

import { CaptionError, toWebVtt } from '../../src/video/captions'

const SRT = '1\r\n00:00:01,000 --> 00:00:02,500\r\nHej med jer\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nVelkommen til værkstedet\r\nanden linje\r\n'

test('SRT becomes WebVTT with the same cues, æøå intact', () => {
  expect(toWebVtt(SRT)).toBe(
    'WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHej med jer\n\n00:00:03.000 --> 00:00:04.000\nVelkommen til værkstedet\nanden linje\n',
  )
})

test('valid WebVTT is kept (BOM removed, line endings normalised)', () => {
  const vtt = '\uFEFFWEBVTT - Dansk\r\n\r\n00:01.000 --> 00:02.000 line:90%\r\nTekst\r\n'
  expect(toWebVtt(vtt)).toBe('WEBVTT - Dansk\n\n00:01.000 --> 00:02.000 line:90%\nTekst\n')
})

test.each([
  ['1\n00:00:01.000 --> 00:00:02,000\nKomma og punktum blandet\n', 2, /tidskoden/],
  ['1\n00:00:03,000 --> 00:00:02,000\nBaglæns\n', 2, /sluttiden/],
  ['1\n00:00:01,000 --> 00:00:02,000\n\n', 3, /teksten/],
  ['1\n00:00:01,000 --> 00:00:02,000\nOk\n\nikke et nummer\n', 5, /nummeret/],
  ['Bare tekst uden tidskoder\n', 1, /hverken WebVTT/],
  ['WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nForkert\n', 3, /tidskoden/],
  ['WEBVTT\n\n', 1, /ingen undertekster/],
])('an invalid file is refused, naming the wrong line (case %#)', (text, line, reason) => {
  try {
    toWebVtt(text)
    throw new Error('accepted an invalid caption file')
  } catch (error) {
    expect(error).toBeInstanceOf(CaptionError)
    expect((error as CaptionError).line).toBe(line)
    expect((error as CaptionError).message).toMatch(reason)
  }
})
