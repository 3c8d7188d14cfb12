-- Streaming replicas (api/db/replicas.py): where the primary's log is, and how far a
-- replica has replayed it. Positions are WAL locations (pg_lsn: asyncpg reads an integer).

-- name: primary_position
-- After a write has committed: a position at or past its commit record.
SELECT pg_current_wal_lsn();

-- name: replica_status
-- How far this server has replayed its primary's log, and how old the last replayed
-- transaction is (0 when it has replayed all it received: an idle primary writes nothing to
-- catch up with). A server that is not a standby (one promoted, or named as a replica by
-- mistake) is as far as its own log and never behind.
SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()
            ELSE pg_current_wal_lsn() END AS replayed,
       CASE WHEN NOT pg_is_in_recovery()
                 OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())
       END::float8 AS lag_s;
