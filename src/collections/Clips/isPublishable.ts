import type { Bilingual } from '../../lib/bilingual'
import { PLAYABLE_STATUSES } from '../../constants/stages'

/** Why a clip may not (yet) be on a published story, or null when it may (SPEC §4, §6). */
export type ClipGateInput = {
  title?: string | null
  filename?: string | null
  processing?: { status?: string | null } | null
  consent?: { confirmed?: boolean | null; withdrawn?: boolean | null } | null
}

export const clipBlocker = (clip: ClipGateInput): Bilingual | null => {
  const title = clip.title || clip.filename
  const name = { da: `"${title || 'uden titel'}"`, en: `"${title || 'untitled'}"` }
  // Playable at its preview is enough: the rest of the ladder follows by itself (issue #12).
  if (!PLAYABLE_STATUSES.includes(clip.processing?.status ?? '')) {
    const status = clip.processing?.status
    return {
      da: `Klippet ${name.da} er ikke færdigbehandlet (${status ?? 'ukendt'})`,
      en: `The clip ${name.en} is not processed yet (${status ?? 'unknown'})`,
    }
  }
  if (clip.consent?.withdrawn) {
    return { da: `Samtykke til klippet ${name.da} er trukket tilbage`, en: `Consent to the clip ${name.en} was withdrawn` }
  }
  if (!clip.consent?.confirmed) {
    return { da: `Klippet ${name.da} mangler bekræftet samtykke`, en: `The clip ${name.en} lacks confirmed consent` }
  }
  return null
}
