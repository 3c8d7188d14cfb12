-- Totals and facets of a list. `@matches` stands for the list's own statement with the
-- same filters (api/db/sql.py, shaped_over), newest first, at most :limit rows of its table
-- (not of its read view: the view's joins serve a page, not a count): a count or a facet is
-- never a scan of a whole table by surprise (api/sorting.py and
-- api/db/reads.py say how many rows, and why).

-- name: count_matches
SELECT count(*) FROM (@matches) m;

-- name: estimate_matches
-- The planner's estimate of how many rows match, for lists past the exact count's cap.
EXPLAIN (FORMAT JSON) @matches;

-- Each facet: the groups of the matches by one field, largest first (months: newest first),
-- each with the label
-- a reader sees and, in `counted`, how many matches the groups count in all.

-- name: group_articles_by_source
SELECT lower(m.source) AS key, min(m.source) AS label, count(*) AS count,
       sum(count(*)) OVER () AS counted
FROM (@matches) m GROUP BY 1 ORDER BY count DESC, key LIMIT :groups;

-- name: group_articles_by_place
-- An article counts once in each place it names.
SELECT p.id AS key, min(p.name) AS label, count(*) AS count,
       (SELECT count(*) FROM (@matches) n) AS counted
FROM (@matches) m JOIN article_places x ON x.article_id = m.id JOIN places p ON p.id = x.place_id
GROUP BY 1 ORDER BY count DESC, key LIMIT :groups;

-- name: group_articles_by_published_month
SELECT to_char(m.published_at AT TIME ZONE 'UTC', 'YYYY-MM') AS key,
       to_char(m.published_at AT TIME ZONE 'UTC', 'YYYY-MM') AS label, count(*) AS count,
       sum(count(*)) OVER () AS counted
FROM (@matches) m GROUP BY 1 ORDER BY key DESC NULLS LAST LIMIT :groups;

-- name: group_quotes_by_speaker
-- The matches are table rows (api/db/reads.py): names are read for the groups only.
SELECT g.key, s.name AS label, g.count, g.counted
FROM (SELECT m.speaker_id AS key, count(*) AS count, sum(count(*)) OVER () AS counted
      FROM (@matches) m GROUP BY 1 ORDER BY count DESC, key LIMIT :groups) g
LEFT JOIN actors s ON s.id = g.key
ORDER BY g.count DESC, g.key;

-- name: group_quotes_by_kind
SELECT m.kind AS key, m.kind AS label, count(*) AS count, sum(count(*)) OVER () AS counted
FROM (@matches) m GROUP BY 1 ORDER BY count DESC, key LIMIT :groups;

-- name: group_quotes_by_published_month
SELECT to_char(m.published_at AT TIME ZONE 'UTC', 'YYYY-MM') AS key,
       to_char(m.published_at AT TIME ZONE 'UTC', 'YYYY-MM') AS label, count(*) AS count,
       sum(count(*)) OVER () AS counted
FROM (@matches) m GROUP BY 1 ORDER BY key DESC NULLS LAST LIMIT :groups;

-- name: group_claims_by_stance
SELECT m.stance AS key, m.stance AS label, count(*) AS count, sum(count(*)) OVER () AS counted
FROM (@matches) m GROUP BY 1 ORDER BY count DESC, key LIMIT :groups;

-- name: group_claims_by_type
SELECT m.type AS key, m.type AS label, count(*) AS count, sum(count(*)) OVER () AS counted
FROM (@matches) m GROUP BY 1 ORDER BY count DESC, key LIMIT :groups;

-- name: group_claims_by_modality
SELECT m.modality AS key, m.modality AS label, count(*) AS count,
       sum(count(*)) OVER () AS counted
FROM (@matches) m GROUP BY 1 ORDER BY count DESC, key LIMIT :groups;

-- name: group_claims_by_place
SELECT g.key, p.name AS label, g.count, g.counted
FROM (SELECT m.place_id AS key, count(*) AS count, sum(count(*)) OVER () AS counted
      FROM (@matches) m GROUP BY 1 ORDER BY count DESC, key LIMIT :groups) g
LEFT JOIN places p ON p.id = g.key
ORDER BY g.count DESC, g.key;

-- name: group_claims_by_published_month
SELECT to_char(m.claimed_at AT TIME ZONE 'UTC', 'YYYY-MM') AS key,
       to_char(m.claimed_at AT TIME ZONE 'UTC', 'YYYY-MM') AS label, count(*) AS count,
       sum(count(*)) OVER () AS counted
FROM (@matches) m GROUP BY 1 ORDER BY key DESC NULLS LAST LIMIT :groups;

-- name: group_actors_by_kind
SELECT m.kind AS key, m.kind AS label, count(*) AS count, sum(count(*)) OVER () AS counted
FROM (@matches) m GROUP BY 1 ORDER BY count DESC, key LIMIT :groups;

-- name: group_places_by_country
SELECT m.country_code AS key, m.country_code AS label, count(*) AS count,
       sum(count(*)) OVER () AS counted
FROM (@matches) m GROUP BY 1 ORDER BY count DESC, key LIMIT :groups;

-- name: group_places_by_kind
SELECT m.kind AS key, m.kind AS label, count(*) AS count, sum(count(*)) OVER () AS counted
FROM (@matches) m GROUP BY 1 ORDER BY count DESC, key LIMIT :groups;
