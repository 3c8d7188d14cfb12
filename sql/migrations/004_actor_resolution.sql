-- current_actor(id): an actor id as it is now, following a merge redirect. Filters and
-- corrections that name a merged actor act on the survivor.
CREATE FUNCTION current_actor(actor_id text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce((SELECT r.actor_id FROM actor_redirects r WHERE r.old_id = $1), $1) $$;
