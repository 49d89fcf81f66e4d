/** Editorial stage of a story (SPEC §4); independent of draft/published. */
export const STORY_STAGES = [
  { key: 'submitted', label: { da: 'Indsendt', en: 'Submitted' } },
  { key: 'visit-planned', label: { da: 'Besøg planlagt', en: 'Visit planned' } },
  { key: 'filming', label: { da: 'Optagelse', en: 'Filming' } },
  { key: 'editing', label: { da: 'Redigering', en: 'Editing' } },
  { key: 'ready', label: { da: 'Klar', en: 'Ready' } },
] as const

export const SUBMISSION_STATUSES = [
  { key: 'new', label: { da: 'Ny', en: 'New' } },
  { key: 'in-review', label: { da: 'Under behandling', en: 'In review' } },
  { key: 'accepted', label: { da: 'Accepteret', en: 'Accepted' } },
  { key: 'declined', label: { da: 'Afvist', en: 'Declined' } },
] as const

export const PROCESSING_STATUSES = [
  { key: 'queued', label: { da: 'I kø', en: 'Queued' } },
  { key: 'processing', label: { da: 'Behandles', en: 'Processing' } },
  // Playable at its first rendition while the rest of the ladder encodes (issue #12).
  { key: 'preview', label: { da: 'Kan afspilles (behandles)', en: 'Playable (processing)' } },
  { key: 'ready', label: { da: 'Klar', en: 'Ready' } },
  { key: 'failed', label: { da: 'Fejlet', en: 'Failed' } },
] as const

/** Statuses at which a clip has renditions to play: public and publishable (issue #12). */
export const PLAYABLE_STATUSES: readonly string[] = ['ready', 'preview']
