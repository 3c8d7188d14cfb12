"""Migrations, named queries and the all-or-nothing ingest."""

from __future__ import annotations

import asyncio

import asyncpg
import httpx
import pytest

from api.db.migrate import migrate
from api.db.sql import queries
from api.extract import Extraction, Extractor
from api.extract.types import ExtractedQuote
from api.ingest import ExtractionQueue, ingest
from api.schemas import ArticleIn


async def test_migrations_are_idempotent_under_concurrent_start(database_url: str) -> None:
    conns = [await asyncpg.connect(database_url) for _ in range(3)]
    try:
        results = await asyncio.gather(*(migrate(c) for c in conns))
    finally:
        for c in conns:
            await c.close()
    assert results == [[], [], []]  # the app's start-up already applied everything


@pytest.mark.parametrize("name", sorted(queries()))
async def test_every_named_query_prepares(pool: asyncpg.Pool[asyncpg.Record], name: str) -> None:
    """Parses and plans each statement of sql/queries/ against the real schema."""
    async with pool.acquire() as conn:
        await conn.prepare(queries()[name])


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
    queue = ExtractionQueue(BrokenExtractor(extractor), threads=1, max_pending=1)
    try:
        with pytest.raises(asyncpg.CheckViolationError):
            await ingest(pool, queue, article)
    finally:
        await queue.close()
    for table in ("articles", "actors", "mentions", "quotes", "places", "claims"):
        assert await pool.fetchval(f"SELECT count(*) FROM {table}") == 0, table
