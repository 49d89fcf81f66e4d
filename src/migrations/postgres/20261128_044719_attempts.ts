import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "attempts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"budget" varchar NOT NULL,
  	"key" varchar NOT NULL,
  	"at" numeric NOT NULL
  );
  
  CREATE INDEX "attempts_at_idx" ON "attempts" USING btree ("at");
  CREATE INDEX "budget_key_at_idx" ON "attempts" USING btree ("budget","key","at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "attempts" CASCADE;`)
}
