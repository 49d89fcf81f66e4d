import { beforeAll, describe, expect, it } from '@jest/globals'

import { createPeople } from '../helpers/fixtures'
import { useServer } from '../helpers/server'
import { publishStory } from '../helpers/stories'

const server = useServer({ runJobs: false })

type List = { items: { title: string }[]; page: number; limit: number; totalItems: number; totalPages: number }
const search = async (q: string, extra = ''): Promise<List> => {
  const res = await fetch(`${server.current.url}/api/public/stories?q=${encodeURIComponent(q)}${extra}`)
  expect(res.status).toBe(200)
  return (await res.json()) as List
}
const titles = (list: List) => list.items.map((item) => item.title).sort()

let people: Awaited<ReturnType<typeof createPeople>>
const publish = (title: string) =>
  publishStory(server.current.payload, { housing: people.housing.id, company: people.company.id, title })

beforeAll(async () => {
  people = await createPeople(server.current.payload)
  for (const title of ['100 cykler på et år', 'Cykelværkstedet i kælderen']) await publish(title)
})

describe('text search takes % and _ literally (issue #10, item 12)', () => {
  it('q=% and q=_ match no story when no title or summary holds them', async () => {
    for (const q of ['%', '_', '%%', '_%_', '100_']) {
      const list = await search(q)
      expect([q, list.totalItems, titles(list)]).toEqual([q, 0, []])
    }
  })

  it('finds the story whose title holds a literal % or _, and not its look-alikes', async () => {
    await publish('100% genbrug i gården')
    await publish('Unge_reparerer cykler')
    expect(titles(await search('%'))).toEqual(['100% genbrug i gården'])
    expect(titles(await search('_'))).toEqual(['Unge_reparerer cykler'])
    expect(titles(await search('100%'))).toEqual(['100% genbrug i gården'])
    expect(titles(await search('100% GENBRUG'))).toEqual(['100% genbrug i gården'])
    expect(titles(await search('100_'))).toEqual([])
    expect(titles(await search('unge_'))).toEqual(['Unge_reparerer cykler'])
  })

  it('an empty wildcard search answers like any search without a match; paging counts literal matches only', async () => {
    const { items, ...empty } = await search('%%')
    const { items: noItems, ...noMatch } = await search('zzzqqq')
    expect(items).toEqual(noItems)
    expect(empty).toEqual(noMatch)
    // Plain words work as before.
    expect(titles(await search('kælderen'))).toEqual(['Cykelværkstedet i kælderen'])
    expect((await search('1', '&limit=1')).totalItems).toBe(2)
    const pagedLiteral = await search('%', '&limit=1')
    expect([pagedLiteral.totalItems, pagedLiteral.totalPages, pagedLiteral.items.length]).toEqual([1, 1, 1])
  })
})
