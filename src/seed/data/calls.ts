import { fromCopenhagenTime } from '../../lib/copenhagenTime'

export type CallSeed = {
  slug: string
  title: { da: string; en: string }
  description: { da: string; en: string }
  opensAt: string
  deadline: string
  contactName: string
  contactEmail: string
  allowVideo: boolean
  videoMaxMegabytes: number
}

const DAY = 24 * 60 * 60 * 1000

/** The open call's window is relative to the first seeding, so the demo always has one open. */
const openWindow = (now: Date) => {
  const closes = new Date(now.getTime() + 120 * DAY).toISOString().slice(0, 10)
  const opens = new Date(now.getTime() - 14 * DAY).toISOString().slice(0, 10)
  return {
    opensAt: fromCopenhagenTime(`${opens}T00:00:00`).toISOString(),
    deadline: fromCopenhagenTime(`${closes}T23:59:59`).toISOString(),
  }
}

export const callSeeds = (now = new Date()): CallSeed[] => [
  {
    slug: 'succeshistorier-2024',
    title: { da: 'Succeshistorier 2024', en: 'Success stories 2024' },
    description: {
      da: 'Den første indkaldelse: del jeres samarbejde mellem boligafdeling og lokale virksomheder.',
      en: 'The first call: share your collaboration between a housing department and local companies.',
    },
    opensAt: fromCopenhagenTime('2024-03-01T00:00:00').toISOString(),
    // 24 May 2024, 23:59 Danish time: the whole last minute still counts.
    deadline: fromCopenhagenTime('2024-05-24T23:59:59').toISOString(),
    contactName: 'Neighborhood Lab',
    contactEmail: 'neighborhoodlab@example.dk',
    allowVideo: true,
    videoMaxMegabytes: 500,
  },
  {
    slug: 'succeshistorier-naeste-runde',
    title: { da: 'Succeshistorier – næste runde', en: 'Success stories – next round' },
    description: {
      da: 'Har jeres afdeling et godt samarbejde med en lokal virksomhed? Fortæl os om det, gerne med billeder og en kort video.',
      en: 'Does your department work well with a local company? Tell us about it, with photos and a short video if you like.',
    },
    ...openWindow(now),
    contactName: 'Neighborhood Lab',
    contactEmail: 'neighborhoodlab@example.dk',
    allowVideo: true,
    videoMaxMegabytes: 500,
  },
]
