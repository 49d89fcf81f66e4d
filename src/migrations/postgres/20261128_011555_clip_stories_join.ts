import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "clips" DROP CONSTRAINT "clips_story_id_stories_id_fk";
  
  DROP INDEX "clips_story_idx";
  ALTER TABLE "clips" DROP COLUMN "story_id";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "clips" ADD COLUMN "story_id" integer;
  ALTER TABLE "clips" ADD CONSTRAINT "clips_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "clips_story_idx" ON "clips" USING btree ("story_id");`)
}
