import { createHash } from 'node:crypto'

/** A caption file that cannot be used, with the line (1-based) that is wrong. */
export class CaptionError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`Linje ${line}: ${reason}`)
    this.name = 'CaptionError'
  }
}

const VTT_TIME = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/
const SRT_TIME = /^(\d{1,2}):([0-5]\d):([0-5]\d),(\d{3})$/

const vttSeconds = (text: string): number | null => {
  const m = VTT_TIME.exec(text)
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000 : null
}

/**
 * WebVTT from a WebVTT or SRT caption file (SPEC §2 clips: "SRT is converted"), checked cue by
 * cue. Throws CaptionError naming the first wrong line, so an editor can fix the file.
 */
export const toWebVtt = (input: string): string => {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const lines = text.split('\n')
  if (/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    validateVtt(lines)
    return text.endsWith('\n') ? text : `${text}\n`
  }
  return srtToVtt(lines)
}

const validateVtt = (lines: string[]) => {
  let cues = 0
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]
    if (!line.includes('-->')) continue
    const [start, rest] = line.split('-->').map((part) => part.trim())
    const end = rest.split(/\s+/)[0]
    const from = vttSeconds(start)
    const to = vttSeconds(end)
    if (from === null || to === null) throw new CaptionError(i + 1, `tidskoden "${line.trim()}" skal se ud som 00:00:01.000 --> 00:00:02.000`)
    if (to <= from) throw new CaptionError(i + 1, 'sluttiden ligger ikke efter starttiden')
    if (!lines[i + 1]?.trim()) throw new CaptionError(i + 2, 'teksten til undertekst mangler')
    cues++
  }
  if (cues === 0) throw new CaptionError(1, 'filen indeholder ingen undertekster')
}

const srtToVtt = (lines: string[]): string => {
  const out = ['WEBVTT', '']
  let i = 0
  let cues = 0
  while (i < lines.length) {
    if (!lines[i].trim()) {
      i++
      continue
    }
    if (!/^\d+$/.test(lines[i].trim())) {
      throw new CaptionError(i + 1, i === 0 ? 'filen er hverken WebVTT (første linje "WEBVTT") eller SRT (et nummer)' : `forventede nummeret på en undertekst, fandt "${lines[i].trim().slice(0, 40)}"`)
    }
    const timing = lines[i + 1]?.trim() ?? ''
    const match = /^(\S+)\s*-->\s*(\S+)/.exec(timing)
    const start = match && SRT_TIME.exec(match[1])
    const end = match && SRT_TIME.exec(match[2])
    if (!start || !end) throw new CaptionError(i + 2, `tidskoden "${timing}" skal se ud som 00:00:01,000 --> 00:00:02,000`)
    const [from, to] = [start, end].map((t) => Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3]) + Number(t[4]) / 1000)
    if (to <= from) throw new CaptionError(i + 2, 'sluttiden ligger ikke efter starttiden')
    const body: string[] = []
    for (i += 2; i < lines.length && lines[i].trim(); i++) body.push(lines[i])
    if (body.length === 0) throw new CaptionError(i + 1, 'teksten til undertekst mangler')
    const stamp = (t: RegExpExecArray) => `${t[1].padStart(2, '0')}:${t[2]}:${t[3]}.${t[4]}`
    out.push(`${stamp(start)} --> ${stamp(end)}`, ...body, '')
    cues++
  }
  if (cues === 0) throw new CaptionError(1, 'filen indeholder ingen undertekster')
  return out.join('\n')
}

/** The public URL of a caption: it changes with the text, like every other clip file. */
export const captionUrl = (clipId: number | string, language: string, vtt: string) =>
  `/media/clips/${encodeURIComponent(String(clipId))}/captions/${language}-${createHash('sha256').update(vtt).digest('hex').slice(0, 12)}.vtt`

/** What a player lists a caption file as: the editor's label, else the language's own name. */
export const captionLabel = (caption: { label?: string | null; language: string }): string =>
  caption.label || (caption.language === 'da' ? 'Dansk' : 'English')
