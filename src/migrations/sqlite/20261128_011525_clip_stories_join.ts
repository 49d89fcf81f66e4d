import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_clips\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`recorded_at\` text,
  	\`spoken_language\` text DEFAULT 'da',
  	\`consent_confirmed\` integer DEFAULT false,
  	\`consent_withdrawn\` integer DEFAULT false,
  	\`processing_status\` text DEFAULT 'queued',
  	\`processing_progress\` numeric DEFAULT 0,
  	\`processing_error\` text,
  	\`origin\` text DEFAULT 'staff',
  	\`probe_duration\` numeric,
  	\`probe_width\` numeric,
  	\`probe_height\` numeric,
  	\`probe_rotation\` numeric,
  	\`probe_video_codec\` text,
  	\`probe_audio_codec\` text,
  	\`probe_fps\` numeric,
  	\`probe_variable_frame_rate\` integer,
  	\`probe_has_audio\` integer,
  	\`probe_bitrate\` numeric,
  	\`hls_url\` text,
  	\`poster_id\` integer,
  	\`poster_at\` numeric,
  	\`prefix\` text DEFAULT 'originals',
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
  	FOREIGN KEY (\`poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_clips\`("id", "recorded_at", "spoken_language", "consent_confirmed", "consent_withdrawn", "processing_status", "processing_progress", "processing_error", "origin", "probe_duration", "probe_width", "probe_height", "probe_rotation", "probe_video_codec", "probe_audio_codec", "probe_fps", "probe_variable_frame_rate", "probe_has_audio", "probe_bitrate", "hls_url", "poster_id", "poster_at", "prefix", "_objectkey", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height") SELECT "id", "recorded_at", "spoken_language", "consent_confirmed", "consent_withdrawn", "processing_status", "processing_progress", "processing_error", "origin", "probe_duration", "probe_width", "probe_height", "probe_rotation", "probe_video_codec", "probe_audio_codec", "probe_fps", "probe_variable_frame_rate", "probe_has_audio", "probe_bitrate", "hls_url", "poster_id", "poster_at", "prefix", "_objectkey", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height" FROM \`clips\`;`)
  await db.run(sql`DROP TABLE \`clips\`;`)
  await db.run(sql`ALTER TABLE \`__new_clips\` RENAME TO \`clips\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`clips_consent_consent_withdrawn_idx\` ON \`clips\` (\`consent_withdrawn\`);`)
  await db.run(sql`CREATE INDEX \`clips_processing_processing_status_idx\` ON \`clips\` (\`processing_status\`);`)
  await db.run(sql`CREATE INDEX \`clips_poster_idx\` ON \`clips\` (\`poster_id\`);`)
  await db.run(sql`CREATE INDEX \`clips_updated_at_idx\` ON \`clips\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`clips_created_at_idx\` ON \`clips\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`clips_filename_idx\` ON \`clips\` (\`filename\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`clips\` ADD \`story_id\` integer REFERENCES stories(id);`)
  await db.run(sql`CREATE INDEX \`clips_story_idx\` ON \`clips\` (\`story_id\`);`)
}
