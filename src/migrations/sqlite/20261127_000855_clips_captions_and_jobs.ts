import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// Caption rows from before this migration had no text; they get an empty one, which the
// editor is asked to fill in on the next save (the field is required).

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`clips_captions\` ADD \`vtt\` text NOT NULL DEFAULT '';`)
  await db.run(sql`ALTER TABLE \`clips_captions\` DROP COLUMN \`url\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`clips_captions\` ADD \`url\` text;`)
  await db.run(sql`ALTER TABLE \`clips_captions\` DROP COLUMN \`vtt\`;`)
}
