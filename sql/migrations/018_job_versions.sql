-- The worker fleet (gazette worker, gazette jobs): which extractor each queued article went
-- through, and when its job was last leased.
--
-- extractor_version is the EXTRACTOR_VERSION (api/extract/version.py) of the worker that
-- finished the job, set with done_at: during an upgrade old and new workers run side by side,
-- and `gazette jobs` counts the jobs each version did. Jobs finished before this migration
-- have none.
--
-- leased_at is when the current (or last) lease was taken: leased_at - enqueued_at is how long
-- a job waited for a worker (bench/wakeup.py measures it).
ALTER TABLE ingest_jobs
    ADD COLUMN extractor_version text,
    ADD COLUMN leased_at timestamptz;
