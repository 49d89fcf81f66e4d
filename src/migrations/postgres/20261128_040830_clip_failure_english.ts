import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Failure reasons in each language apart (issue #15): `processing_error` keeps the Danish,
 * `processing_error_en` gets the English. Reasons stored before were "Danish / English" joined;
 * they are split at the first " / " (no Danish reason of the pipeline holds one). A reason
 * without it (a raw error) stays as it was, without English.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "clips" ADD COLUMN "processing_error_en" varchar;`)
  await db.execute(sql`
   UPDATE "clips"
   SET "processing_error_en" = substr("processing_error", position(' / ' in "processing_error") + 3),
       "processing_error" = substr("processing_error", 1, position(' / ' in "processing_error") - 1)
   WHERE position(' / ' in "processing_error") > 0;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   UPDATE "clips" SET "processing_error" = "processing_error" || ' / ' || "processing_error_en"
   WHERE "processing_error" IS NOT NULL AND "processing_error_en" IS NOT NULL;`)
  await db.execute(sql`
   ALTER TABLE "clips" DROP COLUMN "processing_error_en";`)
}
