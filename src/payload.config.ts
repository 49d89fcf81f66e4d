import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { da } from '@payloadcms/translations/languages/da'
import { en } from '@payloadcms/translations/languages/en'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { jobsAccess } from './access/jobs'
import { AgreementDocuments } from './collections/AgreementDocuments'
import { AgreementReminders } from './collections/AgreementReminders'
import { AgreementReviews } from './collections/AgreementReviews'
import { Agreements } from './collections/Agreements'
import { Attempts } from './collections/Attempts'
import { Calls } from './collections/Calls'
import { Clips } from './collections/Clips'
import { ConsentDocuments } from './collections/ConsentDocuments'
import { Media } from './collections/Media'
import { Organisations } from './collections/Organisations'
import { Stories } from './collections/Stories'
import { Submissions } from './collections/Submissions'
import { Users } from './collections/Users'
import { readEnv } from './config/env'
import { resolveSecret } from './config/secret'
import { databaseAdapter } from './db'
import { answerBusyWith503 } from './db/busy'
import { fileTooLargeInLanguage, fileTooLargeMessage } from './server/fileTooLarge'
import { payloadLogger } from './server/payloadLogger'
import { tempDirPath } from './jobs/tempFiles'
import { emailAdapter } from './email/adapter'
import { invalidatesPublicCache } from './public-api/cache'
import { sendSubmissionMailTask } from './email/task'
import { sendReviewReminderTask } from './agreements/reminders/task'
import { expireUploadsTask } from './uploads/expiryTask'
import { adminTranslations } from './components/admin/adminTranslations'
import { TIME_ZONE } from './lib/copenhagenTime'
import { refusesUnusableQueryValues } from './lib/queryValuesPlugin'
import { refusesMissingRelations } from './lib/relationsExistPlugin'
import { processClipTask } from './video/task'
import { mediaStoragePlugin } from './storage/payloadStorage'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const env = readEnv()

export default buildConfig({
  secret: resolveSecret(process.env, env.dataDir),
  // CSRF: a cookie-authenticated request is accepted only from our own origins; from any other
  // (another port or a sibling subdomain of the same site) Payload ignores the cookie. No
  // `serverURL`: it would make the admin call its API at PUBLIC_URL's host whatever host it
  // was opened on; absolute links (the password-reset mail) are built from PUBLIC_URL instead.
  csrf: env.trustedOrigins,
  telemetry: false,
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    components: {
      // What needs doing first (issue #15): it is the first thing an editor sees.
      beforeDashboard: ['/components/admin/WorkDashboard#WorkDashboard', '/components/admin/AgreementsDashboard#AgreementsDashboard'],
    },
    meta: { titleSuffix: ' · Business2Community Stories' },
    // Danish dates; no Gravatar: the admin must not call third parties about our editors.
    dateFormat: "d. MMMM yyyy 'kl.' HH:mm",
    avatar: 'default',
    timezones: {
      defaultTimezone: TIME_ZONE,
      supportedTimezones: [{ label: 'København', value: TIME_ZONE }],
    },
  },
  collections: [
    // What the public API shows: a change to any of these clears its rendered answers at once.
    ...[Stories, Clips, Organisations, Calls, Media].map(invalidatesPublicCache),
    Submissions,
    ConsentDocuments,
    // Agreements reach the public only as summaries: they clear the public answers too.
    ...[Agreements, AgreementReviews].map(invalidatesPublicCache),
    AgreementDocuments,
    AgreementReminders,
    Users,
    // The login throttle's and rate limits' ledger, shared by every web process.
    Attempts,
  ],
  // Content is Danish first; English falls back to Danish where it is not translated yet.
  localization: {
    locales: [
      { code: 'da', label: 'Dansk' },
      { code: 'en', label: 'English' },
    ],
    defaultLocale: 'da',
    fallback: true,
  },
  i18n: { supportedLanguages: { da, en }, fallbackLanguage: 'da', translations: adminTranslations },
  editor: lexicalEditor(),
  db: databaseAdapter(env.databaseUri),
  sharp,
  email: emailAdapter,
  upload: {
    // Payload's defaults (20 MiB a file, held in memory) would refuse or exhaust memory on
    // phone videos: stream to temporary files and allow UPLOAD_MAX_BYTES (2 GiB by default).
    useTempFiles: true,
    // One folder per process (pid in its name), so a crashed process's partial uploads are swept.
    tempFileDir: tempDirPath('b2c-uploads'),
    limits: { fileSize: env.uploadMaxBytes, files: 10, fields: 100 },
    requestSizeLimit: env.uploadMaxBytes + 16 * 1024 * 1024,
    abortOnLimit: true,
    responseOnLimit: fileTooLargeMessage('da'),
    uploadTimeout: 60 * 60 * 1000,
  },
  jobs: {
    tasks: [processClipTask, sendSubmissionMailTask, expireUploadsTask, sendReviewReminderTask],
    // Scheduled publishing runs on `default` by cron; transcoding on `video`, mail on `mail` and
    // the upload expiry on `housekeeping` are run by our own runners (src/jobs/queueRunner.ts),
    // which start a job the moment it is queued. RUN_JOBS=false leaves them to `npm run worker`.
    autoRun: env.runJobs ? [{ cron: '* * * * *', queue: 'default', limit: 10 }] : [],
    shouldAutoRun: () => readEnv().runJobs,
    // No HTTP user may run, queue or cancel jobs; the Local API our runners use overrides this.
    access: jobsAccess,
  },
  // A client's 4xx is an info line, never a stack trace; failed SQL is logged without its values.
  logger: payloadLogger,
  // A database that stayed locked is answered 503 and is no defect: a warning, no stack trace.
  loggingLevels: { DatabaseBusyError: 'warn' } as Record<string, 'warn'>,
  hooks: { afterError: [answerBusyWith503, fileTooLargeInLanguage] },
  // A `where` the database cannot use (text for a numeric id, an object, an invalid date) is a 400;
  // so is a relationship or upload id that does not exist, drafts included.
  // With S3_BUCKET, upload collections keep their files in the bucket (src/storage).
  plugins: [refusesUnusableQueryValues, refusesMissingRelations, mediaStoragePlugin()],
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
})
