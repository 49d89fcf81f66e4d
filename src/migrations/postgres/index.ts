import * as migration_20261127_184821_initial from './20261127_184821_initial';

export const migrations = [
  {
    up: migration_20261127_184821_initial.up,
    down: migration_20261127_184821_initial.down,
    name: '20261127_184821_initial'
  },
];
