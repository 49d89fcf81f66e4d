import path from 'node:path'

/** Where originals, renditions, posters and images live (SPEC §10 MEDIA_DIR). */
export const mediaDir = (): string => path.resolve(process.env.MEDIA_DIR?.trim() || './media')
