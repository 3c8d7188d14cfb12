"""`gazette jobs`: the bulk-ingest queue at a glance, and failed jobs queued again."""

from __future__ import annotations

import argparse
import asyncio

from api.cli.database import database, migrate_database
from api.db import jobs
from api.db.jobs import Counts, VersionCounts
from api.settings import Settings


def cmd_jobs(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings) as url:
        asyncio.run(migrate_database(url))
        if args.jobs_command == "retry":
            return asyncio.run(_retry(url, settings, args.reason, args.id))
        return asyncio.run(_counts(url, settings))


async def _counts(url: str, settings: Settings) -> int:
    from api.db.pool import create_pool

    pool = await create_pool(
        url, min_size=1, max_size=1, statement_timeout_ms=settings.statement_timeout_ms
    )
    try:
        counts = await jobs.counts(pool)
        versions = await jobs.counts_by_version(pool)
    finally:
        await pool.close()
    for line in report(counts, versions):
        print(line)
    return 0


def report(counts: Counts, versions: list[VersionCounts]) -> list[str]:
    """The lines `gazette jobs` prints: the counts, then done and failed by extractor version
    (a fleet being upgraded shows two)."""
    lines = [
        f"pending  {counts.pending:>9,}",
        f"  leased {counts.leased:>9,}  (a worker has them now)",
        f"done     {counts.done:>9,}",
        f"  failed {counts.failed:>9,}  (done with an error: `gazette jobs retry`)",
    ]
    if versions:
        lines += ["", f"{'extractor version':<20} {'done':>9} {'failed':>9}"]
    for row in versions:
        version = row.version or "(not recorded)"
        lines.append(f"{version:<20} {row.done:>9,} {row.failed:>9,}")
    return lines


async def _retry(url: str, settings: Settings, reason: str | None, ids: list[int] | None) -> int:
    from api.db.pool import create_pool

    pool = await create_pool(
        url, min_size=1, max_size=1, statement_timeout_ms=settings.statement_timeout_ms
    )
    try:
        queued = await jobs.retry(pool, reason=reason, ids=ids)
    finally:
        await pool.close()
    print(f"queued {queued} failed jobs again")
    return 0
