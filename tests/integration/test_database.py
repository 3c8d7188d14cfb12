"""Migrations, named queries and the all-or-nothing ingest."""

from __future__ import annotations

import asyncio
import re
import secrets
import shutil
from pathlib import Path

import asyncpg
import httpx
import pytest

from api.db.migrate import apply_views, discover, migrate
from api.db.sql import (
    PARAMETER,
    SQL_DIR,
    every_shape,
    is_choice,
    optional_parameters,
    queries,
    query,
    shaped,
    shaped_over,
)
from api.extract import Extraction, Extractor
from api.extract.types import ExtractedQuote
from api.schemas import ArticleIn
from api.services.ingest import ExtractionQueue, ingest
from api.services.sandbox import InProcess
from tests.support import with_database

VIEWS = SQL_DIR / "views.sql"


async def test_concurrent_start_migrates_a_fresh_database_once(server_url: str) -> None:
    name = f"gazette_migrate_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(server_url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        conns = [await asyncpg.connect(with_database(server_url, name)) for _ in range(3)]
        try:
            results = await asyncio.gather(*(migrate(c) for c in conns))
            again = await migrate(conns[0])
            applied = await conns[0].fetchval("SELECT count(*) FROM schema_migrations")
        finally:
            for c in conns:
                await c.close()
    finally:
        await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        await admin.close()
    everything = [m.version for m in discover()]
    assert sorted(results) == [[], [], everything]  # one process migrated, two found it done
    assert again == [] and applied == len(everything)


@pytest.mark.parametrize("name", sorted(n for n in queries() if "@matches" not in query(n)))
async def test_every_named_query_prepares(pool: asyncpg.Pool[asyncpg.Record], name: str) -> None:
    """Parses and plans each statement of sql/queries/ against the real schema: every shape
    of a list's filters and orders (api.db.sql.shaped), every parameter named and used."""
    async with pool.acquire() as conn:
        for shape in every_shape(name):
            await conn.prepare(shape.text)


LISTS = ["list_articles", "list_quotes", "list_claims", "list_actors", "list_places"]


@pytest.mark.parametrize("name", sorted(n for n in queries() if "@matches" in query(n)))
async def test_every_statement_over_a_list_prepares(
    pool: asyncpg.Pool[asyncpg.Record], name: str
) -> None:
    """Counts and facets (`@matches`) over each list they serve, with every filter given."""
    served = [f"list_{name.split('_')[1]}"] if name.startswith("group_") else LISTS
    async with pool.acquire() as conn:
        for rows_of in served:
            filters = {n for n in optional_parameters(rows_of) if not is_choice(n)}
            given = filters - {"after", "after_time"} | {"limit", "@sort=-created", "@from=table"}
            own = {n for n in PARAMETER.findall(query(name))}
            await conn.prepare(shaped_over(name, rows_of, frozenset(given | own)).text)


PAGE = frozenset({"@sort=-created", "@from=view"})  # the default order, rows of the view


def test_a_shape_keeps_the_lines_of_the_filters_given() -> None:
    quotes = shaped("list_quotes", PAGE | {"speaker", "after", "limit"})
    assert quotes.parameters == ("speaker", "after", "limit")
    assert "current_actor($1)" in quotes.text and "v.id < $2" in quotes.text
    assert "LIMIT $3" in quotes.text and "websearch" not in quotes.text and "--?" not in quotes.text
    with pytest.raises(ValueError, match="needs"):
        shaped("list_quotes", PAGE | {"speaker"})  # no limit
    with pytest.raises(ValueError, match="no use for"):
        shaped("list_quotes", PAGE | {"limit", "speeker"})  # a filter nothing reads
    # 6 filters in any combination, with each of 4 orders, with or without a cursor, from
    # the read view (a page) or the table (a count or a facet)
    assert len(every_shape("list_quotes")) == 2**6 * 4 * 2 * 2
    with pytest.raises(ValueError, match="takes one of"):
        shaped("list_quotes", PAGE | {"limit", "@sort=created"})
    # a search's best plan depends on its words: planned at each call, not once
    assert not quotes.per_call
    assert shaped("list_quotes", PAGE | {"q", "limit"}).per_call


