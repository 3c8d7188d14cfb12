-- Idempotency-Key on POST: the first response to a key is kept for 24 hours and replayed to
-- a repeat of the same request; the same key with another request is refused.
CREATE TABLE idempotency_keys (
    owner          text NOT NULL,  -- the API key's id: keys of different clients never meet
    key            text NOT NULL,
    request_digest text NOT NULL,
    status         integer,        -- null while the first request is still running
    response       bytea,
    location       text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, key)
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
