/**
 * The server side of `npm run bench:media`, in its own process so its CPU time can be read from
 * /proc/<pid>/stat: the express server on the bench's bucket (S3_* in the environment), jobs
 * off, and one public clip (consented, on a published story), made on first start and found
 * again on the next. Prints `READY <url> <pid> <rendition url>`.
 */
export {}

const { createServer } = await import('../../src/server/createServer')

const server = await createServer({ next: false, port: 0, runJobs: false })
const { payload } = server

const found = await payload.find({ collection: 'clips', where: { title: { equals: 'Bench' } }, depth: 0, limit: 1, overrideAccess: true })
let clip = found.docs[0]
if (!clip) {
  const housing = await payload.create({ collection: 'organisations', data: { name: 'Bench Boligselskab', kind: 'housing-organisation' } as never })
  const company = await payload.create({ collection: 'organisations', data: { name: 'Bench ApS', kind: 'company', cvr: '12345678' } as never })
  clip = await payload.create({ collection: 'clips', data: { title: 'Bench' } as never, filePath: process.env.BENCH_VIDEO! })
  for (let round = 0; round < 5 && clip.processing?.status !== 'ready'; round++) {
    await payload.jobs.run({ queue: 'video', limit: 1 })
    clip = await payload.findByID({ collection: 'clips', id: clip.id, depth: 0, overrideAccess: true })
  }
  clip = await payload.update({
    collection: 'clips',
    id: clip.id,
    data: { consent: { confirmed: true, records: [{ person: 'Bench', role: 'resident', givenAt: '2026-01-01', scope: ['web'] }] } } as never,
    overrideAccess: true,
  })
  await payload.create({
    collection: 'stories',
    data: {
      title: 'Bench',
      summary: 'En historie til målinger.',
      housingOrganisation: housing.id,
      companies: [company.id],
      themes: ['skills-and-jobs'],
      municipality: '101',
      period: { start: '2023-09-01T00:00:00.000Z' },
      clips: [clip.id],
      _status: 'published',
    } as never,
  })
}
console.log(`READY ${server.url} ${process.pid} ${clip.renditions?.[0]?.url}`)
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)))
