import municipalities from '../data/municipalities.json' with { type: 'json' }

export type Municipality = { code: string; name: string; regionCode: string; region: string }

/** The 98 Danish municipalities, keyed by their official code (e.g. "101" København). */
export const MUNICIPALITIES: readonly Municipality[] = municipalities
export const MUNICIPALITY_CODES = new Set(MUNICIPALITIES.map((m) => m.code))
