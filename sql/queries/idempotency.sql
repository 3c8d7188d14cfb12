-- Idempotency keys (api/http/routes/idempotency.py).

-- name: forget_old_idempotency_keys
DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours';

-- name: claim_idempotency_key
-- Returns a row when this request is the first with the key, or takes over the claim of one
-- that ended without a response and without releasing it (`lease_s` seconds of lease each).
INSERT INTO idempotency_keys (owner, key, request_digest, lease_until)
VALUES (:owner, :key, :request_digest, now() + make_interval(secs => :lease_s))
ON CONFLICT (owner, key) DO UPDATE
    SET request_digest = EXCLUDED.request_digest,
        lease_until = EXCLUDED.lease_until,
        created_at = now()
    WHERE idempotency_keys.status IS NULL AND idempotency_keys.lease_until < now()
RETURNING key;

-- name: idempotency_record
SELECT request_digest, status, response, location FROM idempotency_keys
WHERE owner = :owner AND key = :key;

-- name: save_idempotent_response
UPDATE idempotency_keys SET status = :status, response = :response, location = :location
WHERE owner = :owner AND key = :key;

-- name: release_idempotency_key
DELETE FROM idempotency_keys WHERE owner = :owner AND key = :key AND status IS NULL;
