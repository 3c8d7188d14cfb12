-- Places: gazetteer entries that some article named; upserted by GeoNames id at ingest.

-- name: get_place
SELECT * FROM place_rows WHERE id = $1;

-- name: list_places
-- q and bbox test the place's own row, joined for the reason given at list_quotes.
SELECT v.* FROM place_rows v
LEFT JOIN places matched ON matched.id = v.id
WHERE ($1::text IS NULL OR $1 <% matched.search_names)
  AND ($2::text IS NULL OR v.country_code = $2)
  AND ($3::box IS NULL OR matched.location <@ $3::box)
  AND ($4::text IS NULL OR v.id < $4)
ORDER BY v.id DESC
LIMIT $5;

-- name: insert_place
-- Nothing is returned when the place is stored already (place_by_geonames_id finds it): no
-- row lock, so ingests that name the same place do not queue behind each other.
INSERT INTO places (id, geonames_id, name, aliases, search_names, kind, country_code, admin1, lat, lon, population)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
ON CONFLICT (geonames_id) DO NOTHING
RETURNING id;

-- name: place_by_geonames_id
SELECT id FROM places WHERE geonames_id = $1 FOR KEY SHARE;

-- name: link_article_place
INSERT INTO article_places (article_id, place_id) VALUES ($1, $2) ON CONFLICT DO NOTHING;

-- name: insert_place_mentions
INSERT INTO place_mentions (article_id, place_id, start, "end", text)
SELECT $1, $2, s, e, t FROM unnest($3::int[], $4::int[], $5::text[]) AS u(s, e, t);
