/**
 * Issue #9, item 2: phones name every photo alike. Six submissions whose photo is `foto.jpg`,
 * sent at the same moment, must all be stored, each photo under a name of its own.
 */
import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, expect, test } from '@jest/globals'

import { mediaDir } from '../../src/config/paths'
import { makeTestPhoto } from '../helpers/photos'
import { useServer } from '../helpers/server'
import { createCall, postSubmission, submissionForm, validSubmission } from '../helpers/submissions'
import { expectMediaStoreConsistent } from '../helpers/mediaInvariant'

const server = useServer({ runJobs: false })
let callSlug: string

beforeAll(async () => {
  callSlug = (await createCall(server.current.payload)).slug!
})

test('six concurrent photos all named foto.jpg are all stored, under six names', async () => {
  const photo = await makeTestPhoto('foto.jpg', { width: 800, height: 600 })
  const answers = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      postSubmission(server.current.url, submissionForm(validSubmission(callSlug, { title: `Samme navn ${i}` }), { photos: [photo] })).then(
        async (res) => ({ status: res.status, body: await res.json() }),
      ),
    ),
  )
  expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201, 201])

  const { docs } = await server.current.payload.find({ collection: 'media', depth: 0, overrideAccess: true, limit: 100 })
  const names = docs.map((doc) => doc.filename!)
  expect(new Set(names).size).toBe(6)
  for (const name of names) {
    expect(name).toMatch(/^foto-[0-9a-f]{8}\.jpg$/)
    expect(fs.existsSync(path.join(mediaDir(), 'images', name))).toBe(true)
  }
  await expectMediaStoreConsistent(server.current.payload)
}, 120_000)
