-- Quotes, newest first.

-- name: get_quote
SELECT *
FROM quote_rows WHERE id = $1;

-- name: list_quotes
-- planned once: speaker, article, after
-- The lists' filters are optional lines, each a SQL text of its own (api/db/sql.py, shaped).
SELECT v.*
FROM quote_rows v
WHERE true
  AND v.speaker_id = current_actor(:speaker)                                      --? speaker
  AND v.article_id = :article                                                     --? article
  AND v.id IN (SELECT id FROM quotes WHERE search @@ websearch_to_tsquery('english', :q))  --? q
  AND v.kind = :kind                                                              --? kind
  AND v.published_at >= :published_after                                         --? published_after
  AND v.published_at < :published_before                                         --? published_before
  AND v.id < :after                                                               --? after
ORDER BY v.id DESC
LIMIT :limit;

-- name: insert_quotes
-- An article's quotes in one statement: $3.. are arrays, one element per quote.
INSERT INTO quotes (id, article_id, speaker_id, speaker_text, cue, kind, text, start, "end",
                    confidence, published_at, extractor_version)
SELECT q.id, $1, q.speaker_id, q.speaker_text, q.cue, q.kind, q.text, q.start, q."end",
       q.confidence, $2, $3
FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[],
            $11::int[], $12::real[])
     AS q(id, speaker_id, speaker_text, cue, kind, text, start, "end", confidence);
