-- Claims as seen from a place: its timeline, its latest asserted controller; and who relayed
-- a claim ("the general told the president that …": relayed by the president).

ALTER TABLE claims ADD COLUMN relayed_by_id text REFERENCES actors (id) ON DELETE SET NULL;
CREATE INDEX claims_relayed_by_id_idx ON claims (relayed_by_id);
-- the timeline of a place, oldest first, keyset-paged on (claimed_at, id)
CREATE INDEX claims_place_timeline_idx ON claims (place_id, claimed_at, id);

CREATE OR REPLACE VIEW claim_rows AS
SELECT c.id,
       CASE WHEN p.id IS NULL THEN NULL
            ELSE jsonb_build_object('id', p.id, 'name', p.name, 'aliases', to_jsonb(p.aliases)) END AS place,
       c.place_text,
       CASE WHEN cl.id IS NULL THEN NULL ELSE jsonb_build_object('id', cl.id, 'name', cl.name) END AS claimant,
       c.claimant_text,
       CASE WHEN co.id IS NULL THEN NULL ELSE jsonb_build_object('id', co.id, 'name', co.name) END AS controller,
       c.controller_text,
       CASE WHEN pc.id IS NULL THEN NULL ELSE jsonb_build_object('id', pc.id, 'name', pc.name) END AS previous_controller,
       c.type, c.stance, c.modality,
       CASE WHEN c.extent_text IS NULL AND c.extent_value IS NULL THEN NULL
            ELSE jsonb_build_object('text', c.extent_text, 'value', c.extent_value, 'unit', c.extent_unit) END AS extent,
       jsonb_build_object('start', c.evidence_start, 'end', c.evidence_end, 'text', c.evidence_text) AS evidence,
       c.responds_to, c.confidence, c.article_id, c.claimed_at, c.extractor_version,
       p.lat, p.lon,
       c.place_id, c.claimant_id, c.controller_id,
       CASE WHEN rb.id IS NULL THEN NULL ELSE jsonb_build_object('id', rb.id, 'name', rb.name) END AS relayed_by
FROM claims c
LEFT JOIN places p ON p.id = c.place_id
LEFT JOIN actors cl ON cl.id = c.claimant_id
LEFT JOIN actors co ON co.id = c.controller_id
LEFT JOIN actors pc ON pc.id = c.previous_controller_id
LEFT JOIN actors rb ON rb.id = c.relayed_by_id;

-- Who holds a place, by the latest claim that says so: asserted, factual or unverified (the
-- modalities that belong on a control map), of a type that names a holder.
CREATE VIEW place_control AS
SELECT DISTINCT ON (c.place_id)
       c.place_id, c.id AS claim_id, c.controller_id, c.claimed_at
FROM claims c
WHERE c.stance = 'asserted'
  AND c.modality IN ('factual', 'unverified')
  AND c.type IN ('control', 'capture', 'withdrawal', 'annexation')
  AND c.controller_id IS NOT NULL
  AND c.place_id IS NOT NULL
ORDER BY c.place_id, c.claimed_at DESC, c.id DESC;

CREATE OR REPLACE VIEW place_rows AS
SELECT p.id, p.name, p.aliases, p.kind, p.country_code, p.admin1, p.lat, p.lon,
       p.geonames_id, p.population,
       (SELECT count(*) FROM place_mentions pm WHERE pm.place_id = p.id) AS mentions,
       (SELECT count(*) FROM claims c WHERE c.place_id = p.id) AS claims,
       (SELECT jsonb_build_object(
                   'actor', jsonb_build_object('id', a.id, 'name', a.name),
                   'claim_id', pc.claim_id,
                   'claimed_at', pc.claimed_at)
        FROM place_control pc JOIN actors a ON a.id = pc.controller_id
        WHERE pc.place_id = p.id) AS latest_controller
FROM places p;
