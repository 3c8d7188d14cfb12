"""`gazette ingest` and `gazette reextract`: articles in bulk (`gazette worker`: worker.py)."""

from __future__ import annotations

import argparse
import asyncio
import os
import time

from api.cli.database import database, migrate_database
from api.cli.escapes import printable
from api.db import failures
from api.settings import Settings


async def _ingest(url: str | None, settings: Settings, args: argparse.Namespace) -> int:
    from itertools import chain
    from pathlib import Path

    from api.cli import terminal
    from api.db.pool import create_pool
    from api.services import bulk
    from api.services.sources import discover, read

    items = list(chain.from_iterable(read(path) for path in discover(map(Path, args.paths))))
    started = time.perf_counter()
    if args.follow_links:
        from api.services.fetch import FetchLimits, follow_links

        linked = sum(1 for item in items if item.link is not None)
        with terminal.progress_bar(linked, "fetching") as advance:
            limits = FetchLimits(concurrency=args.fetch_concurrency)
            items = await follow_links(items, limits, advance=advance)
    label = "queued" if args.queue else "ingested"
    with terminal.progress_bar(len(items), "ingesting") as advance:
        if url is None:  # --api
            key = args.key or os.environ.get("GAZETTE_API_KEY")
            tally = await bulk.ingest_remote(
                args.api, key, items, concurrency=args.concurrency, advance=advance
            )
        else:
            pool = await create_pool(
                url, min_size=1, max_size=args.processes + 2,
                statement_timeout_ms=settings.statement_timeout_ms,
            )  # fmt: skip
            try:
                if args.queue:
                    tally = await bulk.enqueue(
                        pool, items, batch_size=256, max_body_chars=settings.max_body_chars,
                        advance=advance,
                    )  # fmt: skip
                else:
                    tally = await bulk.ingest_local(
                        pool, items, processes=args.processes, batch_size=args.batch,
                        max_body_chars=settings.max_body_chars, advance=advance,
                    )  # fmt: skip
            finally:
                await pool.close()
    terminal.print_summary(tally, time.perf_counter() - started, label)
    return 1 if tally.failures else 0


def cmd_ingest(settings: Settings, args: argparse.Namespace) -> int:
    if args.api:
        return asyncio.run(_ingest(None, settings, args))
    with database(settings) as url:
        asyncio.run(migrate_database(url))
        return asyncio.run(_ingest(url, settings, args))


async def _reextract(url: str, settings: Settings, only: list[str]) -> int:
    from api.db.pool import create_pool
    from api.extract import Extractor
    from api.services.reextract import article_ids, reextract_article

    extractor = await asyncio.to_thread(Extractor)
    pool = await create_pool(
        url, min_size=1, max_size=2, statement_timeout_ms=settings.statement_timeout_ms
    )
    seen = changed = missing = failed = kept = kept_claims = 0
    try:
        ids = only or [article_id async for article_id in article_ids(pool)]
        for article_id in ids:
            try:
                change = await reextract_article(pool, extractor, article_id)
            except failures.DATABASE_ERRORS as exc:
                # one article's failure (its transaction rolled back) does not stop the run
                failed += 1
                print(printable(f"{article_id}: failed, left as it was: {exc!r}"))
                continue
            if change is None:
                missing += 1
                print(printable(f"{article_id}: no such article"))
                continue
            seen += 1
            kept += change.kept_curated_quotes
            kept_claims += change.kept_curated_claims
            if change.changed:
                changed += 1
                print(printable(f"{article_id}: {change.summary()}"))
    finally:
        await pool.close()
    print(
        f"re-extracted {seen} articles: {changed} changed, {seen - changed} unchanged, "
        f"{kept} curated quotes and {kept_claims} curated claims kept, {missing} not found, "
        f"{failed} failed"
    )
    return 1 if missing or failed else 0


def cmd_reextract(settings: Settings, only: list[str]) -> int:
    with database(settings) as url:
        asyncio.run(migrate_database(url))
        return asyncio.run(_reextract(url, settings, only))
