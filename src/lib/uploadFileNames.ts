/** An upload document as far as its files go: the original and, for images, sharp's sizes. */
export type UploadFiles = { filename?: string | null; sizes?: unknown }

/** Every file name an upload document names in its collection's folder (original first). */
export const uploadFileNames = (doc: UploadFiles | null | undefined): string[] => {
  if (!doc) return []
  const sizes = Object.values((doc.sizes ?? {}) as Record<string, { filename?: string | null } | null>)
  return [doc.filename, ...sizes.map((size) => size?.filename)].filter((name): name is string => typeof name === 'string' && name !== '')
}
