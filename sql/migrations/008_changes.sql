-- The changes log behind GET /v1/changes: one entry per entity created, updated or deleted,
-- so a client can keep a copy in sync without crawling again. Filled by statement-level
-- triggers on the entity tables (one trigger call per statement, whatever its row count).
--
-- Order and visibility. Identity values are handed out when a row is inserted, but
-- transactions commit in another order: a reader that served `seq > N` could move past an
-- entry of a transaction still running and never see it once that commits. So every entry
-- records its transaction's id (`xid`), the log is read in (xid, seq) order, and a reader serves
-- only entries of transactions older than the oldest one still running
-- (`xid < pg_snapshot_xmin(pg_current_snapshot())`): all of those have ended, and every
-- transaction that writes later has a larger xid, so its entries land after any position
-- already served. (Reading in seq order with that filter would still skip: a transaction can
-- take its xid before another's yet write its entries after it.) The price: the feed trails
-- the oldest running write transaction, which here lasts milliseconds; one left open (an
-- idle psql session) holds the feed back until it ends, and loses nothing. Entries of one
-- transaction are adjacent and in statement order; transactions come in the order they began
-- writing, which for two transactions touching the same entity is not always the order they
-- committed, so an entry says "fetch this entity again", not what it now holds.
--
-- What an entry means, per entity (documented on the endpoint too):
-- * created / deleted: the entity's row was inserted / deleted, including deletions that
--   cascade (an article's quotes and claims) and actors dropped when no article involves
--   them any more. An actor absorbed by a merge is `deleted` with `merged_into` = survivor.
-- * updated: the entity's own stored fields changed (a row update that changes nothing is
--   not logged), for actors also their names (aliases). Fields derived from other entities
--   are not: counts, first/last seen, a place's latest controller, the name of a quote's
--   speaker embedded in the quote. They follow from the entries of the entities they come
--   from, and logging them would touch every actor an article names on every ingest.
-- * Within one transaction an entity is listed as updated at most once, and not at all
--   when it was created or already listed in that transaction.
--
-- Transaction ids never go back within a cluster (pg_upgrade keeps them), but restart in a
-- new one: after restoring a dump into a new cluster, run `UPDATE changes SET xid = '0'` once,
-- so that the restored entries come before new ones. A `since` at or past the next
-- transaction id answers 410 (sync again), which is what old cursors then get.
--
-- Retention: kept forever. Entries are small (about 160 bytes with the index; five or so
-- per article of the test fixtures, against kilobytes for the article itself), and the whole
-- log from the beginning is a full sync for a new client. Should it ever need bounding,
-- dropping every entry that a later entry of the same entity supersedes keeps that true.
-- TRUNCATE fires no triggers (only tests truncate).

CREATE TABLE changes (
    xid         xid8 NOT NULL DEFAULT pg_current_xact_id(),
    seq         bigint GENERATED ALWAYS AS IDENTITY,
    entity      text NOT NULL CHECK (entity IN ('article', 'actor', 'quote', 'claim', 'place')),
    id          text NOT NULL,
    op          text NOT NULL CHECK (op IN ('created', 'updated', 'deleted')),
    -- the survivor, when a merge absorbed this actor
    merged_into text,
    -- when the transaction that made the change began
    at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (xid, seq)
);

-- Entries for the rows of one statement on an entity table; TG_ARGV[0] names the entity.
CREATE FUNCTION log_entity_changes() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO changes (entity, id, op)
        SELECT TG_ARGV[0], n.id, 'created' FROM new_rows n ORDER BY n.id;
    ELSIF TG_OP = 'UPDATE' THEN
        -- `*=` compares the stored images, which works for every column type (point has no =)
        INSERT INTO changes (entity, id, op)
        SELECT TG_ARGV[0], t.id, 'updated'
        FROM (
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE NOT (n *= o)
            EXCEPT
            SELECT c.id FROM changes c WHERE c.xid = pg_current_xact_id() AND c.entity = TG_ARGV[0]
        ) t
        ORDER BY t.id;
    ELSE
        INSERT INTO changes (entity, id, op, merged_into)
        SELECT TG_ARGV[0], o.id, 'deleted',
               CASE WHEN TG_ARGV[0] = 'actor'
                    THEN (SELECT r.actor_id FROM actor_redirects r WHERE r.old_id = o.id) END
        FROM old_rows o
        ORDER BY o.id;
    END IF;
    RETURN NULL;
END
$$;

-- An actor's names changed: it is updated, unless it is gone (the aliases of a deleted actor
-- cascade) or already listed in this transaction (a new actor gets its names right away).
CREATE FUNCTION log_actor_name_changes() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO changes (entity, id, op)
    SELECT 'actor', t.id, 'updated'
    FROM (
        SELECT a.actor_id AS id FROM changed_names a
        EXCEPT
        SELECT c.id FROM changes c WHERE c.xid = pg_current_xact_id() AND c.entity = 'actor'
    ) t
    WHERE EXISTS (SELECT 1 FROM actors a WHERE a.id = t.id)
    ORDER BY t.id;
    RETURN NULL;
END
$$;

-- Three triggers a table: a trigger with transition tables may have only one event.
CREATE TRIGGER articles_created AFTER INSERT ON articles
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_entity_changes('article');
CREATE TRIGGER articles_updated AFTER UPDATE ON articles
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_entity_changes('article');
CREATE TRIGGER articles_deleted AFTER DELETE ON articles
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_entity_changes('article');

CREATE TRIGGER actors_created AFTER INSERT ON actors
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_entity_changes('actor');
CREATE TRIGGER actors_updated AFTER UPDATE ON actors
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_entity_changes('actor');
CREATE TRIGGER actors_deleted AFTER DELETE ON actors
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_entity_changes('actor');

CREATE TRIGGER actor_aliases_added AFTER INSERT ON actor_aliases
    REFERENCING NEW TABLE AS changed_names FOR EACH STATEMENT EXECUTE FUNCTION log_actor_name_changes();
CREATE TRIGGER actor_aliases_removed AFTER DELETE ON actor_aliases
    REFERENCING OLD TABLE AS changed_names FOR EACH STATEMENT EXECUTE FUNCTION log_actor_name_changes();

CREATE TRIGGER quotes_created AFTER INSERT ON quotes
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_entity_changes('quote');
CREATE TRIGGER quotes_updated AFTER UPDATE ON quotes
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_entity_changes('quote');
CREATE TRIGGER quotes_deleted AFTER DELETE ON quotes
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_entity_changes('quote');

CREATE TRIGGER claims_created AFTER INSERT ON claims
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_entity_changes('claim');
CREATE TRIGGER claims_updated AFTER UPDATE ON claims
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_entity_changes('claim');
CREATE TRIGGER claims_deleted AFTER DELETE ON claims
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_entity_changes('claim');

CREATE TRIGGER places_created AFTER INSERT ON places
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_entity_changes('place');
CREATE TRIGGER places_updated AFTER UPDATE ON places
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_entity_changes('place');
CREATE TRIGGER places_deleted AFTER DELETE ON places
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_entity_changes('place');
