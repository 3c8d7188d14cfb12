-- Near-duplicates: the same story published again with a line or two changed. Exact copies
-- are found by content_hash; these by a 64-bit SimHash of the body's word shingles
-- (api/extract/fingerprint.py), stored with the article when it is ingested. Two bodies are
-- near-duplicates when their fingerprints differ in at most 5 bits.
--
-- Comparing a new fingerprint with every stored one would read the whole table. Cut into six
-- bands (11, 11, 11, 11, 10 and 10 bits), two fingerprints within 5 bits share at least one
-- band whole (6 bands, at most 5 of them touched), so a GIN index on the bands finds the
-- candidates (a random article shares a band with about one in 300) and bit_count on the XOR
-- keeps the near ones (queries/near_duplicates.sql). Each band is tagged with its position
-- (position * 65536 + value) so that equal values in different bands do not match.
--
-- Articles stored before this migration have no fingerprint (NULL) and are never matched:
-- their bodies would have to be read back and hashed in Python.

CREATE FUNCTION simhash_bands(fingerprint bigint) RETURNS integer[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN ARRAY[
    ((fingerprint >> 53) & 2047)::integer,
    65536 + ((fingerprint >> 42) & 2047)::integer,
    131072 + ((fingerprint >> 31) & 2047)::integer,
    196608 + ((fingerprint >> 20) & 2047)::integer,
    262144 + ((fingerprint >> 10) & 1023)::integer,
    327680 + (fingerprint & 1023)::integer
];

ALTER TABLE articles ADD COLUMN simhash bigint;
CREATE INDEX articles_simhash_bands_idx ON articles USING gin (simhash_bands(simhash));
