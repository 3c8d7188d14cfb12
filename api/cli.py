"""`gazette` command line: serve, migrate, reextract, openapi.

python -m api serve      start the API (embedded Postgres unless DATABASE_URL is set)
python -m api migrate    apply pending migrations and exit
python -m api reextract  re-run the extractor over stored articles, report what changed
python -m api keys       create, list and revoke API keys
python -m api openapi    print the OpenAPI document (make openapi writes it)
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import asyncpg

from api.observability import configure_logging
from api.settings import Settings, SettingsError, load_settings

log = logging.getLogger("gazette.cli")

LOCAL_KEY_NAME = "make run (local)"


@contextmanager
def database(settings: Settings) -> Iterator[str]:
    """Yield a database URL: DATABASE_URL, or the embedded Postgres started for the duration."""
    if settings.database_url:
        yield settings.database_url
        return
    from api.db.embedded import embedded_url, start_embedded

    server = start_embedded(settings.data_dir)
    try:
        yield embedded_url(server)
    finally:
        server._cleanup()  # stop now rather than at interpreter exit (atexit does the same)


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
    from granian.log import LogLevels

    with database(settings) as url:
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
            "api.app:create_app_from_env",
            address=settings.host,
            port=settings.port,
            interface=Interfaces.ASGI,
            factory=True,
            workers=settings.workers,
            log_level=LogLevels(settings.log_level.lower()),
        ).serve()
    return 0


async def _reextract(url: str, settings: Settings, only: list[str]) -> int:
    from api.db.pool import create_pool
    from api.extract import Extractor
    from api.reextract import article_ids, reextract_article

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
                print(f"{article_id}: failed, left as it was: {exc!r}")
                continue
            if change is None:
                missing += 1
                print(f"{article_id}: no such article")
                continue
            seen += 1
            kept += change.kept_curated_quotes
            if change.changed:
                changed += 1
                print(f"{article_id}: {change.summary()}")
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
                    f"{key.created_at:%Y-%m-%d %H:%M}  {key.name}"
                )
            return 0
        if await keys.revoke_key(conn, args.key_id):
            print(f"revoked {args.key_id}")
            return 0
        print(f"no active key {args.key_id}", file=sys.stderr)
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
    from api.openapi import generate_spec

    sys.stdout.write(generate_spec())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gazette", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("serve", help="start the API")
    sub.add_parser("migrate", help="apply pending migrations")
    sub.add_parser("openapi", help="print the OpenAPI document")
    again = sub.add_parser(
        "reextract", help="run the current extractor over stored articles, keeping curated edits"
    )
    again.add_argument("--article", action="append", default=[], help="only this article id")
    keys_parser = sub.add_parser("keys", help="create, list and revoke API keys")
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
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"gazette: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    if args.command == "serve":
        return cmd_serve(settings)
    if args.command == "migrate":
        return cmd_migrate(settings)
    if args.command == "reextract":
        return cmd_reextract(settings, args.article)
    if args.command == "keys":
        return cmd_keys(settings, args)
    return cmd_openapi()
