/**
 * HTML built from template literals with every interpolated value escaped, unless it is
 * already SafeHtml. Used by the server-rendered pages and the mails: text a member typed is
 * always shown as text, never run as markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char])

type Value = SafeHtml | string | number | boolean | null | undefined | Value[]

const render = (value: Value): string => {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

export const html = (strings: TemplateStringsArray, ...values: Value[]): SafeHtml =>
  new SafeHtml(strings.reduce((out, text, i) => out + text + (i < values.length ? render(values[i]) : ''), ''))

/** Text with its line breaks kept, escaped. */
export const paragraphs = (text: string | null | undefined): SafeHtml =>
  new SafeHtml(
    (text ?? '')
      .split(/\n{2,}/)
      .filter((part) => part.trim())
      .map((part) => `<p>${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
      .join(''),
  )
