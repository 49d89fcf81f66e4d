import * as migration_20261126_230147_initial from './20261126_230147_initial';
import * as migration_20261127_000855_clips_captions_and_jobs from './20261127_000855_clips_captions_and_jobs';
import * as migration_20261127_013431_submissions_mail_and_private_media from './20261127_013431_submissions_mail_and_private_media';
import * as migration_20261127_023432_stories_published_order_index from './20261127_023432_stories_published_order_index';
import * as migration_20261127_094216_submissions_mails_sent from './20261127_094216_submissions_mails_sent';
import * as migration_20261127_122946_security_hardening from './20261127_122946_security_hardening';
import * as migration_20261127_211651_upload_prefix from './20261127_211651_upload_prefix';
import * as migration_20261128_010322_agreements from './20261128_010322_agreements';
import * as migration_20261128_011525_clip_stories_join from './20261128_011525_clip_stories_join';
import * as migration_20261128_040817_clip_failure_english from './20261128_040817_clip_failure_english';
import * as migration_20261128_044710_attempts from './20261128_044710_attempts';

export const migrations = [
  {
    up: migration_20261126_230147_initial.up,
    down: migration_20261126_230147_initial.down,
    name: '20261126_230147_initial',
  },
  {
    up: migration_20261127_000855_clips_captions_and_jobs.up,
    down: migration_20261127_000855_clips_captions_and_jobs.down,
    name: '20261127_000855_clips_captions_and_jobs',
  },
  {
    up: migration_20261127_013431_submissions_mail_and_private_media.up,
    down: migration_20261127_013431_submissions_mail_and_private_media.down,
    name: '20261127_013431_submissions_mail_and_private_media',
  },
  {
    up: migration_20261127_023432_stories_published_order_index.up,
    down: migration_20261127_023432_stories_published_order_index.down,
    name: '20261127_023432_stories_published_order_index',
  },
  {
    up: migration_20261127_094216_submissions_mails_sent.up,
    down: migration_20261127_094216_submissions_mails_sent.down,
    name: '20261127_094216_submissions_mails_sent',
  },
  {
    up: migration_20261127_122946_security_hardening.up,
    down: migration_20261127_122946_security_hardening.down,
    name: '20261127_122946_security_hardening',
  },
  {
    up: migration_20261127_211651_upload_prefix.up,
    down: migration_20261127_211651_upload_prefix.down,
    name: '20261127_211651_upload_prefix',
  },
  {
    up: migration_20261128_010322_agreements.up,
    down: migration_20261128_010322_agreements.down,
    name: '20261128_010322_agreements',
  },
  {
    up: migration_20261128_011525_clip_stories_join.up,
    down: migration_20261128_011525_clip_stories_join.down,
    name: '20261128_011525_clip_stories_join',
  },
  {
    up: migration_20261128_040817_clip_failure_english.up,
    down: migration_20261128_040817_clip_failure_english.down,
    name: '20261128_040817_clip_failure_english',
  },
  {
    up: migration_20261128_044710_attempts.up,
    down: migration_20261128_044710_attempts.down,
    name: '20261128_044710_attempts'
  },
];
