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

CREATE OR REPLACE VIEW place_rows AS
SELECT p.id, p.name, p.aliases, p.kind, p.country_code, p.admin1, p.lat, p.lon,
       p.geonames_id, p.population,
       (SELECT count(*) FROM place_mentions pm WHERE pm.place_id = p.id) AS mentions,
       (SELECT count(*) FROM claims c WHERE c.place_id = p.id) AS claims,
       (SELECT jsonb_build_object(
                   'actor', jsonb_build_object('id', a.id, 'name', a.name),
                   'claim_id', pc.claim_id,
                   'claimed_at', pc.claimed_at,
                   'status', CASE WHEN pt.contested THEN 'contested' ELSE 'held' END)
        FROM place_control pc
        JOIN actors a ON a.id = pc.controller_id
        JOIN place_contest pt ON pt.place_id = pc.place_id
        WHERE pc.place_id = p.id) AS latest_controller
FROM places p;
