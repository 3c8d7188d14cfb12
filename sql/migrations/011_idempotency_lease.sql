-- An Idempotency-Key is claimed for a lease, not for a day: a request that crashed, or lost
-- its database before it could release its key, no longer makes every retry answer 409
-- "still running" for 24 hours. A claim with no response past its lease is taken over.
ALTER TABLE idempotency_keys ADD COLUMN lease_until timestamptz NOT NULL DEFAULT now();
