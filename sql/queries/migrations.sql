-- Bookkeeping of api/db/migrate.py: which numbered migrations have been applied, and which
-- text of sql/views.sql.

-- name: migration_lock
SELECT pg_advisory_lock(:lock_id);

-- name: migration_unlock
SELECT pg_advisory_unlock(:lock_id);

-- name: create_migrations_table
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- name: applied_migrations
SELECT version FROM schema_migrations;

-- name: record_migration
INSERT INTO schema_migrations (version, name) VALUES (:version, :name);

-- name: create_views_table
-- The SHA-256 of sql/views.sql as last applied (one row).
CREATE TABLE IF NOT EXISTS schema_views (
    one        boolean PRIMARY KEY DEFAULT true CHECK (one),
    sha256     text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- name: applied_views
SELECT sha256 FROM schema_views;

-- name: record_views
INSERT INTO schema_views (sha256) VALUES (:sha256)
ON CONFLICT (one) DO UPDATE SET sha256 = excluded.sha256, applied_at = now();
