-- Who made a correction, as the system knows it: the id of the API key that sent it. The
-- body's `curator` is free text a client chooses; this one it cannot.
ALTER TABLE quotes ADD COLUMN curated_key text;
ALTER TABLE actors ADD COLUMN curated_key text;
ALTER TABLE actor_redirects ADD COLUMN merged_key text;
