import type { Organisation } from '../../payload-types'

/** Demo organisations. Networks and housing organisations are real names; companies are invented. */
export type OrganisationSeed = Omit<Organisation, 'id' | 'createdAt' | 'updatedAt' | 'parent' | 'slug'> & {
  slug: string
  parentSlug?: string
}

export const ORGANISATIONS: OrganisationSeed[] = [
  {
    slug: 'almennet',
    kind: 'network',
    name: 'AlmenNet',
    municipality: '101',
    website: 'https://almennet.dk',
    description: 'Netværk for almene boligorganisationer, der samarbejder om udvikling af den almene sektor.',
  },
  {
    slug: 'neighborhood-lab',
    kind: 'network',
    name: 'Neighborhood Lab',
    municipality: '101',
    description: 'Udvikler og afprøver nye måder at skabe liv og fællesskab i boligområder på.',
  },
  {
    slug: 'kab',
    kind: 'housing-organisation',
    name: 'KAB',
    municipality: '101',
    postcode: '2300',
    website: 'https://www.kab-bolig.dk',
    description: 'Administrerer almene boliger i hovedstadsområdet.',
    contactEmail: 'demo-kab@example.dk',
  },
  {
    slug: 'himmerland-boligforening',
    kind: 'housing-organisation',
    name: 'Himmerland Boligforening',
    municipality: '851',
    postcode: '9220',
    website: 'https://www.himmerland.dk',
    description: 'Almen boligforening i Aalborg.',
    contactEmail: 'demo-himmerland@example.dk',
  },
  {
    slug: 'kab-tingbjerg',
    kind: 'housing-department',
    name: 'KAB – afdeling Tingbjerg',
    parentSlug: 'kab',
    municipality: '101',
    postcode: '2700',
  },
  {
    slug: 'himmerland-kildeparken',
    kind: 'housing-department',
    name: 'Himmerland – afdeling Kildeparken',
    parentSlug: 'himmerland-boligforening',
    municipality: '851',
    postcode: '9220',
  },
  {
    slug: 'cykelvaerkstedet-vest-aps',
    kind: 'company',
    name: 'Cykelværkstedet Vest ApS',
    cvr: '41852963',
    municipality: '101',
    postcode: '2700',
    description: 'Reparerer og sælger brugte cykler.',
    contactEmail: 'demo-cykel@example.dk',
  },
  {
    slug: 'nordlys-elektronik-a-s',
    kind: 'company',
    name: 'Nordlys Elektronik A/S',
    cvr: '39174628',
    municipality: '101',
    description: 'Istandsætter brugt elektronik til gensalg.',
  },
  {
    slug: 'tekstilhuset-aalborg-aps',
    kind: 'company',
    name: 'Tekstilhuset Aalborg ApS',
    cvr: '42736185',
    municipality: '851',
    bCorp: true,
    description: 'B Corp-certificeret virksomhed, der upcycler tekstiler.',
  },
  {
    slug: 'byg-og-bo-entreprise-a-s',
    kind: 'company',
    name: 'Byg & Bo Entreprise A/S',
    cvr: '37591824',
    municipality: '851',
    description: 'Bygge- og renoveringsvirksomhed med lokale lærepladser.',
  },
]
