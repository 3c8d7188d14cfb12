"""The database a command works on: DATABASE_URL, or the embedded Postgres for its duration."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import asyncpg

from api.settings import Settings


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
            target=watch_server, args=(server, stop_serving), name="watch-postgres", daemon=True
        ).start()
    try:
        yield embedded_url(server)
    finally:
        server._cleanup()  # stop now rather than at interpreter exit (atexit does the same)


# why serve was stopped from inside, if it was (the embedded database will not start)
stopped_because: list[str] = []


def stop_serving(reason: str) -> None:
    stopped_because.append(reason)
    os.kill(os.getpid(), signal.SIGTERM)  # granian's graceful stop


async def migrate_database(url: str) -> list[int]:
    from api.db.migrate import migrate

    conn = await asyncpg.connect(url)
    try:
        return await migrate(conn)
    finally:
        await conn.close()
