-- Articles. Lists are newest first: ids are time-ordered, so `ORDER BY id DESC` with
-- `id < $cursor` is keyset paging that costs the same on every page.

-- name: find_existing_article
-- md5(url) is what the unique index covers.
SELECT id FROM articles
WHERE (:url::text IS NOT NULL AND md5(url) = md5(:url) AND url = :url) OR content_hash = :content_hash
ORDER BY (url IS NOT DISTINCT FROM :url) DESC
LIMIT 1;

-- name: insert_article
INSERT INTO articles (id, title, body, source, url, published_at, language, content_hash, extractor_version,
                      simhash)
VALUES (:id, :title, :body, :source, :url, :published_at, :language, :content_hash,
        :extractor_version, :simhash)
ON CONFLICT DO NOTHING
RETURNING id;

-- name: get_article
-- The annotated article in one statement (one round trip, one snapshot): its actors,
-- quotes, claims and places as arrays of their read rows.
SELECT a.id, a.title, a.source, a.url, a.published_at, a.language, a.content_hash,
       a.ingested_at, a.extractor_version, a.body,
       ARRAY(SELECT v FROM article_actor_rows v WHERE v.article_id = a.id ORDER BY v.id) AS actors,
       ARRAY(SELECT v FROM quote_rows v WHERE v.article_id = a.id ORDER BY v.start, v.id) AS quotes,
       ARRAY(SELECT v FROM claim_rows v WHERE v.article_id = a.id
             ORDER BY v.evidence_start, v.id) AS claims,
       ARRAY(SELECT v FROM article_place_rows v WHERE v.article_id = a.id ORDER BY v.id) AS places
FROM articles a WHERE a.id = :id;

-- name: list_articles
-- planned once: after, @sort=-created
SELECT a.id, a.title, a.source, a.url, a.published_at, a.language, a.content_hash,
       a.ingested_at, a.extractor_version
FROM articles a
WHERE true
  AND a.search @@ websearch_to_tsquery('english', :q)                             --? q
  AND lower(a.source) = lower(:source)                                            --? source
  AND a.id IN (SELECT x.article_id FROM article_actors x                         --? actor
               WHERE x.actor_id = current_actor(:actor))                          --? actor
  AND a.id IN (SELECT x.article_id FROM article_places x WHERE x.place_id = :place)  --? place
  AND a.published_at >= :published_after                                         --? published_after
  AND a.published_at < :published_before                                          --? published_before
  AND a.id < :after                                                               --? after, @sort=-created
  AND a.id > :after                                                               --? after, @sort=created
  AND (coalesce(a.published_at, '-infinity'), a.id)                               --? after, after_time, @sort=-published_at
      < (:after_time::timestamptz, :after)                                        --? after, after_time, @sort=-published_at
  AND (coalesce(a.published_at, '-infinity'), a.id)                               --? after, after_time, @sort=published_at
      > (:after_time::timestamptz, :after)                                        --? after, after_time, @sort=published_at
ORDER BY a.id DESC                                                                --? @sort=-created
ORDER BY a.id                                                                     --? @sort=created
ORDER BY coalesce(a.published_at, '-infinity') DESC, a.id DESC                    --? @sort=-published_at
ORDER BY coalesce(a.published_at, '-infinity'), a.id                              --? @sort=published_at
LIMIT :limit;

-- name: rank_articles
-- How well each of these articles matches the search `q` (for sort=relevance).
SELECT id, ts_rank(search, websearch_to_tsquery('english', :q)) AS rank
FROM articles WHERE id = ANY(:ids::text[]);

-- name: delete_article
DELETE FROM articles WHERE id = :id RETURNING id;

-- name: lock_actors
-- Before deciding that an actor is orphaned: FOR UPDATE waits for every ingest that holds
-- the actor FOR KEY SHARE (it resolved the actor and will link it) to commit or roll back.
SELECT id FROM actors WHERE id = ANY(:actor_ids::text[]) ORDER BY id FOR UPDATE;

-- name: delete_orphan_actors
-- Actors that no article involves any more (after a delete) go with their last article,
-- unless a person curated them. Run after lock_actors, as a statement of its own, so it sees
-- what those ingests committed.
DELETE FROM actors a
WHERE a.id = ANY(:actor_ids::text[])
  AND a.curated_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM article_actors x WHERE x.actor_id = a.id);

-- name: article_actor_ids
SELECT actor_id FROM article_actors WHERE article_id = :article_id;

