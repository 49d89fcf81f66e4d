/**
 * Imported first by tests that need the app configured as an https site: PUBLIC_URL and
 * ADMIN_ORIGINS shape the config itself (CSRF origins, Secure cookie), so they must be set
 * before payload.config is loaded, not in the test body.
 */
export const OWN_ORIGIN = 'https://historier.example.dk'
export const ADMIN_ORIGIN = 'https://admin.example.dk'
process.env.PUBLIC_URL = OWN_ORIGIN
process.env.ADMIN_ORIGINS = ADMIN_ORIGIN
