import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_stories_outcomes_indicator" AS ENUM('residents-in-jobs', 'courses-held', 'participants', 'items-repaired', 'kg-collected', 'volunteer-hours', 'events', 'other');
  CREATE TYPE "public"."enum__stories_v_version_outcomes_indicator" AS ENUM('residents-in-jobs', 'courses-held', 'participants', 'items-repaired', 'kg-collected', 'volunteer-hours', 'events', 'other');
  CREATE TYPE "public"."enum_agreements_themes" AS ENUM('safety', 'skills-and-jobs', 'sustainability', 'health', 'community');
  CREATE TYPE "public"."enum_agreements_initiatives_targets_indicator" AS ENUM('residents-in-jobs', 'courses-held', 'participants', 'items-repaired', 'kg-collected', 'volunteer-hours', 'events', 'other');
  CREATE TYPE "public"."enum_agreements_initiatives_kind" AS ENUM('jobs', 'job-training', 'courses', 'mentoring', 'space', 'open-facade', 'activities', 'upcycling', 'association-support', 'other');
  CREATE TYPE "public"."enum_agreements_state" AS ENUM('draft', 'active', 'ended');
  CREATE TYPE "public"."enum_agreements_municipality" AS ENUM('101', '147', '151', '153', '155', '157', '159', '161', '163', '165', '167', '169', '173', '175', '183', '185', '187', '190', '201', '210', '217', '219', '223', '230', '240', '250', '253', '259', '260', '265', '269', '270', '306', '316', '320', '326', '329', '330', '336', '340', '350', '360', '370', '376', '390', '400', '410', '420', '430', '440', '450', '461', '479', '480', '482', '492', '510', '530', '540', '550', '561', '563', '573', '575', '580', '607', '615', '621', '630', '657', '661', '665', '671', '706', '707', '710', '727', '730', '740', '741', '746', '751', '756', '760', '766', '773', '779', '787', '791', '810', '813', '820', '825', '840', '846', '849', '851', '860');
  CREATE TYPE "public"."enum_agreements_review_month" AS ENUM('1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12');
  CREATE TYPE "public"."enum__agreements_v_version_themes" AS ENUM('safety', 'skills-and-jobs', 'sustainability', 'health', 'community');
  CREATE TYPE "public"."enum__agreements_v_version_initiatives_targets_indicator" AS ENUM('residents-in-jobs', 'courses-held', 'participants', 'items-repaired', 'kg-collected', 'volunteer-hours', 'events', 'other');
  CREATE TYPE "public"."enum__agreements_v_version_initiatives_kind" AS ENUM('jobs', 'job-training', 'courses', 'mentoring', 'space', 'open-facade', 'activities', 'upcycling', 'association-support', 'other');
  CREATE TYPE "public"."enum__agreements_v_version_state" AS ENUM('draft', 'active', 'ended');
  CREATE TYPE "public"."enum__agreements_v_version_municipality" AS ENUM('101', '147', '151', '153', '155', '157', '159', '161', '163', '165', '167', '169', '173', '175', '183', '185', '187', '190', '201', '210', '217', '219', '223', '230', '240', '250', '253', '259', '260', '265', '269', '270', '306', '316', '320', '326', '329', '330', '336', '340', '350', '360', '370', '376', '390', '400', '410', '420', '430', '440', '450', '461', '479', '480', '482', '492', '510', '530', '540', '550', '561', '563', '573', '575', '580', '607', '615', '621', '630', '657', '661', '665', '671', '706', '707', '710', '727', '730', '740', '741', '746', '751', '756', '760', '766', '773', '779', '787', '791', '810', '813', '820', '825', '840', '846', '849', '851', '860');
  CREATE TYPE "public"."enum__agreements_v_version_review_month" AS ENUM('1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12');
  CREATE TYPE "public"."enum_agreement_reviews_results_figures_indicator" AS ENUM('residents-in-jobs', 'courses-held', 'participants', 'items-repaired', 'kg-collected', 'volunteer-hours', 'events', 'other');
  CREATE TYPE "public"."enum_agreement_reviews_decision" AS ENUM('continue', 'adjust', 'end');
  CREATE TYPE "public"."enum__agreement_reviews_v_version_results_figures_indicator" AS ENUM('residents-in-jobs', 'courses-held', 'participants', 'items-repaired', 'kg-collected', 'volunteer-hours', 'events', 'other');
  CREATE TYPE "public"."enum__agreement_reviews_v_version_decision" AS ENUM('continue', 'adjust', 'end');
  CREATE TYPE "public"."enum_agreement_reminders_threshold" AS ENUM('before-30', 'before-7', 'overdue-1', 'overdue-2', 'overdue-3', 'overdue-4');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendReviewReminder' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendReviewReminder' BEFORE 'schedulePublish';
  CREATE TABLE "agreements_contacts" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"phone" varchar,
  	"organisation_id" integer
  );
  
  CREATE TABLE "agreements_themes" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_agreements_themes",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "agreements_initiatives_targets" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"indicator" "enum_agreements_initiatives_targets_indicator" NOT NULL,
  	"label" varchar,
  	"unit" varchar,
  	"target" numeric NOT NULL
  );
  
  CREATE TABLE "agreements_initiatives" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_agreements_initiatives_kind" NOT NULL,
  	"responsible" varchar
  );
  
  CREATE TABLE "agreements_initiatives_locales" (
  	"what" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "agreements" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"state" "enum_agreements_state" DEFAULT 'draft' NOT NULL,
  	"next_review_date" timestamp(3) with time zone,
  	"public_summary" boolean DEFAULT false,
  	"housing_organisation_id" integer NOT NULL,
  	"municipality" "enum_agreements_municipality" NOT NULL,
  	"start_date" timestamp(3) with time zone NOT NULL,
  	"end_date" timestamp(3) with time zone,
  	"review_month" "enum_agreements_review_month" NOT NULL,
  	"review_day" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "agreements_locales" (
  	"title" varchar NOT NULL,
  	"purpose" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "agreements_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"organisations_id" integer,
  	"stories_id" integer
  );
  
  CREATE TABLE "_agreements_v_version_contacts" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"phone" varchar,
  	"organisation_id" integer,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_agreements_v_version_themes" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__agreements_v_version_themes",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_agreements_v_version_initiatives_targets" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"indicator" "enum__agreements_v_version_initiatives_targets_indicator" NOT NULL,
  	"label" varchar,
  	"unit" varchar,
  	"target" numeric NOT NULL,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_agreements_v_version_initiatives" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum__agreements_v_version_initiatives_kind" NOT NULL,
  	"responsible" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_agreements_v_version_initiatives_locales" (
  	"what" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_agreements_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_state" "enum__agreements_v_version_state" DEFAULT 'draft' NOT NULL,
  	"version_next_review_date" timestamp(3) with time zone,
  	"version_public_summary" boolean DEFAULT false,
  	"version_housing_organisation_id" integer NOT NULL,
  	"version_municipality" "enum__agreements_v_version_municipality" NOT NULL,
  	"version_start_date" timestamp(3) with time zone NOT NULL,
  	"version_end_date" timestamp(3) with time zone,
  	"version_review_month" "enum__agreements_v_version_review_month" NOT NULL,
  	"version_review_day" numeric NOT NULL,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "_agreements_v_locales" (
  	"version_title" varchar NOT NULL,
  	"version_purpose" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_agreements_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"organisations_id" integer,
  	"stories_id" integer
  );
  
  CREATE TABLE "agreement_reviews_results_figures" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"indicator" "enum_agreement_reviews_results_figures_indicator" NOT NULL,
  	"label" varchar,
  	"unit" varchar,
  	"target" numeric,
  	"achieved" numeric,
  	"next_target" numeric
  );
  
  CREATE TABLE "agreement_reviews_results" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"initiative_id" varchar,
  	"initiative" varchar,
  	"assessment" varchar
  );
  
  CREATE TABLE "agreement_reviews" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"agreement_id" integer NOT NULL,
  	"year" numeric NOT NULL,
  	"held_on" timestamp(3) with time zone NOT NULL,
  	"participants" varchar,
  	"decision" "enum_agreement_reviews_decision" NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "_agreement_reviews_v_version_results_figures" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"indicator" "enum__agreement_reviews_v_version_results_figures_indicator" NOT NULL,
  	"label" varchar,
  	"unit" varchar,
  	"target" numeric,
  	"achieved" numeric,
  	"next_target" numeric,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_agreement_reviews_v_version_results" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"initiative_id" varchar,
  	"initiative" varchar,
  	"assessment" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_agreement_reviews_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_agreement_id" integer NOT NULL,
  	"version_year" numeric NOT NULL,
  	"version_held_on" timestamp(3) with time zone NOT NULL,
  	"version_participants" varchar,
  	"version_decision" "enum__agreement_reviews_v_version_decision" NOT NULL,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "agreement_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"agreement_id" integer NOT NULL,
  	"description" varchar,
  	"prefix" varchar DEFAULT 'private/agreements',
  	"_objectkey" varchar,
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
  
  CREATE TABLE "agreement_reminders" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"agreement_id" integer NOT NULL,
  	"year" numeric NOT NULL,
  	"threshold" "enum_agreement_reminders_threshold" NOT NULL,
  	"key" varchar NOT NULL,
  	"sent_at" timestamp(3) with time zone,
  	"message_id" varchar,
  	"skipped" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "agreement_reminders_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  ALTER TABLE "stories_outcomes" ADD COLUMN "indicator" "enum_stories_outcomes_indicator";
  ALTER TABLE "_stories_v_version_outcomes" ADD COLUMN "indicator" "enum__stories_v_version_outcomes_indicator";
  ALTER TABLE "users" ADD COLUMN "review_reminders" boolean DEFAULT true;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "agreements_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "agreement_reviews_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "agreement_documents_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "agreement_reminders_id" integer;
  ALTER TABLE "agreements_contacts" ADD CONSTRAINT "agreements_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "agreements_contacts" ADD CONSTRAINT "agreements_contacts_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "agreements_themes" ADD CONSTRAINT "agreements_themes_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "agreements_initiatives_targets" ADD CONSTRAINT "agreements_initiatives_targets_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."agreements_initiatives"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "agreements_initiatives" ADD CONSTRAINT "agreements_initiatives_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "agreements_initiatives_locales" ADD CONSTRAINT "agreements_initiatives_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."agreements_initiatives"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "agreements" ADD CONSTRAINT "agreements_housing_organisation_id_organisations_id_fk" FOREIGN KEY ("housing_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "agreements_locales" ADD CONSTRAINT "agreements_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "agreements_rels" ADD CONSTRAINT "agreements_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "agreements_rels" ADD CONSTRAINT "agreements_rels_organisations_fk" FOREIGN KEY ("organisations_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "agreements_rels" ADD CONSTRAINT "agreements_rels_stories_fk" FOREIGN KEY ("stories_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_agreements_v_version_contacts" ADD CONSTRAINT "_agreements_v_version_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_agreements_v_version_contacts" ADD CONSTRAINT "_agreements_v_version_contacts_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_agreements_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_agreements_v_version_themes" ADD CONSTRAINT "_agreements_v_version_themes_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_agreements_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_agreements_v_version_initiatives_targets" ADD CONSTRAINT "_agreements_v_version_initiatives_targets_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_agreements_v_version_initiatives"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_agreements_v_version_initiatives" ADD CONSTRAINT "_agreements_v_version_initiatives_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_agreements_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_agreements_v_version_initiatives_locales" ADD CONSTRAINT "_agreements_v_version_initiatives_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_agreements_v_version_initiatives"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_agreements_v" ADD CONSTRAINT "_agreements_v_parent_id_agreements_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agreements"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_agreements_v" ADD CONSTRAINT "_agreements_v_version_housing_organisation_id_organisations_id_fk" FOREIGN KEY ("version_housing_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_agreements_v_locales" ADD CONSTRAINT "_agreements_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_agreements_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_agreements_v_rels" ADD CONSTRAINT "_agreements_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_agreements_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_agreements_v_rels" ADD CONSTRAINT "_agreements_v_rels_organisations_fk" FOREIGN KEY ("organisations_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_agreements_v_rels" ADD CONSTRAINT "_agreements_v_rels_stories_fk" FOREIGN KEY ("stories_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "agreement_reviews_results_figures" ADD CONSTRAINT "agreement_reviews_results_figures_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."agreement_reviews_results"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "agreement_reviews_results" ADD CONSTRAINT "agreement_reviews_results_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."agreement_reviews"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "agreement_reviews" ADD CONSTRAINT "agreement_reviews_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_agreement_reviews_v_version_results_figures" ADD CONSTRAINT "_agreement_reviews_v_version_results_figures_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_agreement_reviews_v_version_results"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_agreement_reviews_v_version_results" ADD CONSTRAINT "_agreement_reviews_v_version_results_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_agreement_reviews_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_agreement_reviews_v" ADD CONSTRAINT "_agreement_reviews_v_parent_id_agreement_reviews_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agreement_reviews"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_agreement_reviews_v" ADD CONSTRAINT "_agreement_reviews_v_version_agreement_id_agreements_id_fk" FOREIGN KEY ("version_agreement_id") REFERENCES "public"."agreements"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "agreement_documents" ADD CONSTRAINT "agreement_documents_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "agreement_reminders" ADD CONSTRAINT "agreement_reminders_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "agreement_reminders_texts" ADD CONSTRAINT "agreement_reminders_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agreement_reminders"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "agreements_contacts_order_idx" ON "agreements_contacts" USING btree ("_order");
  CREATE INDEX "agreements_contacts_parent_id_idx" ON "agreements_contacts" USING btree ("_parent_id");
  CREATE INDEX "agreements_contacts_organisation_idx" ON "agreements_contacts" USING btree ("organisation_id");
  CREATE INDEX "agreements_themes_order_idx" ON "agreements_themes" USING btree ("order");
  CREATE INDEX "agreements_themes_parent_idx" ON "agreements_themes" USING btree ("parent_id");
  CREATE INDEX "agreements_initiatives_targets_order_idx" ON "agreements_initiatives_targets" USING btree ("_order");
  CREATE INDEX "agreements_initiatives_targets_parent_id_idx" ON "agreements_initiatives_targets" USING btree ("_parent_id");
  CREATE INDEX "agreements_initiatives_order_idx" ON "agreements_initiatives" USING btree ("_order");
  CREATE INDEX "agreements_initiatives_parent_id_idx" ON "agreements_initiatives" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "agreements_initiatives_locales_locale_parent_id_unique" ON "agreements_initiatives_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "agreements_slug_idx" ON "agreements" USING btree ("slug");
  CREATE INDEX "agreements_next_review_date_idx" ON "agreements" USING btree ("next_review_date");
  CREATE INDEX "agreements_housing_organisation_idx" ON "agreements" USING btree ("housing_organisation_id");
  CREATE INDEX "agreements_municipality_idx" ON "agreements" USING btree ("municipality");
  CREATE INDEX "agreements_updated_at_idx" ON "agreements" USING btree ("updated_at");
  CREATE INDEX "agreements_created_at_idx" ON "agreements" USING btree ("created_at");
  CREATE UNIQUE INDEX "agreements_locales_locale_parent_id_unique" ON "agreements_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "agreements_rels_order_idx" ON "agreements_rels" USING btree ("order");
  CREATE INDEX "agreements_rels_parent_idx" ON "agreements_rels" USING btree ("parent_id");
  CREATE INDEX "agreements_rels_path_idx" ON "agreements_rels" USING btree ("path");
  CREATE INDEX "agreements_rels_organisations_id_idx" ON "agreements_rels" USING btree ("organisations_id");
  CREATE INDEX "agreements_rels_stories_id_idx" ON "agreements_rels" USING btree ("stories_id");
  CREATE INDEX "_agreements_v_version_contacts_order_idx" ON "_agreements_v_version_contacts" USING btree ("_order");
  CREATE INDEX "_agreements_v_version_contacts_parent_id_idx" ON "_agreements_v_version_contacts" USING btree ("_parent_id");
  CREATE INDEX "_agreements_v_version_contacts_organisation_idx" ON "_agreements_v_version_contacts" USING btree ("organisation_id");
  CREATE INDEX "_agreements_v_version_themes_order_idx" ON "_agreements_v_version_themes" USING btree ("order");
  CREATE INDEX "_agreements_v_version_themes_parent_idx" ON "_agreements_v_version_themes" USING btree ("parent_id");
  CREATE INDEX "_agreements_v_version_initiatives_targets_order_idx" ON "_agreements_v_version_initiatives_targets" USING btree ("_order");
  CREATE INDEX "_agreements_v_version_initiatives_targets_parent_id_idx" ON "_agreements_v_version_initiatives_targets" USING btree ("_parent_id");
  CREATE INDEX "_agreements_v_version_initiatives_order_idx" ON "_agreements_v_version_initiatives" USING btree ("_order");
  CREATE INDEX "_agreements_v_version_initiatives_parent_id_idx" ON "_agreements_v_version_initiatives" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_agreements_v_version_initiatives_locales_locale_parent_id_u" ON "_agreements_v_version_initiatives_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_agreements_v_parent_idx" ON "_agreements_v" USING btree ("parent_id");
  CREATE INDEX "_agreements_v_version_version_slug_idx" ON "_agreements_v" USING btree ("version_slug");
  CREATE INDEX "_agreements_v_version_version_next_review_date_idx" ON "_agreements_v" USING btree ("version_next_review_date");
  CREATE INDEX "_agreements_v_version_version_housing_organisation_idx" ON "_agreements_v" USING btree ("version_housing_organisation_id");
  CREATE INDEX "_agreements_v_version_version_municipality_idx" ON "_agreements_v" USING btree ("version_municipality");
  CREATE INDEX "_agreements_v_version_version_updated_at_idx" ON "_agreements_v" USING btree ("version_updated_at");
  CREATE INDEX "_agreements_v_version_version_created_at_idx" ON "_agreements_v" USING btree ("version_created_at");
  CREATE INDEX "_agreements_v_created_at_idx" ON "_agreements_v" USING btree ("created_at");
  CREATE INDEX "_agreements_v_updated_at_idx" ON "_agreements_v" USING btree ("updated_at");
  CREATE UNIQUE INDEX "_agreements_v_locales_locale_parent_id_unique" ON "_agreements_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_agreements_v_rels_order_idx" ON "_agreements_v_rels" USING btree ("order");
  CREATE INDEX "_agreements_v_rels_parent_idx" ON "_agreements_v_rels" USING btree ("parent_id");
  CREATE INDEX "_agreements_v_rels_path_idx" ON "_agreements_v_rels" USING btree ("path");
  CREATE INDEX "_agreements_v_rels_organisations_id_idx" ON "_agreements_v_rels" USING btree ("organisations_id");
  CREATE INDEX "_agreements_v_rels_stories_id_idx" ON "_agreements_v_rels" USING btree ("stories_id");
  CREATE INDEX "agreement_reviews_results_figures_order_idx" ON "agreement_reviews_results_figures" USING btree ("_order");
  CREATE INDEX "agreement_reviews_results_figures_parent_id_idx" ON "agreement_reviews_results_figures" USING btree ("_parent_id");
  CREATE INDEX "agreement_reviews_results_order_idx" ON "agreement_reviews_results" USING btree ("_order");
  CREATE INDEX "agreement_reviews_results_parent_id_idx" ON "agreement_reviews_results" USING btree ("_parent_id");
  CREATE INDEX "agreement_reviews_agreement_idx" ON "agreement_reviews" USING btree ("agreement_id");
  CREATE INDEX "agreement_reviews_updated_at_idx" ON "agreement_reviews" USING btree ("updated_at");
  CREATE INDEX "agreement_reviews_created_at_idx" ON "agreement_reviews" USING btree ("created_at");
  CREATE UNIQUE INDEX "agreement_year_idx" ON "agreement_reviews" USING btree ("agreement_id","year");
  CREATE INDEX "_agreement_reviews_v_version_results_figures_order_idx" ON "_agreement_reviews_v_version_results_figures" USING btree ("_order");
  CREATE INDEX "_agreement_reviews_v_version_results_figures_parent_id_idx" ON "_agreement_reviews_v_version_results_figures" USING btree ("_parent_id");
  CREATE INDEX "_agreement_reviews_v_version_results_order_idx" ON "_agreement_reviews_v_version_results" USING btree ("_order");
  CREATE INDEX "_agreement_reviews_v_version_results_parent_id_idx" ON "_agreement_reviews_v_version_results" USING btree ("_parent_id");
  CREATE INDEX "_agreement_reviews_v_parent_idx" ON "_agreement_reviews_v" USING btree ("parent_id");
  CREATE INDEX "_agreement_reviews_v_version_version_agreement_idx" ON "_agreement_reviews_v" USING btree ("version_agreement_id");
  CREATE INDEX "_agreement_reviews_v_version_version_updated_at_idx" ON "_agreement_reviews_v" USING btree ("version_updated_at");
  CREATE INDEX "_agreement_reviews_v_version_version_created_at_idx" ON "_agreement_reviews_v" USING btree ("version_created_at");
  CREATE INDEX "_agreement_reviews_v_created_at_idx" ON "_agreement_reviews_v" USING btree ("created_at");
  CREATE INDEX "_agreement_reviews_v_updated_at_idx" ON "_agreement_reviews_v" USING btree ("updated_at");
  CREATE INDEX "version_agreement_version_year_idx" ON "_agreement_reviews_v" USING btree ("version_agreement_id","version_year");
  CREATE INDEX "agreement_documents_agreement_idx" ON "agreement_documents" USING btree ("agreement_id");
  CREATE INDEX "agreement_documents_updated_at_idx" ON "agreement_documents" USING btree ("updated_at");
  CREATE INDEX "agreement_documents_created_at_idx" ON "agreement_documents" USING btree ("created_at");
  CREATE UNIQUE INDEX "agreement_documents_filename_idx" ON "agreement_documents" USING btree ("filename");
  CREATE INDEX "agreement_reminders_agreement_idx" ON "agreement_reminders" USING btree ("agreement_id");
  CREATE UNIQUE INDEX "agreement_reminders_key_idx" ON "agreement_reminders" USING btree ("key");
  CREATE INDEX "agreement_reminders_updated_at_idx" ON "agreement_reminders" USING btree ("updated_at");
  CREATE INDEX "agreement_reminders_created_at_idx" ON "agreement_reminders" USING btree ("created_at");
  CREATE INDEX "agreement_reminders_texts_order_parent" ON "agreement_reminders_texts" USING btree ("order","parent_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_agreements_fk" FOREIGN KEY ("agreements_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_agreement_reviews_fk" FOREIGN KEY ("agreement_reviews_id") REFERENCES "public"."agreement_reviews"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_agreement_documents_fk" FOREIGN KEY ("agreement_documents_id") REFERENCES "public"."agreement_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_agreement_reminders_fk" FOREIGN KEY ("agreement_reminders_id") REFERENCES "public"."agreement_reminders"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_agreements_id_idx" ON "payload_locked_documents_rels" USING btree ("agreements_id");
  CREATE INDEX "payload_locked_documents_rels_agreement_reviews_id_idx" ON "payload_locked_documents_rels" USING btree ("agreement_reviews_id");
  CREATE INDEX "payload_locked_documents_rels_agreement_documents_id_idx" ON "payload_locked_documents_rels" USING btree ("agreement_documents_id");
  CREATE INDEX "payload_locked_documents_rels_agreement_reminders_id_idx" ON "payload_locked_documents_rels" USING btree ("agreement_reminders_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "agreements_contacts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "agreements_themes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "agreements_initiatives_targets" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "agreements_initiatives" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "agreements_initiatives_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "agreements" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "agreements_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "agreements_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_agreements_v_version_contacts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_agreements_v_version_themes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_agreements_v_version_initiatives_targets" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_agreements_v_version_initiatives" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_agreements_v_version_initiatives_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_agreements_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_agreements_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_agreements_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "agreement_reviews_results_figures" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "agreement_reviews_results" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "agreement_reviews" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_agreement_reviews_v_version_results_figures" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_agreement_reviews_v_version_results" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_agreement_reviews_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "agreement_documents" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "agreement_reminders" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "agreement_reminders_texts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "agreements_contacts" CASCADE;
  DROP TABLE "agreements_themes" CASCADE;
  DROP TABLE "agreements_initiatives_targets" CASCADE;
  DROP TABLE "agreements_initiatives" CASCADE;
  DROP TABLE "agreements_initiatives_locales" CASCADE;
  DROP TABLE "agreements" CASCADE;
  DROP TABLE "agreements_locales" CASCADE;
  DROP TABLE "agreements_rels" CASCADE;
  DROP TABLE "_agreements_v_version_contacts" CASCADE;
  DROP TABLE "_agreements_v_version_themes" CASCADE;
  DROP TABLE "_agreements_v_version_initiatives_targets" CASCADE;
  DROP TABLE "_agreements_v_version_initiatives" CASCADE;
  DROP TABLE "_agreements_v_version_initiatives_locales" CASCADE;
  DROP TABLE "_agreements_v" CASCADE;
  DROP TABLE "_agreements_v_locales" CASCADE;
  DROP TABLE "_agreements_v_rels" CASCADE;
  DROP TABLE "agreement_reviews_results_figures" CASCADE;
  DROP TABLE "agreement_reviews_results" CASCADE;
  DROP TABLE "agreement_reviews" CASCADE;
  DROP TABLE "_agreement_reviews_v_version_results_figures" CASCADE;
  DROP TABLE "_agreement_reviews_v_version_results" CASCADE;
  DROP TABLE "_agreement_reviews_v" CASCADE;
  DROP TABLE "agreement_documents" CASCADE;
  DROP TABLE "agreement_reminders" CASCADE;
  DROP TABLE "agreement_reminders_texts" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_agreements_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_agreement_reviews_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_agreement_documents_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_agreement_reminders_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'processClip', 'sendSubmissionMail', 'expireUploads', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'processClip', 'sendSubmissionMail', 'expireUploads', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_agreements_id_idx";
  DROP INDEX "payload_locked_documents_rels_agreement_reviews_id_idx";
  DROP INDEX "payload_locked_documents_rels_agreement_documents_id_idx";
  DROP INDEX "payload_locked_documents_rels_agreement_reminders_id_idx";
  ALTER TABLE "stories_outcomes" DROP COLUMN "indicator";
  ALTER TABLE "_stories_v_version_outcomes" DROP COLUMN "indicator";
  ALTER TABLE "users" DROP COLUMN "review_reminders";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "agreements_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "agreement_reviews_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "agreement_documents_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "agreement_reminders_id";
  DROP TYPE "public"."enum_stories_outcomes_indicator";
  DROP TYPE "public"."enum__stories_v_version_outcomes_indicator";
  DROP TYPE "public"."enum_agreements_themes";
  DROP TYPE "public"."enum_agreements_initiatives_targets_indicator";
  DROP TYPE "public"."enum_agreements_initiatives_kind";
  DROP TYPE "public"."enum_agreements_state";
  DROP TYPE "public"."enum_agreements_municipality";
  DROP TYPE "public"."enum_agreements_review_month";
  DROP TYPE "public"."enum__agreements_v_version_themes";
  DROP TYPE "public"."enum__agreements_v_version_initiatives_targets_indicator";
  DROP TYPE "public"."enum__agreements_v_version_initiatives_kind";
  DROP TYPE "public"."enum__agreements_v_version_state";
  DROP TYPE "public"."enum__agreements_v_version_municipality";
  DROP TYPE "public"."enum__agreements_v_version_review_month";
  DROP TYPE "public"."enum_agreement_reviews_results_figures_indicator";
  DROP TYPE "public"."enum_agreement_reviews_decision";
  DROP TYPE "public"."enum__agreement_reviews_v_version_results_figures_indicator";
  DROP TYPE "public"."enum__agreement_reviews_v_version_decision";
  DROP TYPE "public"."enum_agreement_reminders_threshold";`)
}
