-- Quotes, newest first.

-- name: get_quote
SELECT *
FROM quote_rows WHERE id = :id;

-- name: list_quotes
-- planned once: speaker, article, after, @sort=-created, @from=view
-- The lists' filters are optional lines, each a SQL text of its own (api/db/sql.py, shaped);
-- the order is a choice of lines (`@sort=…`, api/sorting.py): its ORDER BY and the keyset
-- condition of its pages, on the index that has the same order (016_sort_orders.sql). A
-- count or a facet reads the table (`@from=table`): the view's joins are for the page.
SELECT v.*
FROM quote_rows v                                                                 --? @from=view
FROM quotes v                                                                     --? @from=table
WHERE true
  AND v.speaker_id = current_actor(:speaker)                                      --? speaker
  AND v.article_id = :article                                                     --? article
  AND v.id IN (SELECT id FROM quotes WHERE search @@ websearch_to_tsquery('english', :q))  --? q
  AND v.kind = ANY(:kind::text[])                                                 --? kind
  AND v.published_at >= :published_after                                         --? published_after
  AND v.published_at < :published_before                                         --? published_before
  AND v.id < :after                                                               --? after, @sort=-created
  AND v.id > :after                                                               --? after, @sort=created
  AND (coalesce(v.published_at, '-infinity'), v.id)                               --? after, after_time, @sort=-published_at
      < (:after_time::timestamptz, :after)                                        --? after, after_time, @sort=-published_at
  AND (coalesce(v.published_at, '-infinity'), v.id)                               --? after, after_time, @sort=published_at
      > (:after_time::timestamptz, :after)                                        --? after, after_time, @sort=published_at
ORDER BY v.id DESC                                                                --? @sort=-created
ORDER BY v.id                                                                     --? @sort=created
ORDER BY coalesce(v.published_at, '-infinity') DESC, v.id DESC                    --? @sort=-published_at
ORDER BY coalesce(v.published_at, '-infinity'), v.id                              --? @sort=published_at
LIMIT :limit;

-- name: rank_quotes
-- How well each of these quotes matches the search `q` (sort=relevance ranks a list's
-- newest matches by it: api/db/reads.py).
SELECT id, ts_rank(search, websearch_to_tsquery('english', :q)) AS rank
FROM quotes WHERE id = ANY(:ids::text[]);

-- name: insert_quotes
-- An article's quotes in one statement: the quotes' columns are arrays, one element a quote.
INSERT INTO quotes (id, article_id, speaker_id, speaker_text, cue, kind, text, start, "end",
                    confidence, published_at, extractor_version)
SELECT q.id, :article_id, q.speaker_id, q.speaker_text, q.cue, q.kind, q.text, q.start, q."end",
       q.confidence, :published_at, :extractor_version
FROM unnest(:id::text[], :speaker_id::text[], :speaker_text::text[], :cue::text[],
            :kind::text[], :text::text[], :start::int[], :end::int[], :confidence::float8[])
     AS q(id, speaker_id, speaker_text, cue, kind, text, start, "end", confidence);
