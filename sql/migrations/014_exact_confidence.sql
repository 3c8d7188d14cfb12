-- Confidence as the extractor wrote it: `real` kept 0.9 as 0.8999999761581421, which is
-- what every client then read. double precision holds the three decimals the extractor
-- rounds to exactly. real → numeric goes through the shortest text ('0.9'), so no stored
-- value changes beyond the noise. The read views select the column: dropped here, and
-- sql/views.sql puts them back (api/db/migrate.py reapplies it after any migration).

DROP VIEW IF EXISTS place_rows, place_contest, place_control, quote_rows, claim_rows,
    actor_rows, article_actor_rows, article_place_rows;

ALTER TABLE quotes ALTER COLUMN confidence TYPE double precision
    USING round(confidence::numeric, 3)::double precision;
ALTER TABLE claims ALTER COLUMN confidence TYPE double precision
    USING round(confidence::numeric, 3)::double precision;
