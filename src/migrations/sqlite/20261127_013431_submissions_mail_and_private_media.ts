import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`submissions\` ADD \`received_at\` text;`)
  await db.run(sql`CREATE INDEX \`submissions_received_at_idx\` ON \`submissions\` (\`received_at\`);`)
  // Submissions from before this field was added were received when they were created.
  await db.run(sql`UPDATE \`submissions\` SET \`received_at\` = \`created_at\` WHERE \`received_at\` IS NULL;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`private\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`media_private_idx\` ON \`media\` (\`private\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`submissions_received_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`submissions\` DROP COLUMN \`received_at\`;`)
  await db.run(sql`DROP INDEX \`media_private_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`private\`;`)
}
