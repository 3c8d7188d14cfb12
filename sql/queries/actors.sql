-- Actors. `q` matches names and aliases by trigram word similarity ("Zelensky" finds
-- "Volodymyr Zelenskyy"), served by the gin_trgm_ops indexes.

-- name: get_actor
SELECT * FROM actor_rows WHERE id = $1;

-- name: list_actors
-- `q`: the actors matched by name or by alias, each side served by its trigram index.
SELECT a.* FROM actor_rows a
WHERE true
  AND a.id IN (SELECT id FROM actors WHERE :q <% name                           --? q
               UNION                                                              --? q
               SELECT actor_id FROM actor_aliases WHERE :q <% alias)              --? q
  AND a.kind = :kind                                                              --? kind
  AND a.id < :after                                                               --? after
ORDER BY a.id DESC
LIMIT :limit;

-- name: actors_by_name_key
-- Cross-article resolution: existing actors known by this normalised name, as their own name
-- (by_name) or as an alias: of the same kind, or curated (a curator may have changed the
-- kind). FOR KEY SHARE keeps a concurrent article delete from removing one before we link it.
SELECT a.id, a.name_key = $1 AS by_name, a.curated_at IS NOT NULL AS curated
FROM actors a
WHERE (a.kind = $2 OR a.curated_at IS NOT NULL)
  AND (a.name_key = $1 OR EXISTS (SELECT 1 FROM actor_aliases al WHERE al.actor_id = a.id AND al.alias_key = $1))
ORDER BY curated DESC, by_name DESC, a.id
LIMIT 3
FOR KEY SHARE OF a;

-- name: upsert_actor
-- A concurrent ingest may create the same actor first: then take its row.
INSERT INTO actors (id, name, name_key, kind, titles, affiliation)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (name_key, kind) DO UPDATE
    SET titles = ARRAY(SELECT DISTINCT t FROM unnest(actors.titles || excluded.titles) t ORDER BY t)
RETURNING id;

-- name: add_actor_titles
UPDATE actors SET titles = ARRAY(SELECT DISTINCT t FROM unnest(titles || $2::text[]) t ORDER BY t)
WHERE id = $1 AND NOT titles @> $2::text[];

-- name: insert_actor_aliases
INSERT INTO actor_aliases (actor_id, alias, alias_key)
SELECT $1, alias, alias_key FROM unnest($2::text[], $3::text[]) AS t(alias, alias_key)
ON CONFLICT DO NOTHING;

-- name: link_article_actor
INSERT INTO article_actors (article_id, actor_id, seen_at)
SELECT $1, $2, coalesce(published_at, ingested_at) FROM articles WHERE id = $1
ON CONFLICT DO NOTHING;

-- name: link_article_actors
-- The article's actors in one statement (two extracted names may resolve to one actor).
INSERT INTO article_actors (article_id, actor_id, seen_at)
SELECT DISTINCT $1, u.actor_id, coalesce(a.published_at, a.ingested_at)
FROM unnest($2::text[]) AS u(actor_id) JOIN articles a ON a.id = $1
ON CONFLICT DO NOTHING;

-- name: insert_mentions
-- Where the article names its actors: one row per span, in one statement.
INSERT INTO mentions (article_id, actor_id, start, "end", text)
SELECT $1, a, s, e, t FROM unnest($2::text[], $3::int[], $4::int[], $5::text[]) AS u(a, s, e, t);
