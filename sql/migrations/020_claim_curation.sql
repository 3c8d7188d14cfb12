-- Curated claims: an editor marks a claim wrong (the article does not make it: the extractor
-- misread it) or reviewed. A curated claim has curated_at set; re-extraction keeps it as the
-- curator left it, as it keeps curated quotes. A wrong claim stays readable but no longer
-- decides who holds a place, whether it is contested, or what a later denial answers.
--
-- ADD COLUMN with a constant default rewrites nothing (Postgres 11+).

ALTER TABLE claims
    ADD COLUMN wrong boolean NOT NULL DEFAULT false,
    ADD COLUMN curated_by text,
    ADD COLUMN curated_key text,
    ADD COLUMN curated_at timestamptz;

-- `wrong=true` lists the few claims marked wrong without reading the others.
CREATE INDEX claims_wrong_idx ON claims (id) WHERE wrong;
