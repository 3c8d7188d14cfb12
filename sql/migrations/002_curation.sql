-- Curation: people correct quotes and actors; merged actors leave a redirect behind.
-- A curated row has curated_at set; re-extraction keeps it as the curator left it.

ALTER TABLE quotes ADD COLUMN curated_by text, ADD COLUMN curated_at timestamptz;
ALTER TABLE actors ADD COLUMN curated_by text, ADD COLUMN curated_at timestamptz;

-- The id of an actor merged into another answers 301 to the survivor from then on.
CREATE TABLE actor_redirects (
    old_id    text PRIMARY KEY,
    actor_id  text NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    merged_at timestamptz NOT NULL DEFAULT now(),
    merged_by text NOT NULL
);
CREATE INDEX actor_redirects_actor_id_idx ON actor_redirects (actor_id);

CREATE OR REPLACE VIEW quote_rows AS
SELECT q.id, q.text, q.kind,
       CASE WHEN s.id IS NULL THEN NULL ELSE jsonb_build_object('id', s.id, 'name', s.name) END AS speaker,
       q.speaker_text, q.cue, q.start, q."end", q.confidence, q.article_id, q.published_at,
       q.extractor_version, q.speaker_id,
       q.curated_at IS NOT NULL AS curated, q.curated_by, q.curated_at
FROM quotes q
LEFT JOIN actors s ON s.id = q.speaker_id;

CREATE OR REPLACE VIEW actor_rows AS
SELECT a.id, a.name, a.kind, a.titles, a.affiliation,
       coalesce((SELECT array_agg(al.alias ORDER BY al.alias) FROM actor_aliases al
                 WHERE al.actor_id = a.id AND al.alias <> a.name), '{}') AS aliases,
       (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions,
       (SELECT count(*) FROM quotes q WHERE q.speaker_id = a.id) AS quotes,
       seen.first_seen, seen.last_seen,
       a.curated_at IS NOT NULL AS curated, a.curated_by, a.curated_at
FROM actors a
LEFT JOIN LATERAL (
    SELECT min(coalesce(ar.published_at, ar.ingested_at)) AS first_seen,
           max(coalesce(ar.published_at, ar.ingested_at)) AS last_seen
    FROM article_actors aa JOIN articles ar ON ar.id = aa.article_id
    WHERE aa.actor_id = a.id
) seen ON true;
