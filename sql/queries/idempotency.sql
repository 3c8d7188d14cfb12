-- Idempotency keys (api/routes/idempotency.py).

-- name: forget_old_idempotency_keys
DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours';

-- name: claim_idempotency_key
-- Returns a row when this request is the first with the key (it then runs).
INSERT INTO idempotency_keys (owner, key, request_digest) VALUES ($1, $2, $3)
ON CONFLICT DO NOTHING
RETURNING key;

-- name: idempotency_record
SELECT request_digest, status, response, location FROM idempotency_keys
WHERE owner = $1 AND key = $2;

-- name: save_idempotent_response
UPDATE idempotency_keys SET status = $3, response = $4, location = $5
WHERE owner = $1 AND key = $2;

-- name: release_idempotency_key
DELETE FROM idempotency_keys WHERE owner = $1 AND key = $2 AND status IS NULL;
