-- Claims of territorial control, newest first.

-- name: get_claim
SELECT * FROM claim_rows WHERE id = $1;

-- name: list_claims
-- The page's ids first, from claims alone (bbox joined for the reason given at list_quotes),
-- then their rows: a box over a busy region matches thousands of claims, and sorting their
-- ids from the (place_id, id) index touches no row; sorting whole rows read 5,700 of them
-- (135 ms against 4 at 100,000 articles). The other filters cost about the same either way.
SELECT v.* FROM claim_rows v
WHERE v.id IN (
    SELECT c.id FROM claims c
    LEFT JOIN places located ON located.id = c.place_id
    WHERE ($1::text IS NULL OR c.place_id = $1)
      AND ($2::text IS NULL OR c.controller_id = current_actor($2))
      AND ($3::text IS NULL OR c.claimant_id = current_actor($3))
      AND ($4::text IS NULL OR c.stance = $4)
      AND ($5::text IS NULL OR c.type = $5)
      AND ($6::text IS NULL OR c.modality = $6)
      AND ($7::box IS NULL OR located.location <@ $7::box)
      AND ($8::timestamptz IS NULL OR c.claimed_at >= $8)
      AND ($9::timestamptz IS NULL OR c.claimed_at < $9)
      AND ($10::text IS NULL OR c.id < $10)
    ORDER BY c.id DESC
    LIMIT $11)
ORDER BY v.id DESC;

-- name: insert_claim
INSERT INTO claims (id, article_id, place_id, place_text, claimant_id, claimant_text, controller_id,
                    controller_text, previous_controller_id, type, stance, modality, extent_text,
                    extent_value, extent_unit, evidence_text, evidence_start, evidence_end,
                    responds_to, confidence, claimed_at, extractor_version, relayed_by_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
        $20, $21, $22, $23);

-- name: place_claims
-- A place's timeline, oldest first: keyset on (claimed_at, id), served by
-- claims_place_timeline_idx.
SELECT * FROM claim_rows v
WHERE v.place_id = $1
  AND ($2::timestamptz IS NULL OR (v.claimed_at, v.id) > ($2::timestamptz, $3::text))
ORDER BY v.claimed_at, v.id
LIMIT $4;

-- name: earlier_claim_answered
-- The claim a denial answers when the article itself has none: the latest asserted claim
-- about the same place in an earlier stored article (same controller when the denial names
-- one).
SELECT c.id FROM claims c
WHERE c.place_id = $1
  AND c.stance = 'asserted'
  AND c.article_id <> $2
  AND c.claimed_at <= $3
  AND ($4::text IS NULL OR c.controller_id = $4)
ORDER BY c.claimed_at DESC, c.id DESC
LIMIT 1;

-- name: set_responds_to
UPDATE claims SET responds_to = $2 WHERE id = $1;
