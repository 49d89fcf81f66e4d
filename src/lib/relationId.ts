/**
 * The id behind a relationship value, which Payload gives as the id itself (depth 0) or as the
 * related document (depth ≥ 1). Numbers on SQLite, strings on MongoDB: no caller cares which.
 */
export const relationId = (value: unknown): number | string | undefined => {
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: number | string }).id
  return typeof value === 'number' || typeof value === 'string' ? value : undefined
}
