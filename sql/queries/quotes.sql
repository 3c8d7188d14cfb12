-- Quotes, newest first.

-- name: get_quote
SELECT *
FROM quote_rows WHERE id = :id;

-- name: list_quotes
-- planned once: speaker, article, after
-- The lists' filters are optional lines, each a SQL text of its own (api/db/sql.py, shaped).
SELECT v.*
FROM quote_rows v
WHERE true
  AND v.speaker_id = current_actor(:speaker)                                      --? speaker
  AND v.article_id = :article                                                     --? article
  AND v.id IN (SELECT id FROM quotes WHERE search @@ websearch_to_tsquery('english', :q))  --? q
  AND v.kind = ANY(:kind::text[])                                                 --? kind
  AND v.published_at >= :published_after                                         --? published_after
  AND v.published_at < :published_before                                         --? published_before
  AND v.id < :after                                                               --? after
ORDER BY v.id DESC
LIMIT :limit;

-- name: insert_quotes
-- An article's quotes in one statement: the quotes' columns are arrays, one element a quote.
INSERT INTO quotes (id, article_id, speaker_id, speaker_text, cue, kind, text, start, "end",
                    confidence, published_at, extractor_version)
SELECT q.id, :article_id, q.speaker_id, q.speaker_text, q.cue, q.kind, q.text, q.start, q."end",
       q.confidence, :published_at, :extractor_version
FROM unnest(:id::text[], :speaker_id::text[], :speaker_text::text[], :cue::text[],
            :kind::text[], :text::text[], :start::int[], :end::int[], :confidence::float8[])
     AS q(id, speaker_id, speaker_text, cue, kind, text, start, "end", confidence);
