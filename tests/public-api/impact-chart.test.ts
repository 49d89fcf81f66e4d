/**
 * The server-rendered bar chart the site and the admin dashboard share: named and described for
 * screen readers, every label and value drawn as escaped text, nothing that runs or loads.
 */
import { describe, expect, it } from '@jest/globals'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { barChartSvg } from '../../src/impact/barChart'

const rows = [
  { label: 'Kager & <script>alert(1)</script>', value: 1234.5 },
  { label: 'Ingenting', value: 0 },
  { label: 'Halvdelen', value: 617.25 },
]

describe('barChartSvg', () => {
  it('is well-formed SVG, an image named by its title and described value by value', () => {
    const svg = barChartSvg(rows, { title: 'Bagt "i alt"', unit: 'stk.', id: 'kager' })
    expect(XMLValidator.validate(svg)).toBe(true)
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg).svg
    expect(parsed.role).toBe('img')
    expect(parsed['aria-labelledby']).toBe('kager-title kager-desc')
    expect(parsed.title).toEqual({ '#text': 'Bagt "i alt"', id: 'kager-title' })
    expect(parsed.desc['#text']).toBe('Kager & <script>alert(1)</script>: 1.234,5 stk.; Ingenting: 0 stk.; Halvdelen: 617,25 stk.')
    const texts = parsed.text.map((text: { '#text': string | number }) => String(text['#text']))
    expect(texts).toEqual(['Bagt "i alt"', 'Kager & <script>alert(1)</script>', '1.234,5 stk.', 'Ingenting', '0 stk.', 'Halvdelen', '617,25 stk.'])
  })

  it('scales bars to the largest value, draws no bar for a zero, and carries nothing that runs or loads', () => {
    const svg = barChartSvg(rows, { title: 'Bagt', id: 'kager' })
    const bars = [...svg.matchAll(/<rect x="12" y="\d+" width="(\d+)"/g)].map((match) => Number(match[1]))
    expect(bars).toHaveLength(3)
    expect(bars[1]).toBe(0)
    expect(bars[2]).toBe(Math.round(bars[0] / 2))
    expect(svg).not.toMatch(/<script|<style|href=|@import|url\(|on\w+=/i)
  })

  it('says so when there is nothing to draw', () => {
    const svg = barChartSvg([], { title: 'Tomt', id: 'tomt', emptyText: 'Ingen tal endnu' })
    expect(XMLValidator.validate(svg)).toBe(true)
    expect(svg).toContain('<desc id="tomt-desc">Ingen tal endnu</desc>')
    expect(svg).not.toContain('<rect x="12"')
  })
})
