import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // The stories' trigram indexes need pg_trgm; the adapter creates it on connect as well
  // (src/db/postgresTextSearch.ts), this keeps the migration complete on its own.
  await db.execute(sql`CREATE EXTENSION IF NOT EXISTS "pg_trgm";`)
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('da', 'en');
  CREATE TYPE "public"."enum_stories_themes" AS ENUM('safety', 'skills-and-jobs', 'sustainability', 'health', 'community');
  CREATE TYPE "public"."enum_stories_initiatives_kind" AS ENUM('jobs', 'job-training', 'courses', 'mentoring', 'space', 'open-facade', 'activities', 'upcycling', 'association-support', 'other');
  CREATE TYPE "public"."enum_stories_municipality" AS ENUM('101', '147', '151', '153', '155', '157', '159', '161', '163', '165', '167', '169', '173', '175', '183', '185', '187', '190', '201', '210', '217', '219', '223', '230', '240', '250', '253', '259', '260', '265', '269', '270', '306', '316', '320', '326', '329', '330', '336', '340', '350', '360', '370', '376', '390', '400', '410', '420', '430', '440', '450', '461', '479', '480', '482', '492', '510', '530', '540', '550', '561', '563', '573', '575', '580', '607', '615', '621', '630', '657', '661', '665', '671', '706', '707', '710', '727', '730', '740', '741', '746', '751', '756', '760', '766', '773', '779', '787', '791', '810', '813', '820', '825', '840', '846', '849', '851', '860');
  CREATE TYPE "public"."enum_stories_stage" AS ENUM('submitted', 'visit-planned', 'filming', 'editing', 'ready');
  CREATE TYPE "public"."enum_stories_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__stories_v_version_themes" AS ENUM('safety', 'skills-and-jobs', 'sustainability', 'health', 'community');
  CREATE TYPE "public"."enum__stories_v_version_initiatives_kind" AS ENUM('jobs', 'job-training', 'courses', 'mentoring', 'space', 'open-facade', 'activities', 'upcycling', 'association-support', 'other');
  CREATE TYPE "public"."enum__stories_v_version_municipality" AS ENUM('101', '147', '151', '153', '155', '157', '159', '161', '163', '165', '167', '169', '173', '175', '183', '185', '187', '190', '201', '210', '217', '219', '223', '230', '240', '250', '253', '259', '260', '265', '269', '270', '306', '316', '320', '326', '329', '330', '336', '340', '350', '360', '370', '376', '390', '400', '410', '420', '430', '440', '450', '461', '479', '480', '482', '492', '510', '530', '540', '550', '561', '563', '573', '575', '580', '607', '615', '621', '630', '657', '661', '665', '671', '706', '707', '710', '727', '730', '740', '741', '746', '751', '756', '760', '766', '773', '779', '787', '791', '810', '813', '820', '825', '840', '846', '849', '851', '860');
  CREATE TYPE "public"."enum__stories_v_version_stage" AS ENUM('submitted', 'visit-planned', 'filming', 'editing', 'ready');
  CREATE TYPE "public"."enum__stories_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__stories_v_published_locale" AS ENUM('da', 'en');
  CREATE TYPE "public"."enum_clips_captions_language" AS ENUM('da', 'en');
  CREATE TYPE "public"."enum_clips_consent_records_scope" AS ENUM('web', 'social-media');
  CREATE TYPE "public"."enum_clips_consent_records_role" AS ENUM('resident', 'employee', 'other');
  CREATE TYPE "public"."enum_clips_spoken_language" AS ENUM('da', 'en', 'other', 'none');
  CREATE TYPE "public"."enum_clips_processing_status" AS ENUM('queued', 'processing', 'preview', 'ready', 'failed');
  CREATE TYPE "public"."enum_clips_origin" AS ENUM('staff', 'submission');
  CREATE TYPE "public"."enum_organisations_kind" AS ENUM('housing-organisation', 'housing-department', 'company', 'network');
  CREATE TYPE "public"."enum_organisations_municipality" AS ENUM('101', '147', '151', '153', '155', '157', '159', '161', '163', '165', '167', '169', '173', '175', '183', '185', '187', '190', '201', '210', '217', '219', '223', '230', '240', '250', '253', '259', '260', '265', '269', '270', '306', '316', '320', '326', '329', '330', '336', '340', '350', '360', '370', '376', '390', '400', '410', '420', '430', '440', '450', '461', '479', '480', '482', '492', '510', '530', '540', '550', '561', '563', '573', '575', '580', '607', '615', '621', '630', '657', '661', '665', '671', '706', '707', '710', '727', '730', '740', '741', '746', '751', '756', '760', '766', '773', '779', '787', '791', '810', '813', '820', '825', '840', '846', '849', '851', '860');
  CREATE TYPE "public"."enum_calls_opensat_tz" AS ENUM('Europe/Copenhagen');
  CREATE TYPE "public"."enum_calls_deadline_tz" AS ENUM('Europe/Copenhagen');
  CREATE TYPE "public"."enum_submissions_themes" AS ENUM('safety', 'skills-and-jobs', 'sustainability', 'health', 'community');
  CREATE TYPE "public"."enum_submissions_organisation_kind" AS ENUM('housing-organisation', 'housing-department', 'company', 'network');
  CREATE TYPE "public"."enum_submissions_municipality" AS ENUM('101', '147', '151', '153', '155', '157', '159', '161', '163', '165', '167', '169', '173', '175', '183', '185', '187', '190', '201', '210', '217', '219', '223', '230', '240', '250', '253', '259', '260', '265', '269', '270', '306', '316', '320', '326', '329', '330', '336', '340', '350', '360', '370', '376', '390', '400', '410', '420', '430', '440', '450', '461', '479', '480', '482', '492', '510', '530', '540', '550', '561', '563', '573', '575', '580', '607', '615', '621', '630', '657', '661', '665', '671', '706', '707', '710', '727', '730', '740', '741', '746', '751', '756', '760', '766', '773', '779', '787', '791', '810', '813', '820', '825', '840', '846', '849', '851', '860');
  CREATE TYPE "public"."enum_submissions_status" AS ENUM('new', 'in-review', 'accepted', 'declined');
  CREATE TYPE "public"."enum_users_role" AS ENUM('admin', 'editor', 'member');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'processClip', 'sendSubmissionMail', 'expireUploads', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'processClip', 'sendSubmissionMail', 'expireUploads', 'schedulePublish');
  CREATE TABLE "stories_themes" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_stories_themes",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "stories_initiatives" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_stories_initiatives_kind"
  );
  
  CREATE TABLE "stories_initiatives_locales" (
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "stories_outcomes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"value" numeric
  );
  
  CREATE TABLE "stories_outcomes_locales" (
  	"label" varchar,
  	"unit" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "stories" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"housing_organisation_id" integer,
  	"department_id" integer,
  	"municipality" "enum_stories_municipality",
  	"period_start" timestamp(3) with time zone,
  	"period_end" timestamp(3) with time zone,
  	"hero_image_id" integer,
  	"stage" "enum_stories_stage" DEFAULT 'submitted',
  	"featured" boolean DEFAULT false,
  	"published_at" timestamp(3) with time zone,
  	"source_submission_id" integer,
  	"source_call_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_stories_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "stories_locales" (
  	"title" varchar,
  	"summary" varchar,
  	"body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "stories_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"organisations_id" integer,
  	"clips_id" integer
  );
  
  CREATE TABLE "_stories_v_version_themes" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__stories_v_version_themes",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_stories_v_version_initiatives" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum__stories_v_version_initiatives_kind",
  	"_uuid" varchar
  );
  
  CREATE TABLE "_stories_v_version_initiatives_locales" (
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_stories_v_version_outcomes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"value" numeric,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_stories_v_version_outcomes_locales" (
  	"label" varchar,
  	"unit" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_stories_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_housing_organisation_id" integer,
  	"version_department_id" integer,
  	"version_municipality" "enum__stories_v_version_municipality",
  	"version_period_start" timestamp(3) with time zone,
  	"version_period_end" timestamp(3) with time zone,
  	"version_hero_image_id" integer,
  	"version_stage" "enum__stories_v_version_stage" DEFAULT 'submitted',
  	"version_featured" boolean DEFAULT false,
  	"version_published_at" timestamp(3) with time zone,
  	"version_source_submission_id" integer,
  	"version_source_call_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__stories_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__stories_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_stories_v_locales" (
  	"version_title" varchar,
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_stories_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"organisations_id" integer,
  	"clips_id" integer
  );
  
  CREATE TABLE "clips_captions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"language" "enum_clips_captions_language" NOT NULL,
  	"label" varchar,
  	"vtt" varchar NOT NULL
  );
  
  CREATE TABLE "clips_consent_records_scope" (
  	"order" integer NOT NULL,
  	"parent_id" varchar NOT NULL,
  	"value" "enum_clips_consent_records_scope",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "clips_consent_records" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"person" varchar NOT NULL,
  	"role" "enum_clips_consent_records_role" DEFAULT 'resident' NOT NULL,
  	"given_at" timestamp(3) with time zone NOT NULL,
  	"withdrawn_at" timestamp(3) with time zone,
  	"document_id" integer
  );
  
  CREATE TABLE "clips_renditions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"url" varchar,
  	"width" numeric,
  	"height" numeric,
  	"bitrate" numeric,
  	"mime_type" varchar,
  	"size" numeric
  );
  
  CREATE TABLE "clips" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"story_id" integer,
  	"recorded_at" timestamp(3) with time zone,
  	"spoken_language" "enum_clips_spoken_language" DEFAULT 'da',
  	"consent_confirmed" boolean DEFAULT false,
  	"consent_withdrawn" boolean DEFAULT false,
  	"processing_status" "enum_clips_processing_status" DEFAULT 'queued',
  	"processing_progress" numeric DEFAULT 0,
  	"processing_error" varchar,
  	"origin" "enum_clips_origin" DEFAULT 'staff',
  	"probe_duration" numeric,
  	"probe_width" numeric,
  	"probe_height" numeric,
  	"probe_rotation" numeric,
  	"probe_video_codec" varchar,
  	"probe_audio_codec" varchar,
  	"probe_fps" numeric,
  	"probe_variable_frame_rate" boolean,
  	"probe_has_audio" boolean,
  	"probe_bitrate" numeric,
  	"hls_url" varchar,
  	"poster_id" integer,
  	"poster_at" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric
  );
  
  CREATE TABLE "clips_locales" (
  	"title" varchar,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "organisations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_organisations_kind" DEFAULT 'housing-organisation' NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"parent_id" integer,
  	"cvr" varchar,
  	"municipality" "enum_organisations_municipality",
  	"postcode" varchar,
  	"website" varchar,
  	"logo_id" integer,
  	"b_corp" boolean DEFAULT false,
  	"contact_email" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "organisations_locales" (
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "calls" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"opens_at" timestamp(3) with time zone NOT NULL,
  	"opensat_tz" "enum_calls_opensat_tz" DEFAULT 'Europe/Copenhagen' NOT NULL,
  	"deadline" timestamp(3) with time zone NOT NULL,
  	"deadline_tz" "enum_calls_deadline_tz" DEFAULT 'Europe/Copenhagen' NOT NULL,
  	"contact_name" varchar NOT NULL,
  	"contact_email" varchar NOT NULL,
  	"allow_video" boolean DEFAULT true,
  	"video_max_megabytes" numeric DEFAULT 500,
  	"video_max_minutes" numeric DEFAULT 10,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "calls_locales" (
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"credit" varchar,
  	"private" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_hero_url" varchar,
  	"sizes_hero_width" numeric,
  	"sizes_hero_height" numeric,
  	"sizes_hero_mime_type" varchar,
  	"sizes_hero_filesize" numeric,
  	"sizes_hero_filename" varchar
  );
  
  CREATE TABLE "media_locales" (
  	"alt" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "submissions_themes" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_submissions_themes",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "submissions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"call_id" integer NOT NULL,
  	"organisation_name" varchar NOT NULL,
  	"organisation_kind" "enum_submissions_organisation_kind" NOT NULL,
  	"organisation_id" integer,
  	"suggested_organisation_id" integer,
  	"contact_name" varchar NOT NULL,
  	"contact_email" varchar NOT NULL,
  	"contact_phone" varchar,
  	"partner_company_name" varchar NOT NULL,
  	"partner_company_cvr" varchar,
  	"title" varchar NOT NULL,
  	"description" varchar NOT NULL,
  	"results" varchar,
  	"municipality" "enum_submissions_municipality",
  	"period_start" timestamp(3) with time zone,
  	"period_end" timestamp(3) with time zone,
  	"video_id" integer,
  	"privacy_accepted" boolean,
  	"may_contact" boolean DEFAULT false,
  	"status" "enum_submissions_status" DEFAULT 'new' NOT NULL,
  	"editor_notes" varchar,
  	"story_id" integer,
  	"received_at" timestamp(3) with time zone,
  	"mails_sent_receipt_sent_at" timestamp(3) with time zone,
  	"mails_sent_receipt_message_id" varchar,
  	"mails_sent_alert_sent_at" timestamp(3) with time zone,
  	"mails_sent_alert_message_id" varchar,
  	"mails_sent_declined_sent_at" timestamp(3) with time zone,
  	"mails_sent_declined_message_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "submissions_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "consent_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"person" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"role" "enum_users_role" DEFAULT 'member' NOT NULL,
  	"organisation_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"stories_id" integer,
  	"clips_id" integer,
  	"organisations_id" integer,
  	"calls_id" integer,
  	"media_id" integer,
  	"submissions_id" integer,
  	"consent_documents_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "stories_themes" ADD CONSTRAINT "stories_themes_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "stories_initiatives" ADD CONSTRAINT "stories_initiatives_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "stories_initiatives_locales" ADD CONSTRAINT "stories_initiatives_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."stories_initiatives"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "stories_outcomes" ADD CONSTRAINT "stories_outcomes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "stories_outcomes_locales" ADD CONSTRAINT "stories_outcomes_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."stories_outcomes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "stories" ADD CONSTRAINT "stories_housing_organisation_id_organisations_id_fk" FOREIGN KEY ("housing_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stories" ADD CONSTRAINT "stories_department_id_organisations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stories" ADD CONSTRAINT "stories_hero_image_id_media_id_fk" FOREIGN KEY ("hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stories" ADD CONSTRAINT "stories_source_submission_id_submissions_id_fk" FOREIGN KEY ("source_submission_id") REFERENCES "public"."submissions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stories" ADD CONSTRAINT "stories_source_call_id_calls_id_fk" FOREIGN KEY ("source_call_id") REFERENCES "public"."calls"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stories_locales" ADD CONSTRAINT "stories_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "stories_rels" ADD CONSTRAINT "stories_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "stories_rels" ADD CONSTRAINT "stories_rels_organisations_fk" FOREIGN KEY ("organisations_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "stories_rels" ADD CONSTRAINT "stories_rels_clips_fk" FOREIGN KEY ("clips_id") REFERENCES "public"."clips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_stories_v_version_themes" ADD CONSTRAINT "_stories_v_version_themes_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_stories_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_stories_v_version_initiatives" ADD CONSTRAINT "_stories_v_version_initiatives_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_stories_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_stories_v_version_initiatives_locales" ADD CONSTRAINT "_stories_v_version_initiatives_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_stories_v_version_initiatives"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_stories_v_version_outcomes" ADD CONSTRAINT "_stories_v_version_outcomes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_stories_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_stories_v_version_outcomes_locales" ADD CONSTRAINT "_stories_v_version_outcomes_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_stories_v_version_outcomes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_stories_v" ADD CONSTRAINT "_stories_v_parent_id_stories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_stories_v" ADD CONSTRAINT "_stories_v_version_housing_organisation_id_organisations_id_fk" FOREIGN KEY ("version_housing_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_stories_v" ADD CONSTRAINT "_stories_v_version_department_id_organisations_id_fk" FOREIGN KEY ("version_department_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_stories_v" ADD CONSTRAINT "_stories_v_version_hero_image_id_media_id_fk" FOREIGN KEY ("version_hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_stories_v" ADD CONSTRAINT "_stories_v_version_source_submission_id_submissions_id_fk" FOREIGN KEY ("version_source_submission_id") REFERENCES "public"."submissions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_stories_v" ADD CONSTRAINT "_stories_v_version_source_call_id_calls_id_fk" FOREIGN KEY ("version_source_call_id") REFERENCES "public"."calls"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_stories_v_locales" ADD CONSTRAINT "_stories_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_stories_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_stories_v_rels" ADD CONSTRAINT "_stories_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_stories_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_stories_v_rels" ADD CONSTRAINT "_stories_v_rels_organisations_fk" FOREIGN KEY ("organisations_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_stories_v_rels" ADD CONSTRAINT "_stories_v_rels_clips_fk" FOREIGN KEY ("clips_id") REFERENCES "public"."clips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "clips_captions" ADD CONSTRAINT "clips_captions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."clips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "clips_consent_records_scope" ADD CONSTRAINT "clips_consent_records_scope_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."clips_consent_records"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "clips_consent_records" ADD CONSTRAINT "clips_consent_records_document_id_consent_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."consent_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "clips_consent_records" ADD CONSTRAINT "clips_consent_records_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."clips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "clips_renditions" ADD CONSTRAINT "clips_renditions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."clips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "clips" ADD CONSTRAINT "clips_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "clips" ADD CONSTRAINT "clips_poster_id_media_id_fk" FOREIGN KEY ("poster_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "clips_locales" ADD CONSTRAINT "clips_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."clips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "organisations" ADD CONSTRAINT "organisations_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "organisations_locales" ADD CONSTRAINT "organisations_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "calls_locales" ADD CONSTRAINT "calls_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_locales" ADD CONSTRAINT "media_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "submissions_themes" ADD CONSTRAINT "submissions_themes_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "submissions" ADD CONSTRAINT "submissions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "submissions" ADD CONSTRAINT "submissions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "submissions" ADD CONSTRAINT "submissions_suggested_organisation_id_organisations_id_fk" FOREIGN KEY ("suggested_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "submissions" ADD CONSTRAINT "submissions_video_id_clips_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."clips"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "submissions" ADD CONSTRAINT "submissions_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "submissions_rels" ADD CONSTRAINT "submissions_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "submissions_rels" ADD CONSTRAINT "submissions_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_stories_fk" FOREIGN KEY ("stories_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_clips_fk" FOREIGN KEY ("clips_id") REFERENCES "public"."clips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_organisations_fk" FOREIGN KEY ("organisations_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_calls_fk" FOREIGN KEY ("calls_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_submissions_fk" FOREIGN KEY ("submissions_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_consent_documents_fk" FOREIGN KEY ("consent_documents_id") REFERENCES "public"."consent_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "stories_themes_order_idx" ON "stories_themes" USING btree ("order");
  CREATE INDEX "stories_themes_parent_idx" ON "stories_themes" USING btree ("parent_id");
  CREATE INDEX "stories_initiatives_order_idx" ON "stories_initiatives" USING btree ("_order");
  CREATE INDEX "stories_initiatives_parent_id_idx" ON "stories_initiatives" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "stories_initiatives_locales_locale_parent_id_unique" ON "stories_initiatives_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "stories_outcomes_order_idx" ON "stories_outcomes" USING btree ("_order");
  CREATE INDEX "stories_outcomes_parent_id_idx" ON "stories_outcomes" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "stories_outcomes_locales_locale_parent_id_unique" ON "stories_outcomes_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "stories_slug_idx" ON "stories" USING btree ("slug");
  CREATE INDEX "stories_housing_organisation_idx" ON "stories" USING btree ("housing_organisation_id");
  CREATE INDEX "stories_department_idx" ON "stories" USING btree ("department_id");
  CREATE INDEX "stories_municipality_idx" ON "stories" USING btree ("municipality");
  CREATE INDEX "stories_hero_image_idx" ON "stories" USING btree ("hero_image_id");
  CREATE INDEX "stories_published_at_idx" ON "stories" USING btree ("published_at");
  CREATE INDEX "stories_source_submission_idx" ON "stories" USING btree ("source_submission_id");
  CREATE INDEX "stories_source_call_idx" ON "stories" USING btree ("source_call_id");
  CREATE INDEX "stories_updated_at_idx" ON "stories" USING btree ("updated_at");
  CREATE INDEX "stories_created_at_idx" ON "stories" USING btree ("created_at");
  CREATE INDEX "stories__status_idx" ON "stories" USING btree ("_status");
  CREATE INDEX "_status_publishedAt_createdAt_idx" ON "stories" USING btree ("_status","published_at","created_at");
  CREATE UNIQUE INDEX "stories_locales_locale_parent_id_unique" ON "stories_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "stories_locales_title_trgm_idx" ON "stories_locales" USING gin ("title" gin_trgm_ops);
  CREATE INDEX "stories_locales_summary_trgm_idx" ON "stories_locales" USING gin ("summary" gin_trgm_ops);
  CREATE INDEX "stories_rels_order_idx" ON "stories_rels" USING btree ("order");
  CREATE INDEX "stories_rels_parent_idx" ON "stories_rels" USING btree ("parent_id");
  CREATE INDEX "stories_rels_path_idx" ON "stories_rels" USING btree ("path");
  CREATE INDEX "stories_rels_organisations_id_idx" ON "stories_rels" USING btree ("organisations_id");
  CREATE INDEX "stories_rels_clips_id_idx" ON "stories_rels" USING btree ("clips_id");
  CREATE INDEX "_stories_v_version_themes_order_idx" ON "_stories_v_version_themes" USING btree ("order");
  CREATE INDEX "_stories_v_version_themes_parent_idx" ON "_stories_v_version_themes" USING btree ("parent_id");
  CREATE INDEX "_stories_v_version_initiatives_order_idx" ON "_stories_v_version_initiatives" USING btree ("_order");
  CREATE INDEX "_stories_v_version_initiatives_parent_id_idx" ON "_stories_v_version_initiatives" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_stories_v_version_initiatives_locales_locale_parent_id_uniq" ON "_stories_v_version_initiatives_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_stories_v_version_outcomes_order_idx" ON "_stories_v_version_outcomes" USING btree ("_order");
  CREATE INDEX "_stories_v_version_outcomes_parent_id_idx" ON "_stories_v_version_outcomes" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_stories_v_version_outcomes_locales_locale_parent_id_unique" ON "_stories_v_version_outcomes_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_stories_v_parent_idx" ON "_stories_v" USING btree ("parent_id");
  CREATE INDEX "_stories_v_version_version_slug_idx" ON "_stories_v" USING btree ("version_slug");
  CREATE INDEX "_stories_v_version_version_housing_organisation_idx" ON "_stories_v" USING btree ("version_housing_organisation_id");
  CREATE INDEX "_stories_v_version_version_department_idx" ON "_stories_v" USING btree ("version_department_id");
  CREATE INDEX "_stories_v_version_version_municipality_idx" ON "_stories_v" USING btree ("version_municipality");
  CREATE INDEX "_stories_v_version_version_hero_image_idx" ON "_stories_v" USING btree ("version_hero_image_id");
  CREATE INDEX "_stories_v_version_version_published_at_idx" ON "_stories_v" USING btree ("version_published_at");
  CREATE INDEX "_stories_v_version_version_source_submission_idx" ON "_stories_v" USING btree ("version_source_submission_id");
  CREATE INDEX "_stories_v_version_version_source_call_idx" ON "_stories_v" USING btree ("version_source_call_id");
  CREATE INDEX "_stories_v_version_version_updated_at_idx" ON "_stories_v" USING btree ("version_updated_at");
  CREATE INDEX "_stories_v_version_version_created_at_idx" ON "_stories_v" USING btree ("version_created_at");
  CREATE INDEX "_stories_v_version_version__status_idx" ON "_stories_v" USING btree ("version__status");
  CREATE INDEX "_stories_v_created_at_idx" ON "_stories_v" USING btree ("created_at");
  CREATE INDEX "_stories_v_updated_at_idx" ON "_stories_v" USING btree ("updated_at");
  CREATE INDEX "_stories_v_snapshot_idx" ON "_stories_v" USING btree ("snapshot");
  CREATE INDEX "_stories_v_published_locale_idx" ON "_stories_v" USING btree ("published_locale");
  CREATE INDEX "_stories_v_latest_idx" ON "_stories_v" USING btree ("latest");
  CREATE INDEX "version__status_version_publishedAt_version_createdAt_idx" ON "_stories_v" USING btree ("version__status","version_published_at","version_created_at");
  CREATE UNIQUE INDEX "_stories_v_locales_locale_parent_id_unique" ON "_stories_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_stories_v_rels_order_idx" ON "_stories_v_rels" USING btree ("order");
  CREATE INDEX "_stories_v_rels_parent_idx" ON "_stories_v_rels" USING btree ("parent_id");
  CREATE INDEX "_stories_v_rels_path_idx" ON "_stories_v_rels" USING btree ("path");
  CREATE INDEX "_stories_v_rels_organisations_id_idx" ON "_stories_v_rels" USING btree ("organisations_id");
  CREATE INDEX "_stories_v_rels_clips_id_idx" ON "_stories_v_rels" USING btree ("clips_id");
  CREATE INDEX "clips_captions_order_idx" ON "clips_captions" USING btree ("_order");
  CREATE INDEX "clips_captions_parent_id_idx" ON "clips_captions" USING btree ("_parent_id");
  CREATE INDEX "clips_consent_records_scope_order_idx" ON "clips_consent_records_scope" USING btree ("order");
  CREATE INDEX "clips_consent_records_scope_parent_idx" ON "clips_consent_records_scope" USING btree ("parent_id");
  CREATE INDEX "clips_consent_records_order_idx" ON "clips_consent_records" USING btree ("_order");
  CREATE INDEX "clips_consent_records_parent_id_idx" ON "clips_consent_records" USING btree ("_parent_id");
  CREATE INDEX "clips_consent_records_document_idx" ON "clips_consent_records" USING btree ("document_id");
  CREATE INDEX "clips_renditions_order_idx" ON "clips_renditions" USING btree ("_order");
  CREATE INDEX "clips_renditions_parent_id_idx" ON "clips_renditions" USING btree ("_parent_id");
  CREATE INDEX "clips_story_idx" ON "clips" USING btree ("story_id");
  CREATE INDEX "clips_consent_consent_withdrawn_idx" ON "clips" USING btree ("consent_withdrawn");
  CREATE INDEX "clips_processing_processing_status_idx" ON "clips" USING btree ("processing_status");
  CREATE INDEX "clips_poster_idx" ON "clips" USING btree ("poster_id");
  CREATE INDEX "clips_updated_at_idx" ON "clips" USING btree ("updated_at");
  CREATE INDEX "clips_created_at_idx" ON "clips" USING btree ("created_at");
  CREATE UNIQUE INDEX "clips_filename_idx" ON "clips" USING btree ("filename");
  CREATE UNIQUE INDEX "clips_locales_locale_parent_id_unique" ON "clips_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "organisations_slug_idx" ON "organisations" USING btree ("slug");
  CREATE INDEX "organisations_parent_idx" ON "organisations" USING btree ("parent_id");
  CREATE UNIQUE INDEX "organisations_cvr_idx" ON "organisations" USING btree ("cvr");
  CREATE INDEX "organisations_municipality_idx" ON "organisations" USING btree ("municipality");
  CREATE INDEX "organisations_logo_idx" ON "organisations" USING btree ("logo_id");
  CREATE INDEX "organisations_updated_at_idx" ON "organisations" USING btree ("updated_at");
  CREATE INDEX "organisations_created_at_idx" ON "organisations" USING btree ("created_at");
  CREATE UNIQUE INDEX "organisations_locales_locale_parent_id_unique" ON "organisations_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "calls_slug_idx" ON "calls" USING btree ("slug");
  CREATE INDEX "calls_updated_at_idx" ON "calls" USING btree ("updated_at");
  CREATE INDEX "calls_created_at_idx" ON "calls" USING btree ("created_at");
  CREATE UNIQUE INDEX "calls_locales_locale_parent_id_unique" ON "calls_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "media_private_idx" ON "media" USING btree ("private");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "media_sizes_hero_sizes_hero_filename_idx" ON "media" USING btree ("sizes_hero_filename");
  CREATE UNIQUE INDEX "media_locales_locale_parent_id_unique" ON "media_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "submissions_themes_order_idx" ON "submissions_themes" USING btree ("order");
  CREATE INDEX "submissions_themes_parent_idx" ON "submissions_themes" USING btree ("parent_id");
  CREATE INDEX "submissions_call_idx" ON "submissions" USING btree ("call_id");
  CREATE INDEX "submissions_organisation_idx" ON "submissions" USING btree ("organisation_id");
  CREATE INDEX "submissions_suggested_organisation_idx" ON "submissions" USING btree ("suggested_organisation_id");
  CREATE INDEX "submissions_municipality_idx" ON "submissions" USING btree ("municipality");
  CREATE INDEX "submissions_video_idx" ON "submissions" USING btree ("video_id");
  CREATE INDEX "submissions_status_idx" ON "submissions" USING btree ("status");
  CREATE INDEX "submissions_story_idx" ON "submissions" USING btree ("story_id");
  CREATE INDEX "submissions_received_at_idx" ON "submissions" USING btree ("received_at");
  CREATE INDEX "submissions_updated_at_idx" ON "submissions" USING btree ("updated_at");
  CREATE INDEX "submissions_created_at_idx" ON "submissions" USING btree ("created_at");
  CREATE INDEX "submissions_rels_order_idx" ON "submissions_rels" USING btree ("order");
  CREATE INDEX "submissions_rels_parent_idx" ON "submissions_rels" USING btree ("parent_id");
  CREATE INDEX "submissions_rels_path_idx" ON "submissions_rels" USING btree ("path");
  CREATE INDEX "submissions_rels_media_id_idx" ON "submissions_rels" USING btree ("media_id");
  CREATE INDEX "consent_documents_updated_at_idx" ON "consent_documents" USING btree ("updated_at");
  CREATE INDEX "consent_documents_created_at_idx" ON "consent_documents" USING btree ("created_at");
  CREATE UNIQUE INDEX "consent_documents_filename_idx" ON "consent_documents" USING btree ("filename");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_organisation_idx" ON "users" USING btree ("organisation_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_stories_id_idx" ON "payload_locked_documents_rels" USING btree ("stories_id");
  CREATE INDEX "payload_locked_documents_rels_clips_id_idx" ON "payload_locked_documents_rels" USING btree ("clips_id");
  CREATE INDEX "payload_locked_documents_rels_organisations_id_idx" ON "payload_locked_documents_rels" USING btree ("organisations_id");
  CREATE INDEX "payload_locked_documents_rels_calls_id_idx" ON "payload_locked_documents_rels" USING btree ("calls_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_submissions_id_idx" ON "payload_locked_documents_rels" USING btree ("submissions_id");
  CREATE INDEX "payload_locked_documents_rels_consent_documents_id_idx" ON "payload_locked_documents_rels" USING btree ("consent_documents_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "stories_themes" CASCADE;
  DROP TABLE "stories_initiatives" CASCADE;
  DROP TABLE "stories_initiatives_locales" CASCADE;
  DROP TABLE "stories_outcomes" CASCADE;
  DROP TABLE "stories_outcomes_locales" CASCADE;
  DROP TABLE "stories" CASCADE;
  DROP TABLE "stories_locales" CASCADE;
  DROP TABLE "stories_rels" CASCADE;
  DROP TABLE "_stories_v_version_themes" CASCADE;
  DROP TABLE "_stories_v_version_initiatives" CASCADE;
  DROP TABLE "_stories_v_version_initiatives_locales" CASCADE;
  DROP TABLE "_stories_v_version_outcomes" CASCADE;
  DROP TABLE "_stories_v_version_outcomes_locales" CASCADE;
  DROP TABLE "_stories_v" CASCADE;
  DROP TABLE "_stories_v_locales" CASCADE;
  DROP TABLE "_stories_v_rels" CASCADE;
  DROP TABLE "clips_captions" CASCADE;
  DROP TABLE "clips_consent_records_scope" CASCADE;
  DROP TABLE "clips_consent_records" CASCADE;
  DROP TABLE "clips_renditions" CASCADE;
  DROP TABLE "clips" CASCADE;
  DROP TABLE "clips_locales" CASCADE;
  DROP TABLE "organisations" CASCADE;
  DROP TABLE "organisations_locales" CASCADE;
  DROP TABLE "calls" CASCADE;
  DROP TABLE "calls_locales" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "media_locales" CASCADE;
  DROP TABLE "submissions_themes" CASCADE;
  DROP TABLE "submissions" CASCADE;
  DROP TABLE "submissions_rels" CASCADE;
  DROP TABLE "consent_documents" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum_stories_themes";
  DROP TYPE "public"."enum_stories_initiatives_kind";
  DROP TYPE "public"."enum_stories_municipality";
  DROP TYPE "public"."enum_stories_stage";
  DROP TYPE "public"."enum_stories_status";
  DROP TYPE "public"."enum__stories_v_version_themes";
  DROP TYPE "public"."enum__stories_v_version_initiatives_kind";
  DROP TYPE "public"."enum__stories_v_version_municipality";
  DROP TYPE "public"."enum__stories_v_version_stage";
  DROP TYPE "public"."enum__stories_v_version_status";
  DROP TYPE "public"."enum__stories_v_published_locale";
  DROP TYPE "public"."enum_clips_captions_language";
  DROP TYPE "public"."enum_clips_consent_records_scope";
  DROP TYPE "public"."enum_clips_consent_records_role";
  DROP TYPE "public"."enum_clips_spoken_language";
  DROP TYPE "public"."enum_clips_processing_status";
  DROP TYPE "public"."enum_clips_origin";
  DROP TYPE "public"."enum_organisations_kind";
  DROP TYPE "public"."enum_organisations_municipality";
  DROP TYPE "public"."enum_calls_opensat_tz";
  DROP TYPE "public"."enum_calls_deadline_tz";
  DROP TYPE "public"."enum_submissions_themes";
  DROP TYPE "public"."enum_submissions_organisation_kind";
  DROP TYPE "public"."enum_submissions_municipality";
  DROP TYPE "public"."enum_submissions_status";
  DROP TYPE "public"."enum_users_role";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
