"""What the changes-log triggers cost on ingest (development-time script, not run by tests).

    .venv/bin/python -m bench.changes_overhead [--articles 400]

Two fresh databases on one server (an embedded Postgres in a temporary folder, or
DATABASE_URL's server): one with the triggers of sql/migrations/008_changes.sql, one with
them disabled. The same pre-extracted articles (the test fixtures, each copy with its own
body) are stored into both, alternating article by article so that whatever else the machine
is doing weighs on both alike. Timed is the database work of ingest: insert_article and
store_extraction in one transaction, what POST /v1/articles does after extraction.

Prints per article: the median and total time with and without triggers, the time Postgres
itself counted inside the trigger functions (steadier than a difference of wall-clock
times), the entries logged and the log's size per entry.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TypeAlias

import asyncpg
import msgspec

from api.db import writes
from api.db.migrate import migrate
from api.db.pool import create_pool
from api.db.rows import Conn
from api.db.transaction import in_transaction
from api.extract import Extraction, Extractor
from api.extract.fingerprint import simhash
from api.names import content_hash
from api.schemas import ArticleIn
from api.services.ingest import store_extraction
from tests.fixtures import MARKET_REPORT, WIRE_REPORT
from tests.support import with_database

TRIGGERS = {
    "articles": ["articles_created", "articles_updated", "articles_deleted"],
    "actors": ["actors_created", "actors_updated", "actors_deleted"],
    "actor_aliases": ["actor_aliases_added", "actor_aliases_removed"],
    "quotes": ["quotes_created", "quotes_updated", "quotes_deleted"],
    "claims": ["claims_created", "claims_updated", "claims_deleted"],
    "places": ["places_created", "places_updated", "places_deleted"],
}

Pool: TypeAlias = "asyncpg.Pool[asyncpg.Record]"


def fixture_articles(count: int) -> list[tuple[ArticleIn, Extraction]]:
    """`count` distinct articles, extracted once per template (extraction is not timed)."""
    extractor = Extractor()
    templates = [
        (t, extractor.extract(t["body"], t["source"])) for t in (WIRE_REPORT, MARKET_REPORT)
    ]
    articles = []
    for n in range(count):
        template, extraction = templates[n % len(templates)]
        # offsets stay valid: a copy only appends to the body
        fields = {**template, "body": f"{template['body']}\n(copy {n})", "url": None}
        articles.append((msgspec.convert(fields, ArticleIn), extraction))
    return articles


async def store(pool: Pool, article: ArticleIn, extraction: Extraction) -> float:
    """Seconds to store one article in one transaction, as ingest does."""

    async def work(conn: Conn) -> None:
        article_id = await writes.insert_article(
            conn, article, content_hash(article.body), extraction.version, simhash(article.body)
        )
        assert article_id is not None
        await store_extraction(conn, article_id, article.published_at, extraction)

    started = time.perf_counter()
    await in_transaction(pool, work)
    return time.perf_counter() - started


async def prepare(url: str, triggers: bool) -> None:
    conn = await asyncpg.connect(url)
    try:
        await migrate(conn)
        database = await conn.fetchval("SELECT current_database()")
        # Postgres counts the time spent in the trigger functions
        await conn.execute(f"ALTER DATABASE \"{database}\" SET track_functions = 'pl'")
        if not triggers:
            for table, names in TRIGGERS.items():
                for name in names:
                    await conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER {name}")
    finally:
        await conn.close()


async def run(server_url: str, count: int) -> None:
    articles = fixture_articles(count)
    names = {True: f"bench_on_{secrets.token_hex(3)}", False: f"bench_off_{secrets.token_hex(3)}"}
    for name in names.values():
        await admin(server_url, f'CREATE DATABASE "{name}"')
    pools: dict[bool, Pool] = {}
    try:
        for triggers, name in names.items():
            await prepare(with_database(server_url, name), triggers)
            pools[triggers] = await create_pool(
                with_database(server_url, name), min_size=1, max_size=1, statement_timeout_ms=60_000
            )
        times: dict[bool, list[float]] = {True: [], False: []}
        for n, (article, extraction) in enumerate(articles):
            # alternate which goes first, so neither always gets the warmer cache
            for triggers in (n % 2 == 0, n % 2 == 1):
                times[triggers].append(await store(pools[triggers], article, extraction))
        on = pools[True]
        await on.execute("SELECT pg_stat_force_next_flush()")
        in_triggers = await on.fetchval("SELECT sum(self_time) FROM pg_stat_user_functions")
        entries = await on.fetchval("SELECT count(*) FROM changes")
        size = await on.fetchval("SELECT pg_total_relation_size('changes')")
    finally:
        for pool in pools.values():
            await pool.close()
        for name in names.values():
            await admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    print(f"{count} articles into each database, one transaction each (extraction excluded)")
    print("  ms per article    median    mean")
    for triggers, label in ((False, "triggers off"), (True, "triggers on ")):
        ms = [t * 1000 for t in times[triggers]]
        print(f"  {label}      {statistics.median(ms):6.2f}  {statistics.fmean(ms):6.2f}")
    ratio = sum(times[True]) / sum(times[False])
    print(f"  total on / total off: {(ratio - 1) * 100:+.1f}%")
    print(f"  inside the trigger functions: {in_triggers / count:.2f} ms per article")
    per_entry = size / entries
    print(f"  entries: {entries / count:.1f} per article, {per_entry:.0f} bytes each with index")


async def admin(url: str, statement: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--articles", type=int, default=400)
    args = ap.parse_args()
    given = os.environ.get("DATABASE_URL")
    if given:
        asyncio.run(run(given, args.articles))
        return 0
    from api.db.embedded import embedded_url, start_embedded

    with tempfile.TemporaryDirectory(prefix="gazette-bench-") as folder:
        server = start_embedded(Path(folder))
        try:
            asyncio.run(run(embedded_url(server), args.articles))
        finally:
            server._cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
