-- Quotes, newest first.

-- name: get_quote
SELECT *
FROM quote_rows WHERE id = $1;

-- name: list_quotes
-- Filters are optional parameters, so the plan is made at each call with the values and drops
-- the unused ones. A filter on another table is a LEFT JOIN, not `$n IS NULL OR id IN (…)`:
-- Postgres turns IN into a join only before it knows that $n is set, so inside the OR it
-- stays a filter tested on every row in id order; the join, used, becomes an inner join the
-- planner can start from (the text index), and, unused, is removed.
SELECT v.*
FROM quote_rows v
LEFT JOIN quotes matched ON matched.id = v.id
WHERE ($1::text IS NULL OR v.speaker_id = current_actor($1))
  AND ($2::text IS NULL OR v.article_id = $2)
  AND ($3::text IS NULL OR matched.search @@ websearch_to_tsquery('english', $3))
  AND ($4::text IS NULL OR v.kind = $4)
  AND ($5::timestamptz IS NULL OR v.published_at >= $5)
  AND ($6::timestamptz IS NULL OR v.published_at < $6)
  AND ($7::text IS NULL OR v.id < $7)
ORDER BY v.id DESC
LIMIT $8;

-- name: insert_quotes
-- An article's quotes in one statement: $3.. are arrays, one element per quote.
INSERT INTO quotes (id, article_id, speaker_id, speaker_text, cue, kind, text, start, "end",
                    confidence, published_at, extractor_version)
SELECT q.id, $1, q.speaker_id, q.speaker_text, q.cue, q.kind, q.text, q.start, q."end",
       q.confidence, $2, $3
FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[],
            $11::int[], $12::real[])
     AS q(id, speaker_id, speaker_text, cue, kind, text, start, "end", confidence);
