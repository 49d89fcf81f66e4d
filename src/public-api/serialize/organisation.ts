import type { Organisation } from '../../payload-types'
import { MUNICIPALITIES } from '../../constants/municipalities'
import { publicImage, type PublicImage } from './media'

export type PublicMunicipality = { code: string; name: string } | null
export type OrganisationRef = { name: string; slug: string; kind: string; logo: PublicImage | null }

export const municipalityView = (code: string | null | undefined): PublicMunicipality => {
  const found = MUNICIPALITIES.find((m) => m.code === code)
  return found ? { code: found.code, name: found.name } : null
}

/** The public face of an organisation inside a story: never its contact e-mail or CVR. */
export const organisationRef = (org: Organisation): OrganisationRef => ({
  name: org.name,
  slug: org.slug ?? '',
  kind: org.kind,
  logo: publicImage(org.logo),
})

/** An organisation with its public fields (SPEC §2 minus the private contact e-mail). */
export const organisationView = (org: Organisation) => ({
  ...organisationRef(org),
  id: String(org.id),
  municipality: municipalityView(org.municipality),
  postcode: org.postcode ?? null,
  website: org.website ?? null,
  description: org.description ?? null,
  bCorp: Boolean(org.bCorp),
  parent: org.parent && typeof org.parent === 'object' ? organisationRef(org.parent) : null,
})
