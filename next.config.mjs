import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm test` type-checks the whole project (tests included) with tsc; Next's own check
  // during `next build` would only repeat it.
  typescript: { ignoreBuildErrors: true },
  // The express server (src/server/) and Next share one Payload instance: keep Payload's
  // server packages external in production too, so both load the very same modules.
  serverExternalPackages: [
    'payload',
    '@payloadcms/db-sqlite',
    '@payloadcms/db-mongodb',
    '@payloadcms/drizzle',
    '@payloadcms/graphql',
    'sharp',
  ],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
