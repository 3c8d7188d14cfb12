"""What the list options cost on the benchmark corpus: `sort`, `count=true`, `group_by`.

    DATABASE_URL=postgresql://… .venv/bin/python -m bench.facets

Needs the corpus (bench/corpus.py; `make bench` builds it). Calls the read functions the
routes call (api.db.reads), on one connection of a pool, each case several times, and
prints the median and worst milliseconds per case as a Markdown table. The caps of a count
(COUNT_CAP exact rows) and a facet (GROUPED_ROWS newest matches) and of relevance
(RELEVANCE_POOL) are what keeps the worst of these bounded: the unfiltered cases read the
biggest tables there are.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

from api.db import reads
from api.db.migrate import migrate
from api.db.pool import create_pool
from api.filters import (
    ActorFilters,
    ArticleFilters,
    ClaimFilters,
    Filters,
    PlaceFilters,
    QuoteFilters,
)
from bench.database import bench_database

RUNS = 7
COMMON_WORD = "also"  # in one quote of twenty, three articles of four, at scale 1


def cases(speaker: str, place: str) -> list[tuple[str, Callable[[Any], Awaitable[Any]]]]:
    """(what, how to run it on a connection) for each measured case."""
    quotes, claims = QuoteFilters(), ClaimFilters()
    searched = QuoteFilters(q=COMMON_WORD)

    def page(how: reads.ListRead[Any], filters: Filters, sort: Any = "-created") -> Any:
        return lambda db: reads.read_list(db, how, filters, sort, None, 50)

    def count(how: reads.ListRead[Any], filters: Filters) -> Any:
        return lambda db: reads.count_list(db, how, filters)

    def group(how: reads.ListRead[Any], filters: Filters, by: str) -> Any:
        return lambda db: reads.group_list(db, how, filters, by)

    return [
        ("quotes, first page (the default order)", page(reads.QUOTES, quotes)),
        ("quotes by publication, newest first", page(reads.QUOTES, quotes, "-published_at")),
        ("quotes by publication, oldest first", page(reads.QUOTES, quotes, "published_at")),
        ("articles by publication", page(reads.ARTICLES, ArticleFilters(), "-published_at")),
        ("claims by time, newest first", page(reads.CLAIMS, claims, "-published_at")),
        (f"quotes q={COMMON_WORD}, relevance", page(reads.QUOTES, searched, "relevance")),
        (
            f"articles q={COMMON_WORD}, relevance",
            page(reads.ARTICLES, ArticleFilters(q=COMMON_WORD), "relevance"),
        ),
        ("actors q=Petrov, relevance", page(reads.ACTORS, ActorFilters(q="Petrov"), "relevance")),
        ("count: every quote (estimated past the cap)", count(reads.QUOTES, quotes)),
        (f"count: quotes q={COMMON_WORD}", count(reads.QUOTES, searched)),
        ("count: one speaker's quotes", count(reads.QUOTES, QuoteFilters(speaker=speaker))),
        ("count: every article", count(reads.ARTICLES, ArticleFilters())),
        ("group quotes by speaker (all quotes)", group(reads.QUOTES, quotes, "speaker")),
        ("group quotes by month (all quotes)", group(reads.QUOTES, quotes, "published_month")),
        (f"group quotes q={COMMON_WORD} by speaker", group(reads.QUOTES, searched, "speaker")),
        ("group articles by source", group(reads.ARTICLES, ArticleFilters(), "source")),
        ("group articles by place", group(reads.ARTICLES, ArticleFilters(), "place")),
        ("group claims by stance", group(reads.CLAIMS, claims, "stance")),
        ("group claims by place", group(reads.CLAIMS, claims, "place")),
        ("group claims of one place by month",
         group(reads.CLAIMS, ClaimFilters(place=place), "published_month")),
        ("group places by country", group(reads.PLACES, PlaceFilters(), "country")),
    ]  # fmt: skip


async def main(url: str) -> None:
    pool = await create_pool(url, min_size=1, max_size=2, statement_timeout_ms=60_000)
    try:
        async with pool.acquire() as conn:
            await migrate(conn)
            await conn.execute("ANALYZE")
            speaker = await conn.fetchval(
                "SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL "
                "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
            )
            place = await conn.fetchval(
                "SELECT place_id FROM claims GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
            )
            rows = await conn.fetchval("SELECT count(*) FROM quotes")
        print(f"## List options on the corpus ({rows:,} quotes; {RUNS} runs each)\n")
        print("| case | median ms | worst ms |")
        print("|---|---:|---:|")
        for what, run in cases(speaker, place):
            times = []
            async with pool.acquire() as conn:
                for _ in range(RUNS):
                    start = time.perf_counter()
                    await run(conn)
                    times.append((time.perf_counter() - start) * 1000)
            print(f"| {what} | {statistics.median(times):.1f} | {max(times):.1f} |")
    finally:
        await pool.close()


if __name__ == "__main__":
    with bench_database(sys.argv[1] if len(sys.argv) > 1 else None) as url:
        asyncio.run(main(url))