-- name: article_ids_after
-- Keyset walk over every stored article, oldest first (for re-extraction).
SELECT id FROM articles WHERE (:after::text IS NULL OR id > :after) ORDER BY id LIMIT :limit;

-- name: article_for_reextract
SELECT id, body, source, published_at FROM articles WHERE id = :id;

-- name: lock_article
SELECT id FROM articles WHERE id = :id FOR UPDATE;

-- name: extraction_counts
SELECT (SELECT count(*) FROM quotes WHERE article_id = :article_id) AS quotes,
       (SELECT count(*) FROM claims WHERE article_id = :article_id) AS claims,
       (SELECT count(*) FROM article_actors WHERE article_id = :article_id) AS actors,
       (SELECT count(*) FROM article_places WHERE article_id = :article_id) AS places;

-- name: reusable_quote_ids
-- The ids re-extraction would drop, by what identifies the entity: a quote or claim found
-- again keeps its id, so clients holding it do not get a 404 (api/services/reextract.py).
SELECT id, start, "end" FROM quotes WHERE article_id = :article_id AND curated_at IS NULL;

-- name: reusable_claim_ids
SELECT id, evidence_start, evidence_end, type, stance FROM claims
WHERE article_id = :article_id AND curated_at IS NULL;

-- name: curated_claims
-- What a curated claim stands for when re-extraction finds it again (api/services/ingest.py,
-- KnownIds), and the claim it answers, which re-extraction may delete and add again.
SELECT id, evidence_start, evidence_end, place_text, stance, responds_to FROM claims
WHERE article_id = :article_id AND curated_at IS NOT NULL;

-- name: restore_answers
-- The claims curated claims answered, where re-extraction added them again (same id): the
-- delete of the old rows had set responds_to to null (ON DELETE SET NULL).
UPDATE claims c SET responds_to = t.target
FROM unnest(:ids::text[], :targets::text[]) AS t (id, target)
WHERE c.id = t.id AND EXISTS (SELECT 1 FROM claims x WHERE x.id = t.target);

-- name: clear_extraction
-- What re-extraction replaces: everything extracted from the article except curated quotes
-- and claims.
WITH q AS (DELETE FROM quotes WHERE article_id = :article_id AND curated_at IS NULL),
     c AS (DELETE FROM claims WHERE article_id = :article_id AND curated_at IS NULL),
     m AS (DELETE FROM mentions WHERE article_id = :article_id),
     pm AS (DELETE FROM place_mentions WHERE article_id = :article_id),
     ap AS (DELETE FROM article_places WHERE article_id = :article_id)
DELETE FROM article_actors WHERE article_id = :article_id;

-- name: curated_quote_spans
SELECT start, "end" FROM quotes WHERE article_id = :article_id AND curated_at IS NOT NULL;

-- name: link_curated_actors
-- A curated quote's speaker and the actors of a curated claim stay involved in its article
-- after re-extraction (else they could be dropped as orphans from under the curated row).
INSERT INTO article_actors (article_id, actor_id, seen_at)
SELECT DISTINCT :article_id, involved.actor_id, coalesce(a.published_at, a.ingested_at)
FROM (
    SELECT q.speaker_id AS actor_id FROM quotes q
    WHERE q.article_id = :article_id AND q.curated_at IS NOT NULL
    UNION
    SELECT unnest(ARRAY[c.claimant_id, c.controller_id, c.previous_controller_id, c.relayed_by_id])
    FROM claims c
    WHERE c.article_id = :article_id AND c.curated_at IS NOT NULL
) involved
JOIN articles a ON a.id = :article_id
WHERE involved.actor_id IS NOT NULL
ON CONFLICT DO NOTHING;

-- name: link_curated_places
-- A curated claim's place stays among its article's places after re-extraction.
INSERT INTO article_places (article_id, place_id)
SELECT DISTINCT c.article_id, c.place_id FROM claims c
WHERE c.article_id = :article_id AND c.curated_at IS NOT NULL AND c.place_id IS NOT NULL
ON CONFLICT DO NOTHING;

-- name: set_extractor_version
UPDATE articles SET extractor_version = :extractor_version WHERE id = :id;

-- name: quote_signatures
-- What re-extraction compares: a quote is the same if span, kind and speaker are.
SELECT start, "end", kind, coalesce(speaker_id, '') AS speaker_id FROM quotes WHERE article_id = :article_id;

-- name: claim_signatures
SELECT evidence_start, evidence_end, type, stance, coalesce(place_id, '') AS place_id,
       coalesce(controller_id, '') AS controller_id, coalesce(claimant_id, '') AS claimant_id
FROM claims WHERE article_id = :article_id;
