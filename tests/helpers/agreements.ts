import type { Payload } from 'payload'

import type { Agreement, Organisation } from '../../src/payload-types'

export type AgreementParties = {
  housing: Organisation
  department: Organisation
  company: Organisation
}

let counter = 0

/** A housing organisation, one of its departments and a company: the parties of an agreement. */
export const createParties = async (payload: Payload, name = `Part ${++counter}`): Promise<AgreementParties> => {
  const housing = await payload.create({ collection: 'organisations', data: { kind: 'housing-organisation', name: `${name} Bolig` } })
  const department = await payload.create({
    collection: 'organisations',
    data: { kind: 'housing-department', name: `${name} Afdeling`, parent: housing.id },
  })
  const company = await payload.create({
    collection: 'organisations',
    data: { kind: 'company', name: `${name} ApS`, cvr: String(10_000_000 + Math.floor(Math.random() * 89_999_999)) },
  })
  return { housing, department, company }
}

/**
 * An active agreement between the parties, reviewed yearly on `review` (month, day), with one
 * initiative targeting residents in jobs and one "other" indicator. Overrides win.
 */
export const createAgreement = async (
  payload: Payload,
  parties: AgreementParties,
  overrides: Partial<Agreement> & { review?: { month: number; day: number } } = {},
): Promise<Agreement> => {
  const { review = { month: 3, day: 15 }, ...data } = overrides
  return payload.create({
    collection: 'agreements',
    locale: 'da',
    data: {
      title: `Aftale ${++counter}`,
      purpose: 'Flere beboere i job, og et stærkere naboskab.',
      state: 'active',
      housingOrganisation: parties.housing.id,
      departments: [parties.department.id],
      companies: [parties.company.id],
      themes: ['skills-and-jobs'],
      municipality: '101',
      startDate: '2025-01-10',
      reviewMonth: String(review.month) as Agreement['reviewMonth'],
      reviewDay: review.day,
      initiatives: [
        {
          kind: 'job-training',
          what: 'Praktikpladser til unge beboere',
          responsible: 'Virksomheden',
          targets: [{ indicator: 'residents-in-jobs', target: 4 }],
        },
        {
          kind: 'upcycling',
          what: 'Reparationscafé',
          targets: [
            { indicator: 'items-repaired', target: 100 },
            { indicator: 'other', label: 'Cykler', unit: 'stk.', target: 10 },
          ],
        },
      ],
      contacts: [{ name: 'Kontakt', email: `kontakt${counter}@example.dk`, organisation: parties.company.id }],
      ...data,
    } as never,
  })
}
