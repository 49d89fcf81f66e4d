/** Plain validators shared by collections and, later, the public submission endpoint. */

export const CVR_PATTERN = /^\d{8}$/
export const POSTCODE_PATTERN = /^\d{4}$/
// Deliberately simple: one @, no spaces, a dot in the domain. Real checking is the receipt mail.
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const isCvr = (value: string): boolean => CVR_PATTERN.test(value)

export const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
