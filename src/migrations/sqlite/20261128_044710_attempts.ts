import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`attempts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`budget\` text NOT NULL,
  	\`key\` text NOT NULL,
  	\`at\` numeric NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`attempts_at_idx\` ON \`attempts\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`budget_key_at_idx\` ON \`attempts\` (\`budget\`,\`key\`,\`at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`attempts\`;`)
}
