-- The bulk-ingest queue: `gazette ingest --queue` adds articles, `gazette worker` processes
-- (on any number of machines) lease them in batches (FOR UPDATE SKIP LOCKED, then a lease
-- with a deadline). Each article is stored in a transaction of its own that also marks its
-- job done, only while the job is pending and leased to that worker: a worker that dies
-- mid-batch commits nothing more, its jobs go to another worker when its lease runs out, and
-- no job is ever done twice. A job that keeps failing is done with its error after a few
-- attempts instead of stopping every worker that takes it.
CREATE TABLE ingest_jobs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article jsonb NOT NULL,          -- the article as given ({title, body, source, url, published_at})
    content_hash text NOT NULL,      -- of the body: the same article is queued once
    origin text,                     -- the file (and line) it came from
    enqueued_at timestamptz NOT NULL DEFAULT now(),
    attempts integer NOT NULL DEFAULT 0,  -- leases taken
    leased_by text,
    leased_until timestamptz,
    done_at timestamptz,
    done_by text,                    -- the worker that stored it
    article_id text,                 -- what it became, or the article already stored
    error text                       -- why it could not be stored (done; not retried)
);
CREATE UNIQUE INDEX ingest_jobs_content_hash ON ingest_jobs (content_hash);
CREATE INDEX ingest_jobs_pending ON ingest_jobs (id) WHERE done_at IS NULL;
