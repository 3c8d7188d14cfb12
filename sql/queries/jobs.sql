-- The bulk-ingest queue (ingest_jobs): enqueued by `gazette ingest --queue`, taken by
-- `gazette worker`.

-- name: enqueue_jobs
-- `articles` articles as JSON text, `content_hashes` content hashes, `origins` origins; returns how many were new.
-- Wakes the workers listening on `channel` when any was: in the same statement, so in the
-- same transaction, and Postgres delivers a NOTIFY at commit, once the jobs are visible.
WITH added AS (
    INSERT INTO ingest_jobs (article, content_hash, origin)
    SELECT a::jsonb, h, o FROM unnest(:articles::text[], :content_hashes::text[], :origins::text[]) AS t(a, h, o)
    ON CONFLICT (content_hash) DO NOTHING
    RETURNING 1
)
SELECT count(*), CASE WHEN count(*) > 0 THEN pg_notify(:channel, count(*)::text) END FROM added;

-- name: lease_jobs
-- Lease the oldest pending jobs whose lease (if any) ran out to worker `worker` for `lease_s` seconds.
WITH free AS (
    SELECT id FROM ingest_jobs
    WHERE done_at IS NULL AND (leased_until IS NULL OR leased_until < now())
    ORDER BY id
    LIMIT :size
    FOR UPDATE SKIP LOCKED
)
UPDATE ingest_jobs j
SET leased_by = :worker, leased_at = now(), leased_until = now() + make_interval(secs => :lease_s),
    attempts = j.attempts + 1
FROM free
WHERE j.id = free.id
RETURNING j.id, j.article::text AS article, j.origin, j.attempts;

-- name: hold_job
-- Inside the transaction that stores the job's article: the job, locked, if it is still
-- pending and leased to worker `worker` (a lease that ran out may have gone to another worker).
SELECT id FROM ingest_jobs
WHERE id = :id AND done_at IS NULL AND leased_by = :worker
FOR UPDATE;

-- name: finish_job
-- Only a pending job: finishing one twice would mean it was processed twice. The worker's
-- extractor version is kept with it (a fleet being upgraded runs several).
UPDATE ingest_jobs
SET done_at = now(), done_by = :worker, article_id = :article_id, error = :error,
    extractor_version = :extractor_version
WHERE id = :id AND done_at IS NULL;

-- name: pending_jobs
-- Jobs not done yet, including those another worker holds now.
SELECT count(*) FROM ingest_jobs WHERE done_at IS NULL;

-- name: next_lease_end
-- Seconds until the first lease of a pending job runs out (NULL: none is leased): a worker
-- with nothing to do sleeps until then at most, and takes that job if its worker died.
SELECT extract(epoch FROM min(leased_until) - now())::float8 FROM ingest_jobs
WHERE done_at IS NULL AND leased_until IS NOT NULL;

-- name: count_jobs
-- For `gazette jobs`: pending (leased: with a lease still running), done (failed: with an error).
SELECT
    count(*) FILTER (WHERE done_at IS NULL) AS pending,
    count(*) FILTER (WHERE done_at IS NULL AND leased_until >= now()) AS leased,
    count(*) FILTER (WHERE done_at IS NOT NULL) AS done,
    count(*) FILTER (WHERE done_at IS NOT NULL AND error IS NOT NULL) AS failed
FROM ingest_jobs;

-- name: count_jobs_by_version
-- Done jobs by the extractor version of the worker that did them (NULL: before migration 018).
SELECT extractor_version AS version, count(*) AS done, count(error) AS failed
FROM ingest_jobs
WHERE done_at IS NOT NULL
GROUP BY extractor_version
ORDER BY extractor_version NULLS FIRST;

-- name: retry_jobs
-- Failed jobs queued again, those whose error contains `reason` or those of `ids`: as if new
-- (attempts too), and the workers on `channel` woken in the same statement. Returns how many.
WITH again AS (
    UPDATE ingest_jobs
    SET done_at = NULL, done_by = NULL, article_id = NULL, error = NULL, extractor_version = NULL,
        attempts = 0, leased_by = NULL, leased_at = NULL, leased_until = NULL
    WHERE done_at IS NOT NULL AND error IS NOT NULL
      AND strpos(error, :reason) > 0  --? reason
      AND id = ANY (:ids::bigint[])  --? ids
    RETURNING 1
)
SELECT count(*), CASE WHEN count(*) > 0 THEN pg_notify(:channel, count(*)::text) END FROM again;

-- name: stored_articles
-- Which of these urls and body hashes are stored already (to skip them before extracting).
SELECT url, content_hash FROM articles
WHERE md5(url) = ANY (SELECT md5(u) FROM unnest(:urls::text[]) AS u) OR content_hash = ANY (:content_hashes::text[]);