class BrokenExtractor(Extractor):
    """Returns a quote whose offsets violate the schema, so the transaction fails midway."""

    def __init__(self, real: Extractor) -> None:
        self.nlp = real.nlp
        self.gazetteer = real.gazetteer
        self.real = real

    def extract(self, text: str, source: str | None = None) -> Extraction:
        good = self.real.extract(text, source)
        bad = ExtractedQuote(text="x", kind="direct", start=5, end=1)
        return Extraction(good.version, good.actors, [*good.quotes, bad], good.places, good.claims)


async def test_a_failed_ingest_leaves_nothing_behind(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record], extractor: Extractor
) -> None:
    article = ArticleIn(
        title="Sorokin speaks",
        body="“We will see,” foreign ministry spokesman Ivan Sorokin said in Moscow.",
    )
    queue = ExtractionQueue(InProcess(BrokenExtractor(extractor), threads=1), max_pending=1)
    try:
        with pytest.raises(asyncpg.CheckViolationError):
            await ingest(pool, queue, article)
    finally:
        await queue.close()
    for table in ("articles", "actors", "mentions", "quotes", "places", "claims"):
        assert await pool.fetchval(f"SELECT count(*) FROM {table}") == 0, table


@pytest.fixture
def changed_views(tmp_path: Path) -> Path:
    """sql/views.sql with one more column in quote_rows."""
    changed = tmp_path / "views.sql"
    text = VIEWS.read_text(encoding="utf-8")
    changed.write_text(
        text.replace("AS curated, q.curated_by", "AS curated, 1 AS mark, q.curated_by")
    )
    return changed


async def test_the_views_file_defines_every_view_and_runs_when_it_changes(
    server_url: str, changed_views: Path, tmp_path: Path
) -> None:
    """sql/views.sql is the current definition of every read view: the migrated schema has no
    view it does not create, a changed file runs again (once) at the next migrate, and so
    does the file after a migration ran."""
    text = VIEWS.read_text(encoding="utf-8")
    created = re.findall(r"^CREATE VIEW (\w+) AS", text, re.MULTILINE)
    dropped = re.search(r"DROP VIEW IF EXISTS ([\w\s,]+);", text)
    assert dropped is not None and sorted(re.findall(r"\w+", dropped[1])) == sorted(created)
    marked = "SELECT count(*) FROM information_schema.columns WHERE column_name = 'mark'"
    name = f"gazette_views_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(server_url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    conn = await asyncpg.connect(with_database(server_url, name))
    try:
        await migrate(conn)
        views = await conn.fetch("SELECT viewname FROM pg_views WHERE schemaname = 'public'")
        assert sorted(r["viewname"] for r in views) == sorted(created)
        assert await apply_views(conn, changed_views) is True
        assert await apply_views(conn, changed_views) is False
        assert await conn.fetchval(marked) == 1
        assert await migrate(conn) == [] and await conn.fetchval(marked) == 0  # and back
        # a migration that drops a view to alter what it reads gets every view back
        migrations = tmp_path / "migrations"
        shutil.copytree(SQL_DIR / "migrations", migrations)
        next_version = discover(migrations)[-1].version + 1
        (migrations / f"{next_version:03d}_alter.sql").write_text("DROP VIEW quote_rows;")
        assert await migrate(conn, migrations) == [next_version]
        views = await conn.fetch("SELECT viewname FROM pg_views WHERE schemaname = 'public'")
        assert sorted(r["viewname"] for r in views) == sorted(created)
    finally:
        await conn.close()
        await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        await admin.close()


async def test_the_tables_of_an_article_are_keyed_by_it(
    pool: asyncpg.Pool[asyncpg.Record],
) -> None:
    """Sharding by article (docs/SCALING.md) needs each unique key of an article's rows to
    hold article_id. quotes and claims are keyed by id alone still: the plan says why."""
    rows = await pool.fetch(
        "SELECT t.relname AS table_name, array_agg(a.attname::text) AS columns"
        " FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid"
        " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(i.indkey)"
        " WHERE i.indisunique AND t.relname = ANY($1::text[])"
        " GROUP BY t.relname, i.indexrelid",
        ["mentions", "place_mentions", "article_actors", "article_places"],
    )
    assert {r["table_name"] for r in rows} == {
        "mentions", "place_mentions", "article_actors", "article_places"
    }  # fmt: skip
    assert all("article_id" in r["columns"] for r in rows), [dict(r) for r in rows]
