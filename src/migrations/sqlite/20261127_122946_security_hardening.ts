import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`clips\` ADD \`origin\` text DEFAULT 'staff';`)
  await db.run(sql`ALTER TABLE \`calls\` ADD \`video_max_minutes\` numeric DEFAULT 10;`)
  await db.run(sql`ALTER TABLE \`submissions\` ADD \`suggested_organisation_id\` integer REFERENCES organisations(id);`)
  await db.run(sql`CREATE INDEX \`submissions_suggested_organisation_idx\` ON \`submissions\` (\`suggested_organisation_id\`);`)
  // Clips a submission brought in are the anonymous ones: they go on the lower-priority queue.
  await db.run(sql`UPDATE \`clips\` SET \`origin\` = 'submission' WHERE \`id\` IN (SELECT \`video_id\` FROM \`submissions\` WHERE \`video_id\` IS NOT NULL);`)
  // Until now the typed organisation name linked a submission by itself, and such links cannot
  // be told apart from an editor's. A link that is exactly what the name matching made becomes
  // a suggestion, so no member keeps reading a submission a stranger addressed to them; links
  // an editor pointed elsewhere stay.
  await db.run(sql`UPDATE \`submissions\` SET \`suggested_organisation_id\` = \`organisation_id\`, \`organisation_id\` = NULL
    WHERE \`organisation_id\` IN (SELECT \`id\` FROM \`organisations\` WHERE lower(\`organisations\`.\`name\`) = lower(\`submissions\`.\`organisation_name\`));`)
  // Payload's per-account lock is replaced by a throttle per account and address (src/auth).
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`login_attempts\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`lock_until\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_submissions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`call_id\` integer NOT NULL,
  	\`organisation_name\` text NOT NULL,
  	\`organisation_kind\` text NOT NULL,
  	\`organisation_id\` integer,
  	\`contact_name\` text NOT NULL,
  	\`contact_email\` text NOT NULL,
  	\`contact_phone\` text,
  	\`partner_company_name\` text NOT NULL,
  	\`partner_company_cvr\` text,
  	\`title\` text NOT NULL,
  	\`description\` text NOT NULL,
  	\`results\` text,
  	\`municipality\` text,
  	\`period_start\` text,
  	\`period_end\` text,
  	\`video_id\` integer,
  	\`privacy_accepted\` integer,
  	\`may_contact\` integer DEFAULT false,
  	\`status\` text DEFAULT 'new' NOT NULL,
  	\`editor_notes\` text,
  	\`story_id\` integer,
  	\`received_at\` text,
  	\`mails_sent_receipt_sent_at\` text,
  	\`mails_sent_receipt_message_id\` text,
  	\`mails_sent_alert_sent_at\` text,
  	\`mails_sent_alert_message_id\` text,
  	\`mails_sent_declined_sent_at\` text,
  	\`mails_sent_declined_message_id\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`call_id\`) REFERENCES \`calls\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`video_id\`) REFERENCES \`clips\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`story_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_submissions\`("id", "call_id", "organisation_name", "organisation_kind", "organisation_id", "contact_name", "contact_email", "contact_phone", "partner_company_name", "partner_company_cvr", "title", "description", "results", "municipality", "period_start", "period_end", "video_id", "privacy_accepted", "may_contact", "status", "editor_notes", "story_id", "received_at", "mails_sent_receipt_sent_at", "mails_sent_receipt_message_id", "mails_sent_alert_sent_at", "mails_sent_alert_message_id", "mails_sent_declined_sent_at", "mails_sent_declined_message_id", "updated_at", "created_at") SELECT "id", "call_id", "organisation_name", "organisation_kind", "organisation_id", "contact_name", "contact_email", "contact_phone", "partner_company_name", "partner_company_cvr", "title", "description", "results", "municipality", "period_start", "period_end", "video_id", "privacy_accepted", "may_contact", "status", "editor_notes", "story_id", "received_at", "mails_sent_receipt_sent_at", "mails_sent_receipt_message_id", "mails_sent_alert_sent_at", "mails_sent_alert_message_id", "mails_sent_declined_sent_at", "mails_sent_declined_message_id", "updated_at", "created_at" FROM \`submissions\`;`)
  await db.run(sql`DROP TABLE \`submissions\`;`)
  await db.run(sql`ALTER TABLE \`__new_submissions\` RENAME TO \`submissions\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`submissions_call_idx\` ON \`submissions\` (\`call_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_organisation_idx\` ON \`submissions\` (\`organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_municipality_idx\` ON \`submissions\` (\`municipality\`);`)
  await db.run(sql`CREATE INDEX \`submissions_video_idx\` ON \`submissions\` (\`video_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_status_idx\` ON \`submissions\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`submissions_story_idx\` ON \`submissions\` (\`story_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_received_at_idx\` ON \`submissions\` (\`received_at\`);`)
  await db.run(sql`CREATE INDEX \`submissions_updated_at_idx\` ON \`submissions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`submissions_created_at_idx\` ON \`submissions\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`login_attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`lock_until\` text;`)
  await db.run(sql`ALTER TABLE \`clips\` DROP COLUMN \`origin\`;`)
  await db.run(sql`ALTER TABLE \`calls\` DROP COLUMN \`video_max_minutes\`;`)
}
