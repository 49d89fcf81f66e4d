/**
 * The dashboard's "what needs doing" panel (WorkDashboard.tsx), as Payload custom translations read
 * with `t('workDashboard:<key>')`: one language per text. Keys ending in `_one` / `_other` are
 * chosen by `count`.
 */
export const workDashboardTranslations = {
  da: {
    workDashboard: {
      heading: 'Det skal gøres',
      submissionsLine: 'Nye indsendelser',
      noOpenCalls: 'Ingen åbne indkaldelser.',
      newCount_one: '{{count}} ny',
      newCount_other: '{{count}} nye',
      deadlineToday: 'frist i dag ({{when}})',
      deadlineIn_one: 'frist om {{count}} dag ({{when}})',
      deadlineIn_other: 'frist om {{count}} dage ({{when}})',
      processingLine: 'Videoklip under behandling',
      status_queued: 'I kø',
      status_processing: 'Behandles',
      status_preview: 'Kan afspilles, flere versioner laves',
      failedLine: 'Videoklip, der fejlede',
      noReason: 'Ingen årsag angivet.',
      reprocess: 'Behandl igen',
      reprocessQueued: 'Sat i kø igen.',
      requestFailed: 'Det lykkedes ikke (HTTP {{status}}).',
      draftsLine: 'Historier i kladde',
      changedAt: 'ændret {{when}}',
      scheduledLine: 'Planlagt udgivelse',
      publishesAt: 'udgives {{when}}',
      withdrawnLine: 'Samtykker trukket tilbage de seneste 30 dage',
      withdrawnAt: 'trukket tilbage {{when}}',
      touchedStories: 'Berørte historier',
      none: 'Ingen.',
      showAll: 'vis alle ({{count}})',
    },
  },
  en: {
    workDashboard: {
      heading: 'What needs doing',
      submissionsLine: 'New submissions',
      noOpenCalls: 'No open calls.',
      newCount_one: '{{count}} new',
      newCount_other: '{{count}} new',
      deadlineToday: 'deadline today ({{when}})',
      deadlineIn_one: 'deadline in {{count}} day ({{when}})',
      deadlineIn_other: 'deadline in {{count}} days ({{when}})',
      processingLine: 'Clips processing',
      status_queued: 'Queued',
      status_processing: 'Processing',
      status_preview: 'Playable, more renditions on the way',
      failedLine: 'Clips that failed',
      noReason: 'No reason given.',
      reprocess: 'Process again',
      reprocessQueued: 'Queued again.',
      requestFailed: 'That did not work (HTTP {{status}}).',
      draftsLine: 'Stories in draft',
      changedAt: 'changed {{when}}',
      scheduledLine: 'Scheduled to publish',
      publishesAt: 'publishes {{when}}',
      withdrawnLine: 'Consents withdrawn in the last 30 days',
      withdrawnAt: 'withdrawn {{when}}',
      touchedStories: 'Stories affected',
      none: 'None.',
      showAll: 'show all ({{count}})',
    },
  },
}

type Keys = keyof (typeof workDashboardTranslations)['da']['workDashboard']
/** A key as asked for: plural forms by their stem (`newCount`, chosen by `count`). */
type StemOf<Key> = Key extends `${infer Stem}_one` ? Stem : Key extends `${infer Stem}_other` ? Stem : Key
export type WorkDashboardKey = StemOf<Keys>
