"""`gazette serve`, `gazette migrate` and `gazette openapi`: the API and its contract."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys

import asyncpg

from api.cli.database import database, migrate_database, stopped_because
from api.cli.escapes import printable
from api.settings import Settings

# The key `make run` prints is named after the process that printed it: a second instance
# on the same database (another port) must not revoke the first one's key while it runs.
LOCAL_KEY_NAME = "make run (local)"  # before names carried the process id: revoked on sight
LOCAL_KEY_PREFIX = "make run (local, pid "


def local_key_name(pid: int) -> str:
    return f"{LOCAL_KEY_PREFIX}{pid})"


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's: alive
        return True
    return True


def key_of_a_gone_run(name: str) -> bool:
    """A local key whose instance is no longer running (or an unnamed one from before)."""
    if name == LOCAL_KEY_NAME:
        return True
    if not name.startswith(LOCAL_KEY_PREFIX) or not name.endswith(")"):
        return False
    pid = name.removeprefix(LOCAL_KEY_PREFIX).removesuffix(")")
    return pid.isdigit() and int(pid) != os.getpid() and not process_alive(int(pid))


def cmd_migrate(settings: Settings) -> int:
    with database(settings) as url:
        applied = asyncio.run(migrate_database(url))
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
        asyncio.run(migrate_database(url))
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
        if settings.database_url is None and not stopped_because:
            with contextlib.suppress(OSError, asyncpg.PostgresError):
                asyncio.run(_forget_local_key(url))
    if stopped_because:
        print(printable(f"gazette: stopped: {stopped_because[0]}"), file=sys.stderr)
        return 3
    return 0


async def _local_key(url: str) -> str:
    """A fresh write+admin key for the person running `make run`; the keys printed by runs
    that have ended are revoked, those of runs still going are left alone."""
    from api.db import keys

    conn = await asyncpg.connect(url)
    try:
        for listed in await keys.list_keys(conn):
            if listed.revoked_at is None and key_of_a_gone_run(listed.name):
                await keys.revoke_key(conn, listed.id)
        name = local_key_name(os.getpid())
        return (await keys.create_key(conn, name, ["write", "admin"]))[1]
    finally:
        await conn.close()


async def _forget_local_key(url: str) -> None:
    """Revoke this run's key as it stops (a killed run's goes at the next start)."""
    from api.db import keys

    conn = await asyncpg.connect(url)
    try:
        await keys.revoke_keys_named(conn, local_key_name(os.getpid()))
    finally:
        await conn.close()


def cmd_openapi() -> int:
    from api.http.openapi import generate_spec

    sys.stdout.write(generate_spec())
    return 0
