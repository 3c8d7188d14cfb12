-- API keys (api/db/keys.py).

-- name: insert_key
INSERT INTO api_keys (id, name, prefix, digest, scopes) VALUES (:id, :name, :prefix, :digest, :scopes);

-- name: key_by_digest
SELECT id, name, scopes FROM api_keys WHERE digest = :digest AND revoked_at IS NULL;

-- name: list_keys
SELECT id, name, prefix, scopes, created_at, revoked_at FROM api_keys ORDER BY created_at, id;

-- name: revoke_key
UPDATE api_keys SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL RETURNING id;

-- name: revoke_keys_named
UPDATE api_keys SET revoked_at = now() WHERE name = :name AND revoked_at IS NULL;
