import type { IndicatorKey } from '../../constants/indicators'
import type { InitiativeKind } from '../../constants/initiativeKinds'
import type { ThemeKey } from '../../constants/themes'

type Localized = { da: string; en: string }

export type StorySeed = {
  slug: string
  title: Localized
  summary: Localized
  body: string[]
  housingOrganisation: string
  department?: string
  companies: string[]
  partners?: string[]
  themes: ThemeKey[]
  initiatives: { kind: InitiativeKind; description: string }[]
  /** An indicator key where the outcome measures one of the catalogue's indicators (issue #14). */
  outcomes: { label: string; value: number; unit?: string; indicator?: IndicatorKey }[]
  municipality: string
  period: { start: string; end?: string }
  publishedAt: string
  featured?: boolean
}

/** Five demo stories that together cover all five themes and several initiative kinds. */
export const STORIES: StorySeed[] = [
  {
    slug: 'cykelvaerksted-i-kaelderen-giver-unge-job',
    title: { da: 'Cykelværksted i kælderen giver unge job', en: 'A bike workshop in the basement gives young people jobs' },
    summary: {
      da: 'I Tingbjerg har et lokalt cykelværksted lært 12 unge at reparere cykler. Fem har fået fast arbejde, og 340 kasserede cykler kører igen.',
      en: 'In Tingbjerg a local bike workshop has taught 12 young people to repair bikes. Five found steady jobs, and 340 discarded bikes ride again.',
    },
    body: [
      'Det begyndte med en fyldt cykelkælder og en virksomhed, der manglede hænder.',
      'Cykelværkstedet Vest flyttede ind i et tomt kælderlokale, og hver onsdag står unge fra afdelingen ved montrerne sammen med en mekaniker.',
      'Cyklerne, der før blev kørt på genbrugsstationen, sælges nu billigt til beboerne.',
    ],
    housingOrganisation: 'kab',
    department: 'kab-tingbjerg',
    companies: ['cykelvaerkstedet-vest-aps'],
    partners: ['neighborhood-lab'],
    themes: ['skills-and-jobs', 'sustainability'],
    initiatives: [
      { kind: 'job-training', description: 'Praktikforløb på 8 uger med fast mentor.' },
      { kind: 'upcycling', description: 'Kasserede cykler fra kældrene istandsættes.' },
      { kind: 'space', description: 'Afdelingen stiller kælderlokalet gratis til rådighed.' },
    ],
    outcomes: [
      { label: 'Unge i praktik', value: 12, unit: 'personer', indicator: 'residents-in-jobs' },
      { label: 'Fastansatte bagefter', value: 5, unit: 'personer' },
      { label: 'Cykler genbrugt', value: 340, unit: 'cykler', indicator: 'items-repaired' },
    ],
    municipality: '101',
    period: { start: '2023-02-01' },
    publishedAt: '2024-09-02T08:00:00.000Z',
    featured: true,
  },
  {
    slug: 'aaben-facade-goer-pladsen-tryg-om-aftenen',
    title: { da: 'Åben facade gør pladsen tryg om aftenen', en: 'An open facade makes the square feel safe at night' },
    summary: {
      da: 'Byg & Bo flyttede sin tegnestue ind i stueetagen ud mod pladsen i Kildeparken. Lys i vinduerne og aftenåbent værksted har ændret, hvordan pladsen føles.',
      en: 'Byg & Bo moved its drawing office to the ground floor facing the square in Kildeparken. Lit windows and an evening workshop changed how the square feels.',
    },
    body: [
      'Beboerne kaldte pladsen mørk og øde efter klokken 18.',
      'I dag er der lys i vinduerne til klokken 21, og to aftener om ugen er værkstedet åbent for alle.',
    ],
    housingOrganisation: 'himmerland-boligforening',
    department: 'himmerland-kildeparken',
    companies: ['byg-og-bo-entreprise-a-s'],
    partners: ['almennet'],
    themes: ['safety', 'community'],
    initiatives: [
      { kind: 'open-facade', description: 'Tegnestue med glasfacade ud mod pladsen.' },
      { kind: 'activities', description: 'Åbent værksted tirsdag og torsdag aften.' },
    ],
    outcomes: [
      { label: 'Beboere der føler sig trygge om aftenen', value: 71, unit: '%' },
      { label: 'Deltagere i aftenværkstedet', value: 45, unit: 'om måneden' },
    ],
    municipality: '851',
    period: { start: '2022-09-01', end: '2024-06-30' },
    publishedAt: '2024-10-14T08:00:00.000Z',
  },
  {
    slug: 'elektronik-faar-nyt-liv-og-beboere-nye-faerdigheder',
    title: { da: 'Elektronik får nyt liv – og beboere nye færdigheder', en: 'Electronics get a new life – and residents new skills' },
    summary: {
      da: 'Nordlys Elektronik holder gratis kurser i reparation af telefoner og computere. Deltagerne har istandsat over 200 apparater til naboerne.',
      en: 'Nordlys Elektronik runs free courses in repairing phones and computers. Participants have refurbished over 200 devices for their neighbours.',
    },
    body: [
      'Kurserne holdes i beboerhuset, og alle kan melde sig.',
      'Tre deltagere er siden blevet ansat i virksomhedens værksted.',
    ],
    housingOrganisation: 'kab',
    department: 'kab-tingbjerg',
    companies: ['nordlys-elektronik-a-s'],
    themes: ['sustainability', 'skills-and-jobs'],
    initiatives: [
      { kind: 'courses', description: 'Kursus i reparation af telefoner og computere, 6 aftener.' },
      { kind: 'upcycling', description: 'Istandsatte apparater gives til beboere, der mangler en computer.' },
      { kind: 'jobs', description: 'Tre deltagere ansat i værkstedet.' },
    ],
    outcomes: [
      { label: 'Apparater istandsat', value: 214, unit: 'stk.', indicator: 'items-repaired' },
      { label: 'Kursister', value: 38, unit: 'personer', indicator: 'participants' },
    ],
    municipality: '101',
    period: { start: '2023-08-15' },
    publishedAt: '2025-01-20T08:00:00.000Z',
  },
  {
    slug: 'motion-og-mentorer-i-kildeparken',
    title: { da: 'Motion og mentorer i Kildeparken', en: 'Exercise and mentors in Kildeparken' },
    summary: {
      da: 'Medarbejdere fra Tekstilhuset løber med beboerne hver lørdag og er mentorer for unge, der søger læreplads.',
      en: 'Staff from Tekstilhuset run with residents every Saturday and mentor young people looking for an apprenticeship.',
    },
    body: [
      'Løbeklubben startede med fire deltagere og har nu over tredive.',
      'Efter løbeturen er der morgenmad, og her opstod idéen om mentorordningen.',
    ],
    housingOrganisation: 'himmerland-boligforening',
    department: 'himmerland-kildeparken',
    companies: ['tekstilhuset-aalborg-aps'],
    themes: ['health', 'community'],
    initiatives: [
      { kind: 'activities', description: 'Fælles løbetur og morgenmad hver lørdag.' },
      { kind: 'mentoring', description: 'Ti medarbejdere er mentorer for unge.' },
    ],
    outcomes: [
      { label: 'Faste løbere', value: 32, unit: 'personer', indicator: 'participants' },
      { label: 'Unge med mentor', value: 10, unit: 'personer' },
    ],
    municipality: '851',
    period: { start: '2023-04-01' },
    publishedAt: '2025-03-03T08:00:00.000Z',
  },
  {
    slug: 'syvaerksted-skaber-faellesskab-paa-tvaers',
    title: { da: 'Syværksted skaber fællesskab på tværs', en: 'A sewing workshop builds community across generations' },
    summary: {
      da: 'Tekstilhuset Aalborg og beboerforeningen driver et syværksted, hvor kasseret tøj bliver til nye ting – og naboer lærer hinanden at kende.',
      en: 'Tekstilhuset Aalborg and the residents’ association run a sewing workshop where discarded clothes become new things – and neighbours get to know each other.',
    },
    body: [
      'Symaskinerne er doneret af virksomheden, og stoffet kommer fra afdelingens tøjcontainer.',
      'Foreningen har fået nye medlemmer i alle aldre.',
    ],
    housingOrganisation: 'himmerland-boligforening',
    department: 'himmerland-kildeparken',
    companies: ['tekstilhuset-aalborg-aps', 'byg-og-bo-entreprise-a-s'],
    partners: ['neighborhood-lab'],
    themes: ['community', 'sustainability', 'health'],
    initiatives: [
      { kind: 'upcycling', description: 'Kasseret tøj bliver til tasker, puder og legetøj.' },
      { kind: 'association-support', description: 'Virksomheden støtter beboerforeningen med maskiner og en instruktør.' },
    ],
    outcomes: [
      { label: 'Tekstiler genbrugt', value: 1200, unit: 'kg', indicator: 'kg-collected' },
      { label: 'Nye medlemmer i foreningen', value: 27, unit: 'personer' },
    ],
    municipality: '851',
    period: { start: '2024-01-10' },
    publishedAt: '2025-05-12T08:00:00.000Z',
  },
]
