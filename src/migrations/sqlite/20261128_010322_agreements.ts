import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`agreements_contacts\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`email\` text NOT NULL,
  	\`phone\` text,
  	\`organisation_id\` integer,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`agreements\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`agreements_contacts_order_idx\` ON \`agreements_contacts\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`agreements_contacts_parent_id_idx\` ON \`agreements_contacts\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`agreements_contacts_organisation_idx\` ON \`agreements_contacts\` (\`organisation_id\`);`)
  await db.run(sql`CREATE TABLE \`agreements_themes\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`agreements\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`agreements_themes_order_idx\` ON \`agreements_themes\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`agreements_themes_parent_idx\` ON \`agreements_themes\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`agreements_initiatives_targets\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`indicator\` text NOT NULL,
  	\`label\` text,
  	\`unit\` text,
  	\`target\` numeric NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`agreements_initiatives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`agreements_initiatives_targets_order_idx\` ON \`agreements_initiatives_targets\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`agreements_initiatives_targets_parent_id_idx\` ON \`agreements_initiatives_targets\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`agreements_initiatives\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`responsible\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`agreements\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`agreements_initiatives_order_idx\` ON \`agreements_initiatives\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`agreements_initiatives_parent_id_idx\` ON \`agreements_initiatives\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`agreements_initiatives_locales\` (
  	\`what\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`agreements_initiatives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`agreements_initiatives_locales_locale_parent_id_unique\` ON \`agreements_initiatives_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`agreements\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`state\` text DEFAULT 'draft' NOT NULL,
  	\`next_review_date\` text,
  	\`public_summary\` integer DEFAULT false,
  	\`housing_organisation_id\` integer NOT NULL,
  	\`municipality\` text NOT NULL,
  	\`start_date\` text NOT NULL,
  	\`end_date\` text,
  	\`review_month\` text NOT NULL,
  	\`review_day\` numeric NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`housing_organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`agreements_slug_idx\` ON \`agreements\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`agreements_next_review_date_idx\` ON \`agreements\` (\`next_review_date\`);`)
  await db.run(sql`CREATE INDEX \`agreements_housing_organisation_idx\` ON \`agreements\` (\`housing_organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`agreements_municipality_idx\` ON \`agreements\` (\`municipality\`);`)
  await db.run(sql`CREATE INDEX \`agreements_updated_at_idx\` ON \`agreements\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`agreements_created_at_idx\` ON \`agreements\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`agreements_locales\` (
  	\`title\` text NOT NULL,
  	\`purpose\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`agreements\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`agreements_locales_locale_parent_id_unique\` ON \`agreements_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`agreements_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`organisations_id\` integer,
  	\`stories_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`agreements\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stories_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`agreements_rels_order_idx\` ON \`agreements_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`agreements_rels_parent_idx\` ON \`agreements_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`agreements_rels_path_idx\` ON \`agreements_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`agreements_rels_organisations_id_idx\` ON \`agreements_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`agreements_rels_stories_id_idx\` ON \`agreements_rels\` (\`stories_id\`);`)
  await db.run(sql`CREATE TABLE \`_agreements_v_version_contacts\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`email\` text NOT NULL,
  	\`phone\` text,
  	\`organisation_id\` integer,
  	\`_uuid\` text,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_agreements_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_agreements_v_version_contacts_order_idx\` ON \`_agreements_v_version_contacts\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_version_contacts_parent_id_idx\` ON \`_agreements_v_version_contacts\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_version_contacts_organisation_idx\` ON \`_agreements_v_version_contacts\` (\`organisation_id\`);`)
  await db.run(sql`CREATE TABLE \`_agreements_v_version_themes\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_agreements_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_agreements_v_version_themes_order_idx\` ON \`_agreements_v_version_themes\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_version_themes_parent_idx\` ON \`_agreements_v_version_themes\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_agreements_v_version_initiatives_targets\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`indicator\` text NOT NULL,
  	\`label\` text,
  	\`unit\` text,
  	\`target\` numeric NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_agreements_v_version_initiatives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_agreements_v_version_initiatives_targets_order_idx\` ON \`_agreements_v_version_initiatives_targets\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_version_initiatives_targets_parent_id_idx\` ON \`_agreements_v_version_initiatives_targets\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_agreements_v_version_initiatives\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`responsible\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_agreements_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_agreements_v_version_initiatives_order_idx\` ON \`_agreements_v_version_initiatives\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_version_initiatives_parent_id_idx\` ON \`_agreements_v_version_initiatives\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_agreements_v_version_initiatives_locales\` (
  	\`what\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_agreements_v_version_initiatives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_agreements_v_version_initiatives_locales_locale_parent_id_u\` ON \`_agreements_v_version_initiatives_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_agreements_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_state\` text DEFAULT 'draft' NOT NULL,
  	\`version_next_review_date\` text,
  	\`version_public_summary\` integer DEFAULT false,
  	\`version_housing_organisation_id\` integer NOT NULL,
  	\`version_municipality\` text NOT NULL,
  	\`version_start_date\` text NOT NULL,
  	\`version_end_date\` text,
  	\`version_review_month\` text NOT NULL,
  	\`version_review_day\` numeric NOT NULL,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`agreements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_housing_organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_agreements_v_parent_idx\` ON \`_agreements_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_version_version_slug_idx\` ON \`_agreements_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_version_version_next_review_date_idx\` ON \`_agreements_v\` (\`version_next_review_date\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_version_version_housing_organisation_idx\` ON \`_agreements_v\` (\`version_housing_organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_version_version_municipality_idx\` ON \`_agreements_v\` (\`version_municipality\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_version_version_updated_at_idx\` ON \`_agreements_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_version_version_created_at_idx\` ON \`_agreements_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_created_at_idx\` ON \`_agreements_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_updated_at_idx\` ON \`_agreements_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE TABLE \`_agreements_v_locales\` (
  	\`version_title\` text NOT NULL,
  	\`version_purpose\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_agreements_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_agreements_v_locales_locale_parent_id_unique\` ON \`_agreements_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_agreements_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`organisations_id\` integer,
  	\`stories_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_agreements_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stories_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_agreements_v_rels_order_idx\` ON \`_agreements_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_rels_parent_idx\` ON \`_agreements_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_rels_path_idx\` ON \`_agreements_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_rels_organisations_id_idx\` ON \`_agreements_v_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`_agreements_v_rels_stories_id_idx\` ON \`_agreements_v_rels\` (\`stories_id\`);`)
  await db.run(sql`CREATE TABLE \`agreement_reviews_results_figures\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`indicator\` text NOT NULL,
  	\`label\` text,
  	\`unit\` text,
  	\`target\` numeric,
  	\`achieved\` numeric,
  	\`next_target\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`agreement_reviews_results\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`agreement_reviews_results_figures_order_idx\` ON \`agreement_reviews_results_figures\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`agreement_reviews_results_figures_parent_id_idx\` ON \`agreement_reviews_results_figures\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`agreement_reviews_results\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`initiative_id\` text,
  	\`initiative\` text,
  	\`assessment\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`agreement_reviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`agreement_reviews_results_order_idx\` ON \`agreement_reviews_results\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`agreement_reviews_results_parent_id_idx\` ON \`agreement_reviews_results\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`agreement_reviews\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`agreement_id\` integer NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`held_on\` text NOT NULL,
  	\`participants\` text,
  	\`decision\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`agreement_id\`) REFERENCES \`agreements\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`agreement_reviews_agreement_idx\` ON \`agreement_reviews\` (\`agreement_id\`);`)
  await db.run(sql`CREATE INDEX \`agreement_reviews_updated_at_idx\` ON \`agreement_reviews\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`agreement_reviews_created_at_idx\` ON \`agreement_reviews\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`agreement_year_idx\` ON \`agreement_reviews\` (\`agreement_id\`,\`year\`);`)
  await db.run(sql`CREATE TABLE \`_agreement_reviews_v_version_results_figures\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`indicator\` text NOT NULL,
  	\`label\` text,
  	\`unit\` text,
  	\`target\` numeric,
  	\`achieved\` numeric,
  	\`next_target\` numeric,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_agreement_reviews_v_version_results\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_agreement_reviews_v_version_results_figures_order_idx\` ON \`_agreement_reviews_v_version_results_figures\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_agreement_reviews_v_version_results_figures_parent_id_idx\` ON \`_agreement_reviews_v_version_results_figures\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_agreement_reviews_v_version_results\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`initiative_id\` text,
  	\`initiative\` text,
  	\`assessment\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_agreement_reviews_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_agreement_reviews_v_version_results_order_idx\` ON \`_agreement_reviews_v_version_results\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_agreement_reviews_v_version_results_parent_id_idx\` ON \`_agreement_reviews_v_version_results\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_agreement_reviews_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_agreement_id\` integer NOT NULL,
  	\`version_year\` numeric NOT NULL,
  	\`version_held_on\` text NOT NULL,
  	\`version_participants\` text,
  	\`version_decision\` text NOT NULL,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`agreement_reviews\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_agreement_id\`) REFERENCES \`agreements\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_agreement_reviews_v_parent_idx\` ON \`_agreement_reviews_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_agreement_reviews_v_version_version_agreement_idx\` ON \`_agreement_reviews_v\` (\`version_agreement_id\`);`)
  await db.run(sql`CREATE INDEX \`_agreement_reviews_v_version_version_updated_at_idx\` ON \`_agreement_reviews_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_agreement_reviews_v_version_version_created_at_idx\` ON \`_agreement_reviews_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_agreement_reviews_v_created_at_idx\` ON \`_agreement_reviews_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_agreement_reviews_v_updated_at_idx\` ON \`_agreement_reviews_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`version_agreement_version_year_idx\` ON \`_agreement_reviews_v\` (\`version_agreement_id\`,\`version_year\`);`)
  await db.run(sql`CREATE TABLE \`agreement_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`agreement_id\` integer NOT NULL,
  	\`description\` text,
  	\`prefix\` text DEFAULT 'private/agreements',
  	\`_objectkey\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	FOREIGN KEY (\`agreement_id\`) REFERENCES \`agreements\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`agreement_documents_agreement_idx\` ON \`agreement_documents\` (\`agreement_id\`);`)
  await db.run(sql`CREATE INDEX \`agreement_documents_updated_at_idx\` ON \`agreement_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`agreement_documents_created_at_idx\` ON \`agreement_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`agreement_documents_filename_idx\` ON \`agreement_documents\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`agreement_reminders\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`agreement_id\` integer NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`threshold\` text NOT NULL,
  	\`key\` text NOT NULL,
  	\`sent_at\` text,
  	\`message_id\` text,
  	\`skipped\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`agreement_id\`) REFERENCES \`agreements\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`agreement_reminders_agreement_idx\` ON \`agreement_reminders\` (\`agreement_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`agreement_reminders_key_idx\` ON \`agreement_reminders\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`agreement_reminders_updated_at_idx\` ON \`agreement_reminders\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`agreement_reminders_created_at_idx\` ON \`agreement_reminders\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`agreement_reminders_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`agreement_reminders\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`agreement_reminders_texts_order_parent\` ON \`agreement_reminders_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`stories_outcomes\` ADD \`indicator\` text;`)
  await db.run(sql`ALTER TABLE \`_stories_v_version_outcomes\` ADD \`indicator\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`review_reminders\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`agreements_id\` integer REFERENCES agreements(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`agreement_reviews_id\` integer REFERENCES agreement_reviews(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`agreement_documents_id\` integer REFERENCES agreement_documents(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`agreement_reminders_id\` integer REFERENCES agreement_reminders(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_agreements_id_idx\` ON \`payload_locked_documents_rels\` (\`agreements_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_agreement_reviews_id_idx\` ON \`payload_locked_documents_rels\` (\`agreement_reviews_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_agreement_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`agreement_documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_agreement_reminders_id_idx\` ON \`payload_locked_documents_rels\` (\`agreement_reminders_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`agreements_contacts\`;`)
  await db.run(sql`DROP TABLE \`agreements_themes\`;`)
  await db.run(sql`DROP TABLE \`agreements_initiatives_targets\`;`)
  await db.run(sql`DROP TABLE \`agreements_initiatives\`;`)
  await db.run(sql`DROP TABLE \`agreements_initiatives_locales\`;`)
  await db.run(sql`DROP TABLE \`agreements\`;`)
  await db.run(sql`DROP TABLE \`agreements_locales\`;`)
  await db.run(sql`DROP TABLE \`agreements_rels\`;`)
  await db.run(sql`DROP TABLE \`_agreements_v_version_contacts\`;`)
  await db.run(sql`DROP TABLE \`_agreements_v_version_themes\`;`)
  await db.run(sql`DROP TABLE \`_agreements_v_version_initiatives_targets\`;`)
  await db.run(sql`DROP TABLE \`_agreements_v_version_initiatives\`;`)
  await db.run(sql`DROP TABLE \`_agreements_v_version_initiatives_locales\`;`)
  await db.run(sql`DROP TABLE \`_agreements_v\`;`)
  await db.run(sql`DROP TABLE \`_agreements_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_agreements_v_rels\`;`)
  await db.run(sql`DROP TABLE \`agreement_reviews_results_figures\`;`)
  await db.run(sql`DROP TABLE \`agreement_reviews_results\`;`)
  await db.run(sql`DROP TABLE \`agreement_reviews\`;`)
  await db.run(sql`DROP TABLE \`_agreement_reviews_v_version_results_figures\`;`)
  await db.run(sql`DROP TABLE \`_agreement_reviews_v_version_results\`;`)
  await db.run(sql`DROP TABLE \`_agreement_reviews_v\`;`)
  await db.run(sql`DROP TABLE \`agreement_documents\`;`)
  await db.run(sql`DROP TABLE \`agreement_reminders\`;`)
  await db.run(sql`DROP TABLE \`agreement_reminders_texts\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`stories_id\` integer,
  	\`clips_id\` integer,
  	\`organisations_id\` integer,
  	\`calls_id\` integer,
  	\`media_id\` integer,
  	\`submissions_id\` integer,
  	\`consent_documents_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stories_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`clips_id\`) REFERENCES \`clips\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`calls_id\`) REFERENCES \`calls\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`submissions_id\`) REFERENCES \`submissions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consent_documents_id\`) REFERENCES \`consent_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "stories_id", "clips_id", "organisations_id", "calls_id", "media_id", "submissions_id", "consent_documents_id", "users_id") SELECT "id", "order", "parent_id", "path", "stories_id", "clips_id", "organisations_id", "calls_id", "media_id", "submissions_id", "consent_documents_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_stories_id_idx\` ON \`payload_locked_documents_rels\` (\`stories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_clips_id_idx\` ON \`payload_locked_documents_rels\` (\`clips_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organisations_id_idx\` ON \`payload_locked_documents_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_calls_id_idx\` ON \`payload_locked_documents_rels\` (\`calls_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_submissions_id_idx\` ON \`payload_locked_documents_rels\` (\`submissions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consent_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`consent_documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`stories_outcomes\` DROP COLUMN \`indicator\`;`)
  await db.run(sql`ALTER TABLE \`_stories_v_version_outcomes\` DROP COLUMN \`indicator\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`review_reminders\`;`)
}
