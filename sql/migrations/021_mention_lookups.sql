-- An article's mentions of one actor (or place), as the annotated article reads them, by the
-- primary key: (article_id, actor_id, id) and (article_id, place_id, id).
--
-- Keyed by (article_id, id) since 019, the planner served `m.article_id = … AND
-- m.actor_id = …` by AND-ing the key's bitmap with the actor_id index's: for a popular actor
-- that walks every mention of it (25,000 for one actor at 100,000 articles). The article
-- detail went from 0.5 to 9.8 ms of database time per request at that scale
-- (../shared/peers/compare.sh, bench/REPORT.md). With the entity in the key the lookup reads
-- the few rows it returns. The key, not one more index: a third index on these two tables
-- cost ingest a third more database time (bench/ingest.py). The key is still unique by id
-- and still holds the article (docs/SCALING.md); a merge that moves mentions to another
-- actor updates it. The actor_id and place_id indexes stay: an actor's or place's own counts,
-- merges and cascades use them.

ALTER TABLE mentions DROP CONSTRAINT mentions_pkey, ADD PRIMARY KEY (article_id, actor_id, id);
ALTER TABLE place_mentions DROP CONSTRAINT place_mentions_pkey,
    ADD PRIMARY KEY (article_id, place_id, id);
