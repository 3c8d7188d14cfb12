-- Near-duplicates of an article: stored articles whose body fingerprint is a few bits from
-- its own (sql/migrations/017_near_duplicates.sql says how the bands index finds them).

-- name: near_duplicate_articles
-- The article itself (just inserted, in the same transaction) is left out. The candidates
-- come from the bands index, inside a subquery that OFFSET 0 keeps apart from the ORDER BY
-- and LIMIT: without it the planner walked every article in id order, testing each one's
-- bands, to find the first few (1.7 ms per ingest at 2,000 articles, growing with the table;
-- the bands index reads the ~1% that share a band).
SELECT id FROM (
    SELECT id FROM articles
    WHERE simhash_bands(simhash) && simhash_bands(:simhash::bigint)
      AND bit_count((simhash # :simhash::bigint)::bit(64)) <= :max_bits
      AND id <> :article_id
    OFFSET 0
) near
ORDER BY id
LIMIT :limit;
