-- Lists read by publication time (`sort=published_at`, both directions) page on
-- (publication time, id); rows without a publication time sort as -infinity, older than
-- every dated row (api/sorting.py). These indexes serve both directions and the pages after
-- a cursor; the single-column ones they replace still served the date-range filters, which
-- these serve as well for claims (claimed_at is never null). Articles and quotes keep theirs
-- for `published_after`/`published_before`, which compare the column itself.

CREATE INDEX articles_published_order_idx
    ON articles ((coalesce(published_at, '-infinity'::timestamptz)), id);
CREATE INDEX quotes_published_order_idx
    ON quotes ((coalesce(published_at, '-infinity'::timestamptz)), id);
DROP INDEX IF EXISTS claims_claimed_at_idx;
CREATE INDEX claims_claimed_at_idx ON claims (claimed_at, id);
