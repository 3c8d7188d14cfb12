-- Curation: corrections by people (quotes, claims, actors), and actor merges. Every
-- statement here runs inside the caller's transaction (api/db/curation.py).

-- name: quote_for_update
-- FOR SHARE of the article waits for a re-extraction of it (which holds it FOR UPDATE), so
-- a quote is never curated while re-extraction decides which quotes to replace.
SELECT q.id, q.article_id, q.speaker_id, a.body
FROM quotes q JOIN articles a ON a.id = q.article_id
WHERE q.id = :id
FOR UPDATE OF q FOR SHARE OF a;

-- name: unlink_unused_actor
-- After a speaker change: the old speaker leaves the article if nothing there names him.
DELETE FROM article_actors x
WHERE x.article_id = :article_id AND x.actor_id = :actor_id
  AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = :article_id AND m.actor_id = :actor_id)
  AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = :article_id AND q.speaker_id = :actor_id)
  AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = :article_id
                  AND :actor_id IN (c.claimant_id, c.controller_id, c.previous_controller_id, c.relayed_by_id));

-- name: update_quote
-- set_speaker: whether to set the speaker (to `speaker`, which may be null); a null kind or
-- span keeps the quote's.
UPDATE quotes SET
    speaker_id = CASE WHEN :set_speaker::boolean THEN :speaker::text ELSE speaker_id END,
    kind       = coalesce(:kind::text, kind),
    start      = coalesce(:start::integer, start),
    "end"      = coalesce(:end::integer, "end"),
    text       = coalesce(:text::text, text),
    curated_by = :curator,
    curated_key = :key_id,
    curated_at = now()
WHERE id = :id;

-- name: claim_for_update
-- FOR SHARE of the article, as for a quote: never curated while re-extraction replaces it.
SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id
WHERE c.id = :id
FOR UPDATE OF c FOR SHARE OF a;

-- name: update_claim
-- A null `wrong` keeps the claim's.
UPDATE claims SET
    wrong       = coalesce(:wrong::boolean, wrong),
    curated_by  = :curator,
    curated_key = :key_id,
    curated_at  = now()
WHERE id = :id;

-- name: current_actor_id
-- The actor's own id, or the survivor's when it was merged away; null when unknown.
SELECT id FROM actors WHERE id = current_actor(:id);

-- name: actor_redirect
SELECT actor_id FROM actor_redirects WHERE old_id = :old_id;

-- name: lock_actor
SELECT id, name, name_key, kind FROM actors WHERE id = :id FOR UPDATE;

-- name: update_actor
UPDATE actors SET
    name       = coalesce(:name::text, name),
    name_key   = coalesce(:name_key::text, name_key),
    kind       = coalesce(:kind::text, kind),
    curated_by = :curated_by,
    curated_key = :curated_key,
    curated_at = now()
WHERE id = :id;

-- name: clear_actor_aliases
DELETE FROM actor_aliases WHERE actor_id = :actor_id;

-- name: merge_mentions
UPDATE mentions SET actor_id = :survivor WHERE actor_id = :absorbed;

-- name: merge_article_links
INSERT INTO article_actors (article_id, actor_id, seen_at)
SELECT article_id, :survivor, seen_at FROM article_actors WHERE actor_id = :absorbed
ON CONFLICT DO NOTHING;

-- name: merge_quotes
UPDATE quotes SET speaker_id = :survivor WHERE speaker_id = :absorbed;

-- name: merge_claims
UPDATE claims SET
    claimant_id            = CASE WHEN claimant_id = :absorbed THEN :survivor ELSE claimant_id END,
    controller_id          = CASE WHEN controller_id = :absorbed THEN :survivor ELSE controller_id END,
    previous_controller_id = CASE WHEN previous_controller_id = :absorbed THEN :survivor ELSE previous_controller_id END,
    relayed_by_id          = CASE WHEN relayed_by_id = :absorbed THEN :survivor ELSE relayed_by_id END
WHERE :absorbed IN (claimant_id, controller_id, previous_controller_id, relayed_by_id);

-- name: merge_names
-- The absorbed actor's name and aliases become the survivor's aliases, and its titles join.
WITH absorbed AS (SELECT name, name_key, titles FROM actors WHERE id = :absorbed)
INSERT INTO actor_aliases (actor_id, alias, alias_key)
SELECT :survivor, name, name_key FROM absorbed
UNION
SELECT :survivor, alias, alias_key FROM actor_aliases WHERE actor_id = :absorbed
ON CONFLICT DO NOTHING;

-- name: merge_titles
UPDATE actors s SET titles = ARRAY(SELECT DISTINCT t FROM unnest(s.titles || a.titles) t ORDER BY t)
FROM actors a
WHERE s.id = :survivor AND a.id = :absorbed;

-- name: merge_redirects
-- Ids that redirected to the absorbed actor now redirect to the survivor, then its own does.
WITH moved AS (UPDATE actor_redirects SET actor_id = :survivor WHERE actor_id = :absorbed)
INSERT INTO actor_redirects (old_id, actor_id, merged_by, merged_key) VALUES (:absorbed, :survivor, :merged_by, :merged_key);

-- name: delete_actor
DELETE FROM actors WHERE id = :id;

-- name: mark_actor_curated
UPDATE actors SET curated_by = :curated_by, curated_key = :curated_key, curated_at = now() WHERE id = :id;
