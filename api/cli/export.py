"""`gazette export`: a list, with the API's filters, to a file or stdout."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from typing import BinaryIO

from api.cli.database import database, migrate_database
from api.settings import Settings

ALL_FILTERS = (
    "speaker", "article", "actor", "place", "controller", "claimant", "q", "source", "kind",
    "stance", "type", "modality", "bbox", "country", "published_after", "published_before",
)  # fmt: skip


async def _export(url: str, settings: Settings, args: argparse.Namespace) -> int:
    from api.db.pool import create_pool
    from api.services.export import FILTERS, GEOGRAPHIC, export

    filters = {name: getattr(args, name) for name in ALL_FILTERS if getattr(args, name)}
    wrong = sorted(set(filters) - set(FILTERS[args.entity]))
    if wrong:
        options = ", ".join("--" + name.replace("_", "-") for name in wrong)
        print(f"gazette: {options} does not filter {args.entity}", file=sys.stderr)
        return 2
    if args.format == "geojson" and args.entity not in GEOGRAPHIC:
        print(f"gazette: {args.entity} have no places to map; geojson is for claims, places",
              file=sys.stderr)  # fmt: skip
        return 2
    pool = await create_pool(
        url, min_size=1, max_size=2, statement_timeout_ms=settings.statement_timeout_ms
    )

    def output() -> BinaryIO:
        # blocking writes are what a command line wants: the export is the only work here
        if args.output:
            return open(args.output, "wb")
        return os.fdopen(sys.stdout.fileno(), "wb", closefd=False)

    try:
        count = await export(pool, args.entity, filters, args.format, output)
    finally:
        await pool.close()
    print(f"exported {count} {args.entity}", file=sys.stderr)
    return 0


def cmd_export(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings) as url:
        asyncio.run(migrate_database(url))
        return asyncio.run(_export(url, settings, args))
