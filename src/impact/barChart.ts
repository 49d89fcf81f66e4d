import { escapeHtml } from '../lib/html'

export type BarChartRow = { label: string; value: number }
export type BarChartOptions = {
  title: string
  /** Said after every value, in the bars and in the description. */
  unit?: string
  /** Unique on the page: the <title> and <desc> are referenced by id. */
  id: string
  /** Number formatting; Danish unless told. */
  locale?: 'da' | 'en'
  /** Shown instead of bars when there are no rows. */
  emptyText?: string
}

// Sizes in SVG user units; the chart scales with its viewBox, so these are proportions.
const WIDTH = 560
const PADDING = 12
const TITLE_HEIGHT = 34
const LABEL_HEIGHT = 22
const BAR_HEIGHT = 20
const ROW_GAP = 14
const VALUE_ROOM = 140
// Dark ink and a deep green on white: 15:1 and 7.5:1, above WCAG AA for text and graphics.
const INK = '#1d2327'
const BAR = '#0b5c4f'
const BACKGROUND = '#ffffff'
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif'

const attr = (value: string) => escapeHtml(value)
const formatted = (value: number, locale: 'da' | 'en') => value.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2 })

/**
 * A horizontal bar chart as a server-rendered SVG string: no script, no external font, no
 * stylesheet, so the site and the admin can both inline it and it works without JavaScript.
 * Screen readers get it as one image named by its <title> and described, value by value, by its
 * <desc>; every label and value is also drawn as text. Put a table with the same figures beside it.
 */
export const barChartSvg = (rows: BarChartRow[], options: BarChartOptions): string => {
  const locale = options.locale ?? 'da'
  const withUnit = (value: number) => `${formatted(value, locale)}${options.unit ? ` ${options.unit}` : ''}`
  const titleId = `${options.id}-title`
  const descId = `${options.id}-desc`
  const description = rows.length ? rows.map((row) => `${row.label}: ${withUnit(row.value)}`).join('; ') : (options.emptyText ?? '')
  const rowHeight = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
  const height = PADDING * 2 + TITLE_HEIGHT + Math.max(rows.length, 1) * rowHeight - ROW_GAP
  const max = Math.max(0, ...rows.map((row) => row.value))
  const room = WIDTH - PADDING * 2 - VALUE_ROOM

  const bars = rows.map((row, index) => {
    const top = PADDING + TITLE_HEIGHT + index * rowHeight
    // A zero stays a zero: no sliver of a bar that could be read as "a little".
    const width = max > 0 && row.value > 0 ? Math.max(2, Math.round((row.value / max) * room)) : 0
    const barTop = top + LABEL_HEIGHT
    return [
      `<text x="${PADDING}" y="${top + 16}" fill="${INK}" font-size="15">${escapeHtml(row.label)}</text>`,
      `<rect x="${PADDING}" y="${barTop}" width="${width}" height="${BAR_HEIGHT}" fill="${BAR}"/>`,
      `<text x="${PADDING + width + 8}" y="${barTop + 15}" fill="${INK}" font-size="15" font-weight="700">${escapeHtml(withUnit(row.value))}</text>`,
    ].join('')
  })
  const empty = rows.length
    ? ''
    : `<text x="${PADDING}" y="${PADDING + TITLE_HEIGHT + 16}" fill="${INK}" font-size="15">${escapeHtml(options.emptyText ?? '')}</text>`

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${attr(titleId)} ${attr(descId)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="${attr(FONT)}" class="bar-chart">`,
    `<title id="${attr(titleId)}">${escapeHtml(options.title)}</title>`,
    `<desc id="${attr(descId)}">${escapeHtml(description)}</desc>`,
    `<rect width="${WIDTH}" height="${height}" fill="${BACKGROUND}"/>`,
    // The title drawn too, so sighted readers know which chart this is without a caption around it.
    `<text x="${PADDING}" y="${PADDING + 18}" fill="${INK}" font-size="17" font-weight="700">${escapeHtml(options.title)}</text>`,
    ...bars,
    empty,
    '</svg>',
  ].join('')
}
