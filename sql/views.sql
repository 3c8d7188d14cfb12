-- The read views as they are now: the one place to read, and to change, their definitions.
--
-- api/db/migrate.py runs this file after the numbered migrations whenever its text changed
-- since it last ran (its SHA-256 is kept in schema_views) or a migration ran, in one
-- transaction: it drops every view below and creates them again. Migrations 001-013 also
-- created these views, as they were at each step; from now on a view changes here only. A
-- migration that alters a column one of them reads drops them first (DROP VIEW IF EXISTS),
-- as 014 does; this file puts them back. A new view goes into the DROP list and below it,
-- after what it reads.

DROP VIEW IF EXISTS place_rows, place_contest, place_control, quote_rows, claim_rows,
    actor_rows, article_actor_rows, article_place_rows;

-- The people and groups articles involve, with what they have said and when they were seen.
CREATE VIEW actor_rows AS
SELECT a.id, a.name, a.kind, a.titles, a.affiliation,
       coalesce((SELECT array_agg(al.alias ORDER BY al.alias) FROM actor_aliases al
                 WHERE al.actor_id = a.id AND al.alias <> a.name), '{}') AS aliases,
       (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions,
       (SELECT count(*) FROM quotes q WHERE q.speaker_id = a.id) AS quotes,
       (SELECT min(x.seen_at) FROM article_actors x WHERE x.actor_id = a.id) AS first_seen,
       (SELECT max(x.seen_at) FROM article_actors x WHERE x.actor_id = a.id) AS last_seen,
       a.curated_at IS NOT NULL AS curated, a.curated_by, a.curated_at
FROM actors a;

-- Quotes as lists and the article return them; the speaker as its columns.
CREATE VIEW quote_rows AS
SELECT q.id, q.text, q.kind, q.speaker_id, s.name AS speaker_name, q.speaker_text, q.cue,
       q.start, q."end", q.confidence, q.article_id, q.published_at, q.extractor_version,
       q.curated_at IS NOT NULL AS curated, q.curated_by, q.curated_at
FROM quotes q
LEFT JOIN actors s ON s.id = q.speaker_id;

-- Claims with their place, and the names of the actors they involve. Actor names come from
-- scalar subqueries (one index probe each, for the rows returned), the place from a join:
-- its four columns would be four probes.
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
       c.relayed_by_id, (SELECT a.name FROM actors a WHERE a.id = c.relayed_by_id) AS relayed_by_name,
       c.wrong, c.curated_at IS NOT NULL AS curated, c.curated_by, c.curated_at
FROM claims c
LEFT JOIN places p ON p.id = c.place_id;

-- The latest claim that names who holds a place (claims a curator marked wrong do not count,
-- here or in place_contest).
CREATE VIEW place_control AS
SELECT DISTINCT ON (c.place_id)
       c.place_id, c.id AS claim_id, c.controller_id, c.claimed_at
FROM claims c
WHERE NOT c.wrong
  AND c.stance = 'asserted'
  AND c.modality IN ('factual', 'unverified')
  AND c.type IN ('control', 'capture', 'withdrawal', 'annexation')
  AND c.controller_id IS NOT NULL
  AND c.place_id IS NOT NULL
ORDER BY c.place_id, c.claimed_at DESC, c.id DESC;

-- Whether a place is held or contested by the latest claims about it: the latest claim that
-- names a holder (place_control) is "contested" when, within seven days before it or at any
-- time after it, another factual or unverified claim about the place names another holder,
-- denies that holder's claim, or reports fighting for the place.
CREATE VIEW place_contest AS
SELECT pc.place_id,
       EXISTS (
           SELECT 1
           FROM claims c
           WHERE c.place_id = pc.place_id
             AND c.id <> pc.claim_id
             AND NOT c.wrong
             AND c.claimed_at >= pc.claimed_at - interval '7 days'
             AND c.modality IN ('factual', 'unverified')
             AND ((c.stance = 'asserted'
                   AND c.type IN ('control', 'capture', 'withdrawal', 'annexation')
                   AND c.controller_id IS NOT NULL
                   AND c.controller_id <> pc.controller_id)
               OR (c.stance = 'asserted' AND c.type = 'contested')
               OR (c.stance = 'denied'
                   AND c.type IN ('control', 'capture', 'withdrawal', 'annexation')
                   AND c.controller_id = pc.controller_id))
       ) AS contested
FROM place_control pc;

-- Places with how often they are named and claimed, and who holds them.
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
