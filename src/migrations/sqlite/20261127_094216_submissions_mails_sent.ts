import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`submissions\` ADD \`mails_sent_receipt_sent_at\` text;`)
  await db.run(sql`ALTER TABLE \`submissions\` ADD \`mails_sent_receipt_message_id\` text;`)
  await db.run(sql`ALTER TABLE \`submissions\` ADD \`mails_sent_alert_sent_at\` text;`)
  await db.run(sql`ALTER TABLE \`submissions\` ADD \`mails_sent_alert_message_id\` text;`)
  await db.run(sql`ALTER TABLE \`submissions\` ADD \`mails_sent_declined_sent_at\` text;`)
  await db.run(sql`ALTER TABLE \`submissions\` ADD \`mails_sent_declined_message_id\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`submissions\` DROP COLUMN \`mails_sent_receipt_sent_at\`;`)
  await db.run(sql`ALTER TABLE \`submissions\` DROP COLUMN \`mails_sent_receipt_message_id\`;`)
  await db.run(sql`ALTER TABLE \`submissions\` DROP COLUMN \`mails_sent_alert_sent_at\`;`)
  await db.run(sql`ALTER TABLE \`submissions\` DROP COLUMN \`mails_sent_alert_message_id\`;`)
  await db.run(sql`ALTER TABLE \`submissions\` DROP COLUMN \`mails_sent_declined_sent_at\`;`)
  await db.run(sql`ALTER TABLE \`submissions\` DROP COLUMN \`mails_sent_declined_message_id\`;`)
}
