/**
 * Payload and Next are ESM-only, so Jest runs our TypeScript as native ESM: @swc/jest strips
 * types without downlevelling modules, `.ts` files are treated as ESM, and `--experimental-vm-
 * modules` (set by `npm test`) lets Jest load ESM at all.
 */
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true, importAttributes: true },
          target: 'es2022',
          experimental: { keepImportAttributes: true, emitAssertForImportAttributes: false },
        },
        module: { type: 'es6' },
      },
    ],
  },
  // Our sources import without extensions; a `.js` suffix (TypeScript ESM style) maps back.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // node_modules stay untouched: Payload ships ESM that Node loads as it is.
  transformIgnorePatterns: ['/node_modules/'],
  setupFiles: ['<rootDir>/tests/setup/env.ts'],
  testTimeout: 120_000,
  // Each file boots its own Payload on its own SQLite file; two at a time suits 2 cores.
  maxWorkers: 2,
}
