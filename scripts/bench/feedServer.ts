/**
 * The server side of `npm run bench:feed`, in its own process: the production express server
 * (NODE_ENV=production, committed migrations, jobs running) on a fresh database (the SQLite file
 * or PostgreSQL database that DATABASE_URI names, scripts/bench/feedDatabase.ts) with
 * BENCH_STORIES published stories, plus a second listener in the same process that serves the
 * public stories response as a static file (the baseline). Prints `READY <api> <static>`.
 */
import fs from 'node:fs'
import path from 'node:path'

import express from 'express'

const { createServer } = await import('../../src/server/createServer')

const stories = Number(process.env.BENCH_STORIES ?? 100)
const server = await createServer({ next: false, port: 0, runJobs: true })
const { payload } = server

const housing = await payload.create({ collection: 'organisations', data: { kind: 'housing-organisation', name: 'Benchbolig', municipality: '101' } })
const company = await payload.create({ collection: 'organisations', data: { kind: 'company', name: 'Benchfirma ApS', cvr: '10203040' } })
const themes = ['safety', 'skills-and-jobs', 'sustainability', 'health', 'community'] as const
// Straight to the database adapter: 10 000 stories through every hook would take minutes, and
// the read path under test is the same either way.
for (let i = 0; i < stories; i++) {
  await payload.db.create({
    collection: 'stories',
    data: {
      title: `Historie nummer ${i} om samarbejde i boligområdet`,
      slug: `historie-${i}`,
      summary: 'Unge fra afdelingen reparerer cykler sammen med mekanikere fra det lokale værksted hver onsdag.',
      housingOrganisation: housing.id,
      companies: [company.id],
      themes: [themes[i % 5], themes[(i + 2) % 5]],
      municipality: '101',
      period: { start: '2024-01-01T00:00:00.000Z' },
      publishedAt: new Date(Date.UTC(2020, 0, 1) + i * 3600_000).toISOString(),
      _status: 'published',
    },
  })
}

const staticDir = fs.mkdtempSync(path.join(process.env.DATA_DIR!, 'static-'))
const body = await (await fetch(`${server.url}/api/public/stories?limit=20`)).arrayBuffer()
fs.writeFileSync(path.join(staticDir, 'stories.json'), Buffer.from(body))
const staticApp = express()
staticApp.disable('x-powered-by')
staticApp.use(express.static(staticDir, { etag: true, maxAge: 60_000 }))
const staticServer = staticApp.listen(0, () => {
  const { port } = staticServer.address() as { port: number }
  console.log(`READY ${server.url} http://localhost:${port}`)
})
process.on('SIGTERM', () => {
  staticServer.close()
  void server.close().then(() => process.exit(0))
})
