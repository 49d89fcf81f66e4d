import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "clips" ADD COLUMN "prefix" varchar DEFAULT 'originals';
  ALTER TABLE "clips" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "media" ADD COLUMN "prefix" varchar DEFAULT 'images';
  ALTER TABLE "media" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "consent_documents" ADD COLUMN "prefix" varchar DEFAULT 'private/consent';
  ALTER TABLE "consent_documents" ADD COLUMN "_objectkey" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "clips" DROP COLUMN "prefix";
  ALTER TABLE "clips" DROP COLUMN "_objectkey";
  ALTER TABLE "media" DROP COLUMN "prefix";
  ALTER TABLE "media" DROP COLUMN "_objectkey";
  ALTER TABLE "consent_documents" DROP COLUMN "prefix";
  ALTER TABLE "consent_documents" DROP COLUMN "_objectkey";`)
}
