-- The changes log (GET /v1/changes), read in (xid, seq) order and only up to the oldest
-- running transaction: why, in sql/migrations/008_changes.sql. Both queries run in one
-- REPEATABLE READ transaction, so they share one snapshot.

-- name: changes_xmax
-- The next transaction id: every position this log has handed out lies below it.
SELECT pg_snapshot_xmax(pg_current_snapshot());

-- name: list_changes
-- Entries after the position (`xid`, `seq`), optionally of one entity; `limit` = page size + 1.
SELECT xid, seq, entity, id, op, merged_into, at
FROM changes
WHERE (xid, seq) > (:xid::xid8, :seq::bigint)
  AND xid < pg_snapshot_xmin(pg_current_snapshot())
  AND (:entity::text IS NULL OR entity = :entity)
ORDER BY xid, seq
LIMIT :limit;

-- name: changes_horizon
-- The position of the newest entry a reader may see now (none: the log is empty so far).
SELECT xid, seq
FROM changes
WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY xid DESC, seq DESC
LIMIT 1;
