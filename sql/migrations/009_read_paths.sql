-- Read paths at scale (measured with bench/reads.py on the bench/corpus.py corpus).
--
-- 1. claim_rows takes the place and the actors of a claim from scalar subqueries instead of
--    five LEFT JOINs. List queries are planned at every call (their filters are optional
--    parameters, `$n IS NULL OR …`, which only a plan made with the values can drop), and
--    planning the six-way join cost about 10 ms, four times its execution; subqueries are
--    planned in well under a millisecond and run only for the rows returned.
-- 2. Filtered lists are keyset-paged on id: an index on (filter column, id) serves "this
--    speaker's quotes before this id, newest first" as one index range, the same on every
--    page, where an index on the filter column alone fetches and sorts all of a popular
--    speaker's quotes for each page. Each replaces the index on the column alone, which it
--    also serves (lookups, foreign-key actions).

DROP INDEX quotes_speaker_id_idx;
CREATE INDEX quotes_speaker_id_idx ON quotes (speaker_id, id);
DROP INDEX claims_place_id_idx;
CREATE INDEX claims_place_id_idx ON claims (place_id, id);
DROP INDEX claims_controller_id_idx;
CREATE INDEX claims_controller_id_idx ON claims (controller_id, id);
DROP INDEX claims_claimant_id_idx;
CREATE INDEX claims_claimant_id_idx ON claims (claimant_id, id);
DROP INDEX articles_source_idx;
CREATE INDEX articles_source_idx ON articles (source, id);

CREATE OR REPLACE VIEW claim_rows AS
SELECT c.id,
       (SELECT jsonb_build_object('id', p.id, 'name', p.name, 'aliases', to_jsonb(p.aliases))
        FROM places p WHERE p.id = c.place_id) AS place,
       c.place_text,
       (SELECT jsonb_build_object('id', a.id, 'name', a.name)
        FROM actors a WHERE a.id = c.claimant_id) AS claimant,
       c.claimant_text,
       (SELECT jsonb_build_object('id', a.id, 'name', a.name)
        FROM actors a WHERE a.id = c.controller_id) AS controller,
       c.controller_text,
       (SELECT jsonb_build_object('id', a.id, 'name', a.name)
        FROM actors a WHERE a.id = c.previous_controller_id) AS previous_controller,
       c.type, c.stance, c.modality,
       CASE WHEN c.extent_text IS NULL AND c.extent_value IS NULL THEN NULL
            ELSE jsonb_build_object('text', c.extent_text, 'value', c.extent_value, 'unit', c.extent_unit) END AS extent,
       jsonb_build_object('start', c.evidence_start, 'end', c.evidence_end, 'text', c.evidence_text) AS evidence,
       c.responds_to, c.confidence, c.article_id, c.claimed_at, c.extractor_version,
       (SELECT p.lat FROM places p WHERE p.id = c.place_id) AS lat,
       (SELECT p.lon FROM places p WHERE p.id = c.place_id) AS lon,
       c.place_id, c.claimant_id, c.controller_id,
       (SELECT jsonb_build_object('id', a.id, 'name', a.name)
        FROM actors a WHERE a.id = c.relayed_by_id) AS relayed_by
FROM claims c;

-- 3. When an actor was first and last seen, from an index: each link of an article to an
--    actor carries the article's time (published, else ingested; neither changes), so
--    min and max are one probe of (actor_id, seen_at) each. They were aggregates over all
--    of an actor's articles, run for every actor a search matched before the page was
--    chosen: 1.2 s for "forces" (200 armed forces) at 100,000 articles.
ALTER TABLE article_actors ADD COLUMN seen_at timestamptz;
UPDATE article_actors x SET seen_at = coalesce(a.published_at, a.ingested_at)
FROM articles a WHERE a.id = x.article_id;
ALTER TABLE article_actors ALTER COLUMN seen_at SET NOT NULL;
DROP INDEX article_actors_actor_id_idx;
CREATE INDEX article_actors_actor_id_idx ON article_actors (actor_id, seen_at);

CREATE OR REPLACE VIEW actor_rows AS
SELECT a.id, a.name, a.kind, a.titles, a.affiliation,
       coalesce((SELECT array_agg(al.alias ORDER BY al.alias) FROM actor_aliases al
                 WHERE al.actor_id = a.id AND al.alias <> a.name), '{}') AS aliases,
       (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions,
       (SELECT count(*) FROM quotes q WHERE q.speaker_id = a.id) AS quotes,
       (SELECT min(x.seen_at) FROM article_actors x WHERE x.actor_id = a.id) AS first_seen,
       (SELECT max(x.seen_at) FROM article_actors x WHERE x.actor_id = a.id) AS last_seen,
       a.curated_at IS NOT NULL AS curated, a.curated_by, a.curated_at
FROM actors a;

-- 4. Full-text statistics at target 1000 (ten times the default), so that the planner
--    knows a rare word is rare: estimated at the floor of the default statistics (about 950 quotes of
--    1,000,000 for a word in 260), "newest first, filtered by the word" walked 200,000 rows
--    (300 ms) instead of sorting its 260 matches.
ALTER TABLE quotes ALTER COLUMN search SET STATISTICS 1000;
ALTER TABLE articles ALTER COLUMN search SET STATISTICS 1000;
