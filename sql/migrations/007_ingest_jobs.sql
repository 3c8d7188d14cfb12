-- The bulk-ingest queue: `gazette ingest --queue` adds articles, `gazette worker` processes
-- (on any number of machines) take them in batches with FOR UPDATE SKIP LOCKED. A job is
-- marked done in the transaction that stores its article: a worker that dies mid-batch
-- commits nothing, its row locks go with its connection, and the next worker takes the jobs.
CREATE TABLE ingest_jobs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article jsonb NOT NULL,          -- the article as given ({title, body, source, url, published_at})
    content_hash text NOT NULL,      -- of the body: the same article is queued once
    origin text,                     -- the file (and line) it came from
    enqueued_at timestamptz NOT NULL DEFAULT now(),
    done_at timestamptz,
    done_by text,                    -- the worker that stored it
    article_id text,                 -- what it became, or the article already stored
    error text                       -- why it could not be stored (done; not retried)
);
CREATE UNIQUE INDEX ingest_jobs_content_hash ON ingest_jobs (content_hash);
CREATE INDEX ingest_jobs_pending ON ingest_jobs (id) WHERE done_at IS NULL;
