"""One transaction, run again when Postgres aborted it to break a deadlock.

Postgres aborts one of two transactions that wait on each other (40P01) or that cannot be
serialised (40001); running the loser again is the documented remedy. Ingest, corrections,
merges and the worker's jobs all write through this.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

import asyncpg

from api.db.failures import RETRY
from api.db.rows import Conn

T = TypeVar("T")

log = logging.getLogger("gazette.db")

ATTEMPTS = 3


async def in_transaction(
    db: asyncpg.Pool[asyncpg.Record] | Conn, work: Callable[[Conn], Awaitable[T]]
) -> T:
    """`work(conn)` inside a transaction, on a connection of the pool or on `db` itself;
    run again (at most ATTEMPTS times in all) when Postgres aborted it (RETRY), which is
    raised after the last attempt."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            if isinstance(db, asyncpg.Pool):
                async with db.acquire() as conn, conn.transaction():
                    return await work(conn)
            async with db.transaction():
                return await work(db)
        except RETRY as exc:
            if attempt == ATTEMPTS:
                raise
            log.warning("transaction attempt %d aborted (%s); retrying", attempt, exc.sqlstate)
    raise AssertionError("unreachable")
