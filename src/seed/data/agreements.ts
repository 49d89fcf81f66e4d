import { addDays, copenhagenToday, type Day } from '../../agreements/dates'
import type { IndicatorKey } from '../../constants/indicators'
import type { InitiativeKind } from '../../constants/initiativeKinds'
import type { ThemeKey } from '../../constants/themes'

type Target = { indicator: IndicatorKey; target: number; achieved?: number; nextTarget?: number }

export type AgreementSeed = {
  slug: string
  title: { da: string; en: string }
  purpose: { da: string; en: string }
  housingOrganisation: string
  departments: string[]
  companies: string[]
  partners?: string[]
  themes: ThemeKey[]
  municipality: string
  startDate: Day
  review: { month: number; day: number }
  /** `assessment`: what the held review said about the initiative. */
  initiatives: { kind: InitiativeKind; what: { da: string; en: string }; responsible?: string; targets: Target[]; assessment?: string }[]
  contacts: { name: string; email: string; organisation: string }[]
  stories: string[]
  publicSummary: boolean
  /** The review of the first year, held on its review day: achieved values and next year's targets. */
  heldReview?: { participants: string; decision: 'continue' | 'adjust' }
}

/**
 * A review day `offset` days from today, as a cadence every year has: days 29–31 become the 28th
 * (February has no later one), so the day lands up to three days earlier than asked.
 */
const cadenceAround = (today: Day, offset: number) => {
  const day = addDays(today, offset)
  return { day: Math.min(Number(day.slice(8, 10)), 28), month: Number(day.slice(5, 7)) }
}

/**
 * Two demo agreements (issue #14), dated from `now` so the demo looks the same whatever day it is
 * seeded: one whose first yearly review was held about two months ago (its next one is some ten
 * months away), and one whose first review falls 17–20 days from now. Each starts less than a
 * year before that first review day, so the cadence's first day after the start is that day.
 */
export const agreementSeeds = (now = new Date()): AgreementSeed[] => {
  const today = copenhagenToday(now)
  return [
    {
      slug: 'cykler-og-praktik-i-tingbjerg',
      title: { da: 'Cykler og praktik i Tingbjerg', en: 'Bikes and internships in Tingbjerg' },
      purpose: {
        da: 'Flere unge beboere i praktik og job, og færre kasserede cykler i kældrene.',
        en: 'More young residents in internships and jobs, and fewer discarded bikes in the basements.',
      },
      housingOrganisation: 'kab',
      departments: ['kab-tingbjerg'],
      companies: ['cykelvaerkstedet-vest-aps'],
      partners: ['neighborhood-lab'],
      themes: ['skills-and-jobs', 'sustainability'],
      municipality: '101',
      startDate: addDays(today, -400),
      review: cadenceAround(today, -60),
      initiatives: [
        {
          kind: 'job-training',
          what: {
            da: 'Praktikforløb på 8 uger med fast mentor for unge beboere.',
            en: 'Eight-week internships with a steady mentor for young residents.',
          },
          responsible: 'Cykelværkstedet Vest',
          targets: [{ indicator: 'residents-in-jobs', target: 10, achieved: 12, nextTarget: 14 }],
          assessment: 'Målet er nået; næste år skal flere piger med i forløbene.',
        },
        {
          kind: 'upcycling',
          what: {
            da: 'Kasserede cykler fra kældrene istandsættes og sælges billigt til beboerne.',
            en: 'Discarded bikes from the basements are repaired and sold cheaply to residents.',
          },
          responsible: 'Afdelingen og værkstedet sammen',
          targets: [{ indicator: 'items-repaired', target: 300, achieved: 340, nextTarget: 350 }],
          assessment: 'Flere cykler end aftalt; kælderen er ved at være tom.',
        },
      ],
      contacts: [
        { name: 'Demo Kontakt Tingbjerg', email: 'demo-tingbjerg@example.dk', organisation: 'kab-tingbjerg' },
        { name: 'Demo Kontakt Cykelværkstedet', email: 'demo-cykel@example.dk', organisation: 'cykelvaerkstedet-vest-aps' },
      ],
      stories: ['cykelvaerksted-i-kaelderen-giver-unge-job'],
      publicSummary: true,
      heldReview: {
        participants: 'Afdelingsbestyrelsen, værkstedets mekaniker og to praktikanter.',
        decision: 'adjust',
      },
    },
    {
      slug: 'faellesskab-og-genbrug-i-kildeparken',
      title: { da: 'Fællesskab og genbrug i Kildeparken', en: 'Community and reuse in Kildeparken' },
      purpose: {
        da: 'Et stærkere fællesskab på tværs af generationer, og tekstiler der bliver brugt igen.',
        en: 'A stronger community across generations, and textiles that are used again.',
      },
      housingOrganisation: 'himmerland-boligforening',
      departments: ['himmerland-kildeparken'],
      companies: ['tekstilhuset-aalborg-aps'],
      themes: ['community', 'sustainability', 'health'],
      municipality: '851',
      startDate: addDays(today, -300),
      review: cadenceAround(today, 20),
      initiatives: [
        {
          kind: 'activities',
          what: {
            da: 'Løbeklub og syværksted hver uge, åbne for alle beboere.',
            en: 'A running club and a sewing workshop every week, open to every resident.',
          },
          responsible: 'Tekstilhuset Aalborg',
          targets: [
            { indicator: 'participants', target: 40 },
            { indicator: 'events', target: 80 },
          ],
        },
        {
          kind: 'upcycling',
          what: {
            da: 'Tøj fra afdelingens container bliver til tasker, puder og legetøj.',
            en: 'Clothes from the department’s container become bags, cushions and toys.',
          },
          targets: [{ indicator: 'kg-collected', target: 1000 }],
        },
      ],
      contacts: [{ name: 'Demo Kontakt Tekstilhuset', email: 'demo-tekstil@example.dk', organisation: 'tekstilhuset-aalborg-aps' }],
      stories: ['motion-og-mentorer-i-kildeparken', 'syvaerksted-skaber-faellesskab-paa-tvaers'],
      publicSummary: false,
    },
  ]
}
