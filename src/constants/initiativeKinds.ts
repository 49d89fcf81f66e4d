/** Kinds of initiative a collaboration consists of (SPEC §3). */
export const INITIATIVE_KINDS = [
  { key: 'jobs', label: { da: 'Job', en: 'Jobs' } },
  { key: 'job-training', label: { da: 'Praktik og jobtræning', en: 'Job training' } },
  { key: 'courses', label: { da: 'Kurser', en: 'Courses' } },
  { key: 'mentoring', label: { da: 'Mentorordning', en: 'Mentoring' } },
  { key: 'space', label: { da: 'Lokaler', en: 'Space' } },
  { key: 'open-facade', label: { da: 'Åben facade', en: 'Open facade' } },
  { key: 'activities', label: { da: 'Aktiviteter', en: 'Activities' } },
  { key: 'upcycling', label: { da: 'Upcycling', en: 'Upcycling' } },
  { key: 'association-support', label: { da: 'Støtte til foreninger', en: 'Support for associations' } },
  { key: 'other', label: { da: 'Andet', en: 'Other' } },
] as const

export type InitiativeKind = (typeof INITIATIVE_KINDS)[number]['key']
