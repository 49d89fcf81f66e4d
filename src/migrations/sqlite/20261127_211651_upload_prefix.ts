import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`clips\` ADD \`prefix\` text DEFAULT 'originals';`)
  await db.run(sql`ALTER TABLE \`clips\` ADD \`_objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`prefix\` text DEFAULT 'images';`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`_objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`consent_documents\` ADD \`prefix\` text DEFAULT 'private/consent';`)
  await db.run(sql`ALTER TABLE \`consent_documents\` ADD \`_objectkey\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`clips\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`clips\` DROP COLUMN \`_objectkey\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`_objectkey\`;`)
  await db.run(sql`ALTER TABLE \`consent_documents\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`consent_documents\` DROP COLUMN \`_objectkey\`;`)
}
