import type { Payload } from 'payload'

import type { Story } from '../../src/payload-types'

let count = 0

/** Every field the publish gate asks for, published: for the Local API and for REST bodies alike. */
export const publishableStory = ({ housing, company }: { housing: number | string; company: number | string }) => ({
  title: `Historie ${++count}`,
  summary: 'Et lokalt værksted har lært unge at reparere cykler.',
  housingOrganisation: housing,
  companies: [company],
  themes: ['skills-and-jobs'],
  municipality: '101',
  period: { start: '2023-09-01T00:00:00.000Z' },
  _status: 'published',
})

/** A published story with every field the publish gate asks for, created through the Local API. */
export const publishStory = async (
  payload: Payload,
  { housing, company, ...data }: { housing: number | string; company: number | string } & Record<string, unknown>,
): Promise<Story> =>
  payload.create({
    collection: 'stories',
    data: { ...publishableStory({ housing, company }), ...data } as never,
  }) as Promise<Story>
