-- An article's mentions of one actor (or place), as the annotated article reads them, by an
-- index on both columns.
--
-- Since 019 keyed mentions by (article_id, id), the planner served
-- `m.article_id = … AND m.actor_id = …` by AND-ing the key's bitmap with the actor_id index's:
-- for a popular actor that walks every mention of it (25,000 for "Russia" at 100,000
-- articles). The article detail went from 0.5 to 9.8 ms of database time per request at that
-- scale (../shared/peers/compare.sh, bench/REPORT.md). With both columns in one index the
-- lookup reads the few rows it returns. The actor_id and place_id indexes stay: an actor's or
-- place's own counts, merges and cascades use them.

CREATE INDEX mentions_article_actor_idx ON mentions (article_id, actor_id);
CREATE INDEX place_mentions_article_place_idx ON place_mentions (article_id, place_id);
