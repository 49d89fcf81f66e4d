import type { Payload, PayloadRequest } from 'payload'

import type { Organisation, Story, Submission } from '../../payload-types'
import type { OrganisationKind } from '../../constants/organisationKinds'
import { paragraphs } from '../../lib/lexical'
import { relationId } from '../../lib/relationId'
import { organisationByName } from './organisationByName'

const SUMMARY_MAX = 300

/** The first sentences of the description that fit the story's 300-character summary. */
export const summaryFrom = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim()
  if ([...flat].length <= SUMMARY_MAX) return flat
  const cut = [...flat].slice(0, SUMMARY_MAX - 1).join('')
  const sentence = cut.lastIndexOf('. ')
  if (sentence > SUMMARY_MAX / 2) return cut.slice(0, sentence + 1)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`
}

/**
 * An organisation of the catalogue for a name the submitter typed: the existing one (same CVR,
 * or the same name whatever the case), else a new one where the submission says enough.
 */
const matchOrCreate = async (
  req: PayloadRequest,
  { name, kind, cvr, municipality }: { name: string; kind: OrganisationKind; cvr?: string | null; municipality?: string | null },
): Promise<Organisation | undefined> => {
  const { payload } = req
  const byCvr = cvr
    ? await payload.find({ collection: 'organisations', where: { cvr: { equals: cvr } }, limit: 1, depth: 0, overrideAccess: true, req })
    : undefined
  if (byCvr?.docs[0]) return byCvr.docs[0]
  const same = await organisationByName(payload, name, req)
  if (same) return same
  // A department needs its housing organisation and a company its CVR number, which the form
  // does not ask for (or the submitter left out): those are matched only, the editor adds them.
  if (kind === 'housing-department' || (kind === 'company' && !cvr)) return undefined
  return payload.create({
    collection: 'organisations',
    data: { name, kind, cvr: kind === 'company' ? cvr || undefined : undefined, municipality: municipality || undefined } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })
}

export class StoryExistsError extends Error {
  constructor(readonly storyId: number | string) {
    super('The submission already has a story')
  }
}

/**
 * "Opret historie" (SPEC §4): a draft story prefilled from the submission, linked both ways;
 * the submission becomes accepted. Its photos stay private until an editor has checked them.
 */
export const createStoryFromSubmission = async (req: PayloadRequest, submissionId: number | string): Promise<Story> => {
  const payload: Payload = req.payload
  const submission = (await payload.findByID({ collection: 'submissions', id: submissionId, depth: 0, overrideAccess: true, req })) as Submission
  const existing = relationId(submission.story)
  if (existing) throw new StoryExistsError(existing)

  const own = await matchOrCreate(req, {
    name: submission.organisationName,
    kind: submission.organisationKind as OrganisationKind,
    cvr: submission.organisationKind === 'company' ? submission.partnerCompanyCvr : undefined,
    municipality: submission.municipality,
  })
  const partner = await matchOrCreate(req, {
    name: submission.partnerCompanyName,
    kind: 'company',
    cvr: submission.partnerCompanyCvr,
    municipality: submission.municipality,
  })
  const ownKind = submission.organisationKind
  const parentOfDepartment = own && ownKind === 'housing-department' ? relationId(own.parent) : undefined
  const companies = [...new Set([partner?.id, ownKind === 'company' ? own?.id : undefined].filter((id) => id !== undefined))]
  const photos = (submission.photos ?? []).map(relationId).filter((id) => id !== undefined)
  const clip = relationId(submission.video)

  const story = await payload.create({
    collection: 'stories',
    draft: true,
    locale: 'da',
    data: {
      _status: 'draft',
      title: submission.title,
      summary: summaryFrom(submission.description),
      body: paragraphs(...[submission.description, submission.results].filter((text): text is string => Boolean(text?.trim()))),
      themes: submission.themes,
      municipality: submission.municipality || undefined,
      period: { start: submission.periodStart ?? submission.receivedAt ?? submission.createdAt, end: submission.periodEnd || undefined },
      housingOrganisation: ownKind === 'housing-organisation' ? own?.id : parentOfDepartment,
      department: ownKind === 'housing-department' ? own?.id : undefined,
      companies,
      partners: ownKind === 'network' && own ? [own.id] : [],
      clips: clip ? [clip] : [],
      heroImage: photos[0],
      stage: 'submitted',
      sourceSubmission: submission.id,
      sourceCall: relationId(submission.call),
    } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })
  try {
    await payload.update({
      collection: 'submissions',
      id: submission.id,
      data: { story: story.id, status: 'accepted' },
      depth: 0,
      overrideAccess: true,
      req,
    })
  } catch (error) {
    await payload.delete({ collection: 'stories', id: story.id, overrideAccess: true, req }).catch(() => {})
    throw error
  }
  return story as Story
}
