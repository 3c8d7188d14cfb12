-- Places: gazetteer entries that some article named; upserted by GeoNames id at ingest.

-- name: get_place
SELECT * FROM place_rows WHERE id = :id;

-- name: list_places
-- A count or a facet reads the table (`@from=table`): the view's latest controller of each
-- place is for the page (for 10,000 places it reads every claim).
SELECT v.*
FROM place_rows v                                                                 --? @from=view
FROM places v                                                                     --? @from=table
WHERE true
  AND v.id IN (SELECT id FROM places WHERE :q <% search_names)                    --? q
  AND v.country_code = :country                                                   --? country
  AND v.id IN (SELECT id FROM places WHERE location <@ :bbox::box)                --? bbox
  AND v.id < :after                                                               --? after, @sort=-created
  AND v.id > :after                                                               --? after, @sort=created
ORDER BY v.id DESC                                                                --? @sort=-created
ORDER BY v.id                                                                     --? @sort=created
LIMIT :limit;

-- name: rank_places
-- How closely each of these places' names match `q` (for sort=relevance).
SELECT id, word_similarity(:q, search_names) AS rank
FROM places WHERE id = ANY(:ids::text[]);

-- name: insert_places
-- The article's gazetteer places, those not stored yet; no row lock on the stored ones, so
-- ingests that name the same place do not queue behind each other. Aliases come as one
-- JSON array of names each (Postgres arrays cannot be ragged).
INSERT INTO places (id, geonames_id, name, aliases, search_names, kind, country_code, admin1, lat, lon, population)
SELECT p.id, p.geonames_id, p.name, ARRAY(SELECT jsonb_array_elements_text(p.aliases::jsonb)),
       p.search_names, p.kind, p.country_code, p.admin1, p.lat, p.lon, p.population
FROM unnest(:id::text[], :geonames_id::bigint[], :name::text[], :aliases::text[],
            :search_names::text[], :kind::text[], :country_code::text[], :admin1::text[],
            :lat::float8[], :lon::float8[], :population::bigint[])
     AS p(id, geonames_id, name, aliases, search_names, kind, country_code, admin1, lat, lon, population)
ORDER BY p.geonames_id
ON CONFLICT (geonames_id) DO NOTHING;

-- name: places_by_geonames_ids
-- Their ids, locked against a concurrent delete until the links are written.
SELECT id, geonames_id FROM places WHERE geonames_id = ANY (:geonames_ids::bigint[]) ORDER BY geonames_id
FOR KEY SHARE;

-- name: link_article_places
INSERT INTO article_places (article_id, place_id)
SELECT :article_id, place_id FROM unnest(:entity_ids::text[]) AS u(place_id)
ON CONFLICT DO NOTHING;

-- name: insert_place_mentions
INSERT INTO place_mentions (article_id, place_id, start, "end", text)
SELECT :article_id, p, s, e, t FROM unnest(:entity_ids::text[], :starts::int[], :ends::int[], :texts::text[]) AS u(p, s, e, t);
