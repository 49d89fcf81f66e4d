import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import type { Call } from '../../src/payload-types'

let calls = 0

/** A call open from `opensAt` to `deadline` (default: opened an hour ago, closes in a day). */
export const createCall = (
  payload: Payload,
  { opensAt, deadline, ...rest }: { opensAt?: Date; deadline?: Date } & Partial<Omit<Call, 'opensAt' | 'deadline'>> = {},
): Promise<Call> =>
  payload.create({
    collection: 'calls',
    data: {
      title: `Indkaldelse ${++calls}`,
      slug: `indkaldelse-${calls}-${Date.now().toString(36)}`,
      description: 'Send jeres bedste historie om samarbejde mellem boligområde og virksomhed.',
      opensAt: (opensAt ?? new Date(Date.now() - 3600_000)).toISOString(),
      deadline: (deadline ?? new Date(Date.now() + 86_400_000)).toISOString(),
      contactName: 'Neighborhood Lab',
      contactEmail: 'kontakt@neighborhoodlab.dk',
      allowVideo: true,
      videoMaxMegabytes: 50,
      ...rest,
    } as never,
  }) as Promise<Call>

/** A complete, valid JSON body for `POST /api/public/submissions`. */
export const validSubmission = (call: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  call,
  organisationName: 'Boligselskabet Østerbo',
  organisationKind: 'housing-organisation',
  contactName: 'Søren Ærø',
  contactEmail: 'soeren@oesterbo.dk',
  contactPhone: '+45 12 34 56 78',
  partnerCompanyName: 'Cykelværkstedet ApS',
  partnerCompanyCvr: '87654321',
  themes: ['skills-and-jobs', 'sustainability'],
  title: 'Unge reparerer cykler i gården',
  description: 'Hver onsdag reparerer unge fra afdelingen cykler sammen med mekanikere fra værkstedet.',
  results: 'Tre unge fik lærepladser.',
  municipality: '101',
  periodStart: '2024-01-15',
  periodEnd: '2024-06-30',
  privacyAccepted: true,
  mayContact: true,
  ...overrides,
})

/** The same body as multipart form data, with files from disk under `photos` and `video`. */
export const submissionForm = (body: Record<string, unknown>, files: { photos?: string[]; video?: string } = {}): FormData => {
  const form = new FormData()
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue
    for (const entry of Array.isArray(value) ? value : [value]) form.append(name, String(entry))
  }
  for (const photo of files.photos ?? []) form.append('photos', new Blob([fs.readFileSync(photo)]), path.basename(photo))
  if (files.video) form.append('video', new Blob([fs.readFileSync(files.video)]), path.basename(files.video))
  return form
}

export const postSubmission = (baseUrl: string, body: FormData | Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/api/public/submissions`, {
    method: 'POST',
    headers: body instanceof FormData ? headers : { 'content-type': 'application/json', ...headers },
    body: body instanceof FormData ? body : JSON.stringify(body),
  })

/** How many documents each collection a submission writes to holds: "nothing half-written" checks. */
export const countStored = async (payload: Payload) => {
  const [submissions, media, clips] = await Promise.all(
    (['submissions', 'media', 'clips'] as const).map((collection) =>
      payload.count({ collection, overrideAccess: true }).then((result) => result.totalDocs),
    ),
  )
  return { submissions, media, clips }
}

/** Every file under a folder (recursively), to prove nothing was left on disk. */
export const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
    : []

/** Moves a call's deadline, as an administrator would. */
export const setCallDeadline = (payload: Payload, call: Call, deadline: Date) =>
  payload.update({ collection: 'calls', id: call.id, data: { deadline: deadline.toISOString() } as never, overrideAccess: true })
