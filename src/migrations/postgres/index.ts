import * as migration_20261127_184821_initial from './20261127_184821_initial';
import * as migration_20261127_211703_upload_prefix from './20261127_211703_upload_prefix';
import * as migration_20261128_010338_agreements from './20261128_010338_agreements';
import * as migration_20261128_011555_clip_stories_join from './20261128_011555_clip_stories_join';
import * as migration_20261128_040830_clip_failure_english from './20261128_040830_clip_failure_english';
import * as migration_20261128_044719_attempts from './20261128_044719_attempts';

export const migrations = [
  {
    up: migration_20261127_184821_initial.up,
    down: migration_20261127_184821_initial.down,
    name: '20261127_184821_initial',
  },
  {
    up: migration_20261127_211703_upload_prefix.up,
    down: migration_20261127_211703_upload_prefix.down,
    name: '20261127_211703_upload_prefix',
  },
  {
    up: migration_20261128_010338_agreements.up,
    down: migration_20261128_010338_agreements.down,
    name: '20261128_010338_agreements',
  },
  {
    up: migration_20261128_011555_clip_stories_join.up,
    down: migration_20261128_011555_clip_stories_join.down,
    name: '20261128_011555_clip_stories_join',
  },
  {
    up: migration_20261128_040830_clip_failure_english.up,
    down: migration_20261128_040830_clip_failure_english.down,
    name: '20261128_040830_clip_failure_english',
  },
  {
    up: migration_20261128_044719_attempts.up,
    down: migration_20261128_044719_attempts.down,
    name: '20261128_044719_attempts'
  },
];
