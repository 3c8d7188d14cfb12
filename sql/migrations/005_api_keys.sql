-- API keys: only a SHA-256 digest of each key is stored (keys are 256-bit random tokens, so
-- a fast digest is enough); the key itself is shown once, when it is created.
CREATE TABLE api_keys (
    id           text PRIMARY KEY,
    name         text NOT NULL,
    -- the first characters of the key, to recognise it in `gazette keys list`
    prefix       text NOT NULL,
    digest       text NOT NULL UNIQUE,
    scopes       text[] NOT NULL CHECK (scopes <@ ARRAY['read', 'write', 'admin'] AND cardinality(scopes) > 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz
);
