"""The database the benchmarks run against, and what they record about it.

`DATABASE_URL` (or `--database-url`) when given; otherwise an embedded Postgres of its own in
`.gazette/bench`, never the one `make run` uses, so a benchmark corpus of several gigabytes
does not land in someone's working data. Benchmark bookkeeping lives in a schema `bench`
beside the application's tables.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

from api.cli.database import database
from api.settings import REPO_ROOT, Settings

BENCH_DATA_DIR = REPO_ROOT / ".gazette" / "bench"

CREATE_BENCH_SCHEMA = """
CREATE SCHEMA IF NOT EXISTS bench;
-- One row per corpus build: what the read benchmark reports and `--if-needed` compares.
CREATE TABLE IF NOT EXISTS bench.corpus (
    scale    double precision NOT NULL,
    seed     integer NOT NULL,
    built_at timestamptz NOT NULL DEFAULT now(),
    seconds  jsonb NOT NULL,
    rows     jsonb NOT NULL
);
"""


@contextmanager
def bench_database(url: str | None = None) -> Iterator[str]:
    """Yield the URL of the benchmark database, starting the embedded one if none is given."""
    given = url or os.environ.get("DATABASE_URL") or None
    with database(Settings(database_url=given, data_dir=BENCH_DATA_DIR)) as found:
        yield found


def libpq_args(url: str) -> list[str]:
    """The URL as arguments for libpq tools (pgbench): a unix socket folder given as
    `?host=/dir` works as the URI itself, which libpq understands."""
    parts = urlsplit(url)
    host = parse_qs(parts.query).get("host")
    if host and not parts.hostname:
        return ["-h", host[0], "-U", parts.username or "postgres", parts.path.lstrip("/")]
    return [url]
