import { PLAYABLE_STATUSES } from '../../constants/stages'

/** Why a clip may not (yet) be on a published story, or null when it may (SPEC §4, §6). */
export type ClipGateInput = {
  title?: string | null
  filename?: string | null
  processing?: { status?: string | null } | null
  consent?: { confirmed?: boolean | null; withdrawn?: boolean | null } | null
}

export const clipBlocker = (clip: ClipGateInput): string | null => {
  const name = `"${clip.title || clip.filename || 'uden titel'}"`
  // Playable at its preview is enough: the rest of the ladder follows by itself (issue #12).
  if (!PLAYABLE_STATUSES.includes(clip.processing?.status ?? '')) {
    return `Klippet ${name} er ikke færdigbehandlet (${clip.processing?.status ?? 'ukendt'}) / is not processed yet`
  }
  if (clip.consent?.withdrawn) return `Samtykke til klippet ${name} er trukket tilbage / consent was withdrawn`
  if (!clip.consent?.confirmed) return `Klippet ${name} mangler bekræftet samtykke / lacks confirmed consent`
  return null
}
