/** Documents made and counted through Payload's REST API by a logged-in client, for set-up and checks. */
import type { Client } from './http'

/** Creates a document (as a draft where the collection has drafts) and fails loudly unless it got 201. */
export const createDoc = async <T extends { id: number | string }>(
  as: Client,
  collection: string,
  data: Record<string, unknown>,
  { draft = true }: { draft?: boolean } = {},
): Promise<Record<string, unknown> & T> => {
  const res = await as.request(`/api/${collection}${draft ? '?draft=true' : ''}`, { method: 'POST', json: data })
  const body = (await res.json()) as { doc: Record<string, unknown> & T }
  if (res.status !== 201) throw new Error(`creating ${collection} failed: ${res.status} ${JSON.stringify(body)}`)
  return body.doc
}

/** How many documents a collection holds, drafts included. */
export const countDocs = async (as: Client, collection: string): Promise<number> => {
  const res = await as.request(`/api/${collection}?limit=1&depth=0&draft=true`)
  return ((await res.json()) as { totalDocs: number }).totalDocs
}
