-- The source filter ignores case (`source=reuters` finds "Reuters"): list_articles compares
-- lower(source), so the index that serves it (and its newest-first paging) is on that.

DROP INDEX IF EXISTS articles_source_idx;
CREATE INDEX articles_source_idx ON articles (lower(source), id);
