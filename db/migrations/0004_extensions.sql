-- Extensions both engines provide (PGlite loads them in db/client.ts; PostgreSQL ships them
-- in contrib): btree_gist for exclusion constraints on time ranges, pg_trgm and unaccent
-- for diacritic-insensitive search and for Polish-friendly sorting without ICU (PGlite has none).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
