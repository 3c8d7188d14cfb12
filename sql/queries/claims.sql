-- Claims of territorial control, newest first.

-- name: get_claim
SELECT * FROM claim_rows WHERE id = :id;

-- name: list_claims
-- planned once: place, controller, claimant, after, @sort=-created, @from=view
-- The page's ids first, from claims alone, then their rows: a box over a busy region matches
-- thousands of claims, and sorting their ids from the (place_id, id) index touches no row;
-- sorting whole rows read 5,700 of them (135 ms against 4 at 100,000 articles). Each row is
-- then read by its id (LATERAL, OFFSET 0 keeps it a loop): a plan made without the page size
-- (its LIMIT) must not guess a tenth of the table and join it by hash.
SELECT v.* FROM (
    SELECT c.id FROM claims c
    JOIN places located ON located.id = c.place_id                                --? bbox
    WHERE true
      AND c.place_id = :place                                                     --? place
      AND c.controller_id = current_actor(:controller)                            --? controller
      AND c.claimant_id = current_actor(:claimant)                                --? claimant
      AND c.stance = ANY(:stance::text[])                                         --? stance
      AND c.type = ANY(:type::text[])                                             --? type
      AND c.modality = ANY(:modality::text[])                                     --? modality
      AND located.location <@ :bbox::box                                          --? bbox
      AND c.wrong = :wrong                                                        --? wrong
      AND c.claimed_at >= :published_after                                        --? published_after
      AND c.claimed_at < :published_before                                        --? published_before
      AND c.id < :after                                                           --? after, @sort=-created
      AND c.id > :after                                                           --? after, @sort=created
      AND (c.claimed_at, c.id) < (:after_time::timestamptz, :after)               --? after, after_time, @sort=-published_at
      AND (c.claimed_at, c.id) > (:after_time::timestamptz, :after)               --? after, after_time, @sort=published_at
    ORDER BY c.id DESC                                                            --? @sort=-created
    ORDER BY c.id                                                                 --? @sort=created
    ORDER BY c.claimed_at DESC, c.id DESC                                         --? @sort=-published_at
    ORDER BY c.claimed_at, c.id                                                   --? @sort=published_at
    LIMIT :limit) page
CROSS JOIN LATERAL (SELECT * FROM claim_rows r WHERE r.id = page.id OFFSET 0) v        --? @from=view
JOIN claims v ON v.id = page.id                                                   --? @from=table
ORDER BY v.id DESC                                                                --? @sort=-created
ORDER BY v.id                                                                     --? @sort=created
ORDER BY v.claimed_at DESC, v.id DESC                                             --? @sort=-published_at
ORDER BY v.claimed_at, v.id                                                       --? @sort=published_at
;

-- name: insert_claim
-- Named parameters (api/db/rows.py, execute_named): one per column, by the column's name.
INSERT INTO claims (id, article_id, place_id, place_text, claimant_id, claimant_text, controller_id,
                    controller_text, previous_controller_id, type, stance, modality, extent_text,
                    extent_value, extent_unit, evidence_text, evidence_start, evidence_end,
                    responds_to, confidence, claimed_at, extractor_version, relayed_by_id)
VALUES (:id, :article_id, :place_id, :place_text, :claimant_id, :claimant_text, :controller_id,
        :controller_text, :previous_controller_id, :type, :stance, :modality, :extent_text,
        :extent_value, :extent_unit, :evidence_text, :evidence_start, :evidence_end,
        :responds_to, :confidence, :claimed_at, :extractor_version, :relayed_by_id);

-- name: place_claims
-- planned once: after_at, after_id
-- A place's timeline, oldest first: keyset on (claimed_at, id), served by
-- claims_place_timeline_idx.
SELECT * FROM claim_rows v
WHERE v.place_id = :place
  AND (v.claimed_at, v.id) > (:after_at::timestamptz, :after_id::text)            --? after_at, after_id
ORDER BY v.claimed_at, v.id
LIMIT :limit;

-- name: earlier_claim_answered
-- The claim a denial answers when the article itself has none: the latest asserted claim
-- about the same place in an earlier stored article (same controller when the denial names
-- one).
SELECT c.id FROM claims c
WHERE c.place_id = :place_id
  AND c.stance = 'asserted'
  AND NOT c.wrong
  AND c.article_id <> :article_id
  AND c.claimed_at <= :claimed_at
  AND (:controller_id::text IS NULL OR c.controller_id = :controller_id)
ORDER BY c.claimed_at DESC, c.id DESC
LIMIT 1;

-- name: set_responds_to
UPDATE claims SET responds_to = :responds_to WHERE id = :id;
