-- The bulk-ingest queue (ingest_jobs): enqueued by `gazette ingest --queue`, taken by
-- `gazette worker`.

-- name: enqueue_jobs
-- `articles` articles as JSON text, `content_hashes` content hashes, `origins` origins; returns how many were new.
WITH added AS (
    INSERT INTO ingest_jobs (article, content_hash, origin)
    SELECT a::jsonb, h, o FROM unnest(:articles::text[], :content_hashes::text[], :origins::text[]) AS t(a, h, o)
    ON CONFLICT (content_hash) DO NOTHING
    RETURNING 1
)
SELECT count(*) FROM added;

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
SET leased_by = :worker, leased_until = now() + make_interval(secs => :lease_s), attempts = j.attempts + 1
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
-- Only a pending job: finishing one twice would mean it was processed twice.
UPDATE ingest_jobs SET done_at = now(), done_by = :worker, article_id = :article_id, error = :error
WHERE id = :id AND done_at IS NULL;

-- name: pending_jobs
-- Jobs not done yet, including those another worker holds now.
SELECT count(*) FROM ingest_jobs WHERE done_at IS NULL;

-- name: stored_articles
-- Which of these urls and body hashes are stored already (to skip them before extracting).
SELECT url, content_hash FROM articles
WHERE md5(url) = ANY (SELECT md5(u) FROM unnest(:urls::text[]) AS u) OR content_hash = ANY (:content_hashes::text[]);
