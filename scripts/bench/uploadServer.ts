/**
 * The server side of `npm run bench:upload`, in its own process so that its memory can be read
 * from /proc/<pid>/status: the express server with jobs off (the bench measures receiving a
 * file, not transcoding it), an editor, and an open call whose video limit takes the bench's
 * file. Prints `READY <url> <pid> <editor token> <call slug>`. Started again on the same
 * folders it finds its editor and call, and the uploads the previous process left.
 */
export {}

const { createServer } = await import('../../src/server/createServer')

const server = await createServer({ next: false, port: 0, runJobs: false })
const { payload } = server

const user = { email: 'bench-upload@example.dk', password: 'bench-password-1' }
const existing = await payload.count({ collection: 'users', where: { email: { equals: user.email } } })
if (existing.totalDocs === 0) await payload.create({ collection: 'users', data: { ...user, role: 'editor' } as never })
const login = await fetch(`${server.url}/api/users/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(user),
})
const { token } = (await login.json()) as { token: string }
const slug = 'bench-upload'
const calls = await payload.count({ collection: 'calls', where: { slug: { equals: slug } } })
if (calls.totalDocs === 0) await payload.create({
  collection: 'calls',
  data: {
    title: 'Benchmark',
    slug,
    description: 'Indkaldelse til benchmark af uploads.',
    opensAt: new Date(Date.now() - 3600_000).toISOString(),
    deadline: new Date(Date.now() + 86_400_000).toISOString(),
    contactName: 'Bench',
    contactEmail: 'bench@example.dk',
    allowVideo: true,
    videoMaxMegabytes: Number(process.env.BENCH_CALL_MEGABYTES ?? 4096),
  } as never,
})
console.log(`READY ${server.url} ${process.pid} ${token} ${slug}`)
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)))
