-- Mentions are keyed by their article: PRIMARY KEY (article_id, id) instead of (id).
--
-- Sharding by article (docs/SCALING.md, "Past one primary") needs every unique key of a
-- distributed table to hold the shard key; a global identity key alone would block it. The
-- new key's index also serves what the separate article_id index served (an article's
-- mentions, the cascade of an article's delete), so that index goes: one index fewer to
-- write on every ingest.

ALTER TABLE mentions DROP CONSTRAINT mentions_pkey, ADD PRIMARY KEY (article_id, id);
DROP INDEX mentions_article_id_idx;

ALTER TABLE place_mentions DROP CONSTRAINT place_mentions_pkey, ADD PRIMARY KEY (article_id, id);
DROP INDEX place_mentions_article_id_idx;
