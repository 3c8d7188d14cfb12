-- Actors. `q` matches names and aliases by trigram word similarity ("Zelensky" finds
-- "Volodymyr Zelenskyy"), served by the gin_trgm_ops indexes.

-- name: get_actor
SELECT * FROM actor_rows WHERE id = :id;

-- name: list_actors
-- `q`: the actors matched by name or by alias, each side served by its trigram index.
SELECT a.*
FROM actor_rows a                                                                 --? @from=view
FROM actors a                                                                     --? @from=table
WHERE true
  AND a.id IN (SELECT id FROM actors WHERE :q <% name                           --? q
               UNION                                                              --? q
               SELECT actor_id FROM actor_aliases WHERE :q <% alias)              --? q
  AND a.kind = ANY(:kind::text[])                                                 --? kind
  AND a.id < :after                                                               --? after, @sort=-created
  AND a.id > :after                                                               --? after, @sort=created
ORDER BY a.id DESC                                                                --? @sort=-created
ORDER BY a.id                                                                     --? @sort=created
LIMIT :limit;

-- name: rank_actors
-- How closely each of these actors' names or aliases match `q` (for sort=relevance): the
-- word similarity that `<%` tests, of the best of them.
SELECT a.id, greatest(word_similarity(:q, a.name),
                      (SELECT max(word_similarity(:q, x.alias)) FROM actor_aliases x
                       WHERE x.actor_id = a.id)) AS rank
FROM actors a WHERE a.id = ANY(:ids::text[]);

-- name: actors_by_name_keys
-- Cross-article resolution, for all of an article's actors at once: for each (name key,
-- kind), the stored actors known by that normalised name, as their own name or as an alias:
-- of the same kind, or curated (a curator may have changed the kind). FOR KEY SHARE keeps a
-- concurrent article delete from removing one before we link it.
SELECT k.key, k.kind AS wanted_kind, a.id, a.name_key, a.kind, a.curated_at IS NOT NULL AS curated
FROM unnest(:name_keys::text[], :kinds::text[]) AS k(key, kind)
JOIN LATERAL (SELECT id FROM actors WHERE name_key = k.key
              UNION
              SELECT actor_id FROM actor_aliases WHERE alias_key = k.key) named ON true
JOIN actors a ON a.id = named.id
WHERE a.kind = k.kind OR a.curated_at IS NOT NULL
ORDER BY a.id
FOR KEY SHARE OF a;

-- name: insert_actors
-- The article's new actors, in one statement. A concurrent ingest may create one first:
-- then its row is taken (RETURNING gives the stored id either way). Titles come as one JSON
-- array each (Postgres arrays cannot be ragged).
INSERT INTO actors (id, name, name_key, kind, titles, affiliation)
SELECT n.id, n.name, n.name_key, n.kind, ARRAY(SELECT jsonb_array_elements_text(n.titles::jsonb)),
       n.affiliation
FROM unnest(:ids::text[], :names::text[], :name_keys::text[], :kinds::text[], :titles::text[], :affiliations::text[])
     AS n(id, name, name_key, kind, titles, affiliation)
ORDER BY n.name_key, n.kind
ON CONFLICT (name_key, kind) DO UPDATE
    SET titles = ARRAY(SELECT DISTINCT t FROM unnest(actors.titles || excluded.titles) t ORDER BY t)
RETURNING id, name_key, kind;

-- name: add_actor_titles
-- Titles the article gives stored actors: (actor id, title) pairs.
UPDATE actors a SET titles = ARRAY(SELECT DISTINCT t FROM unnest(a.titles || n.titles) t ORDER BY t)
FROM (SELECT u.id, array_agg(u.title) AS titles
      FROM unnest(:actor_ids::text[], :titles::text[]) AS u(id, title) GROUP BY u.id) n
WHERE a.id = n.id AND NOT a.titles @> n.titles;

-- name: insert_actor_aliases
-- (actor id, alias, alias key) triples.
INSERT INTO actor_aliases (actor_id, alias, alias_key)
SELECT u.actor_id, u.alias, u.alias_key
FROM unnest(:actor_ids::text[], :aliases::text[], :alias_keys::text[]) AS u(actor_id, alias, alias_key)
ORDER BY u.actor_id, u.alias_key
ON CONFLICT DO NOTHING;

-- name: link_article_actor
INSERT INTO article_actors (article_id, actor_id, seen_at)
SELECT :article_id, :actor_id, coalesce(published_at, ingested_at) FROM articles WHERE id = :article_id
ON CONFLICT DO NOTHING;

-- name: link_article_actors
-- The article's actors in one statement (two extracted names may resolve to one actor).
INSERT INTO article_actors (article_id, actor_id, seen_at)
SELECT DISTINCT :article_id, u.actor_id, coalesce(a.published_at, a.ingested_at)
FROM unnest(:actor_ids::text[]) AS u(actor_id) JOIN articles a ON a.id = :article_id
ON CONFLICT DO NOTHING;

-- name: insert_mentions
-- Where the article names its actors: one row per span, in one statement.
INSERT INTO mentions (article_id, actor_id, start, "end", text)
SELECT :article_id, a, s, e, t FROM unnest(:entity_ids::text[], :starts::int[], :ends::int[], :texts::text[]) AS u(a, s, e, t);
