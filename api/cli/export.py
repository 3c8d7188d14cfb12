"""`gazette export`: a list, with the API's filters, to a file or stdout."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import textwrap
from typing import BinaryIO

from api.cli.database import database, migrate_database
from api.services.export import FILTERS, GEOGRAPHIC, export
from api.settings import Settings

# Every list's filters (api/filters.py), each an option `--published-after`.
ALL_FILTERS = tuple(dict.fromkeys(name for names in FILTERS.values() for name in names))


def option(name: str) -> str:
    return "--" + name.replace("_", "-")


def filters_help() -> str:
    """Which options filter which list, for `gazette export --help`."""
    lines = ["filters (as the API's query parameters; each list takes its own):"]
    for entity, names in FILTERS.items():
        lines += textwrap.wrap(
            " ".join(map(option, names)), width=79,
            initial_indent=f"  {entity:<8} ", subsequent_indent=" " * 11,
        )  # fmt: skip
    return "\n".join(lines)


async def _export(url: str, settings: Settings, args: argparse.Namespace) -> int:
    from api.db.pool import create_pool

    filters = {name: getattr(args, name) for name in ALL_FILTERS if getattr(args, name)}
    wrong = sorted(set(filters) - set(FILTERS[args.entity]))
    if wrong:
        options = ", ".join(map(option, wrong))
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
        count = await export(pool, args.entity, filters, args.format, output, args.sort)
    finally:
        await pool.close()
    print(f"exported {count} {args.entity}", file=sys.stderr)
    return 0


# what a shell reports for a writer whose reader went away (128 + SIGPIPE)
READER_GONE = 141


def cmd_export(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings) as url:
        asyncio.run(migrate_database(url))
        try:
            return asyncio.run(_export(url, settings, args))
        except BrokenPipeError:
            # `gazette export … | head`: the reader has what it wanted. Stop quietly (the
            # rows and the connection are released already); stdout goes to /dev/null so
            # Python's own flush at exit does not complain about the pipe again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return READER_GONE
