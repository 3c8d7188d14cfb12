-- Near-duplicates of an article: stored articles whose body fingerprint is a few bits from
-- its own (sql/migrations/017_near_duplicates.sql says how the bands index finds them).

-- name: near_duplicate_articles
-- The article itself (just inserted, in the same transaction) is left out.
SELECT id FROM articles
WHERE simhash_bands(simhash) && simhash_bands(:simhash::bigint)
  AND bit_count((simhash # :simhash::bigint)::bit(64)) <= :max_bits
  AND id <> :article_id
ORDER BY id
LIMIT :limit;
