-- Read rows as plain columns, for the driver to decode and api/db/records.py to read.
--
-- The read views built each nested object (a quote's speaker, a claim's place, a span) as
-- jsonb, which the app decoded into dicts and converted to Structs: about 10 µs per row in
-- Python, and Postgres building JSON it did not need. Nested objects are now their columns
-- (speaker_id, speaker_name), and a list of them an array of a composite type, which asyncpg
-- decodes in C (named composites, such as a view's row, come back as records with names).
-- The annotated article is one statement that takes arrays of these rows (queries/articles.sql):
-- one round trip instead of seven, and one snapshot by construction.

CREATE TYPE span AS (start integer, "end" integer, text text);

DROP VIEW quote_rows;
CREATE VIEW quote_rows AS
SELECT q.id, q.text, q.kind, q.speaker_id, s.name AS speaker_name, q.speaker_text, q.cue,
       q.start, q."end", q.confidence, q.article_id, q.published_at, q.extractor_version,
       q.curated_at IS NOT NULL AS curated, q.curated_by, q.curated_at
FROM quotes q
LEFT JOIN actors s ON s.id = q.speaker_id;

-- Actor names come from scalar subqueries (one index probe each, for the rows returned),
-- the place from a join: its four columns would be four probes.
DROP VIEW claim_rows;
CREATE VIEW claim_rows AS
SELECT c.id, c.place_id, p.name AS place_name, p.aliases AS place_aliases, c.place_text,
       c.claimant_id, (SELECT a.name FROM actors a WHERE a.id = c.claimant_id) AS claimant_name,
       c.claimant_text,
       c.controller_id, (SELECT a.name FROM actors a WHERE a.id = c.controller_id) AS controller_name,
       c.controller_text,
       c.previous_controller_id,
       (SELECT a.name FROM actors a WHERE a.id = c.previous_controller_id) AS previous_controller_name,
       c.type, c.stance, c.modality, c.extent_text, c.extent_value, c.extent_unit,
       c.evidence_start, c.evidence_end, c.evidence_text, c.responds_to, c.confidence,
       c.article_id, c.claimed_at, c.extractor_version, p.lat, p.lon,
       c.relayed_by_id, (SELECT a.name FROM actors a WHERE a.id = c.relayed_by_id) AS relayed_by_name
FROM claims c
LEFT JOIN places p ON p.id = c.place_id;

DROP VIEW place_rows;
CREATE VIEW place_rows AS
SELECT p.id, p.name, p.aliases, p.kind, p.country_code, p.admin1, p.lat, p.lon,
       p.geonames_id, p.population,
       (SELECT count(*) FROM place_mentions pm WHERE pm.place_id = p.id) AS mentions,
       (SELECT count(*) FROM claims c WHERE c.place_id = p.id) AS claims,
       held.controller_id, held.controller_name, held.control_claim_id, held.control_claimed_at,
       held.contested
FROM places p
LEFT JOIN LATERAL (
    SELECT pc.controller_id, a.name AS controller_name, pc.claim_id AS control_claim_id,
           pc.claimed_at AS control_claimed_at, pt.contested
    FROM place_control pc
    JOIN actors a ON a.id = pc.controller_id
    JOIN place_contest pt ON pt.place_id = pc.place_id
    WHERE pc.place_id = p.id
) held ON true;

-- An article's actors and places, each with where the article names it.
CREATE VIEW article_actor_rows AS
SELECT x.article_id, a.id, a.name, a.kind,
       coalesce((SELECT array_agg(al.alias ORDER BY al.alias) FROM actor_aliases al
                 WHERE al.actor_id = a.id AND al.alias <> a.name), '{}') AS aliases,
       a.titles,
       ARRAY(SELECT ROW(m.start, m."end", m.text)::span FROM mentions m
             WHERE m.article_id = x.article_id AND m.actor_id = a.id ORDER BY m.start) AS mentions
FROM article_actors x
JOIN actors a ON a.id = x.actor_id;

CREATE VIEW article_place_rows AS
SELECT x.article_id, p.id, p.name, p.aliases, p.kind, p.country_code, p.lat, p.lon,
       ARRAY(SELECT ROW(m.start, m."end", m.text)::span FROM place_mentions m
             WHERE m.article_id = x.article_id AND m.place_id = p.id ORDER BY m.start) AS mentions
FROM article_places x
JOIN places p ON p.id = x.place_id;
