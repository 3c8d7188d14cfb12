"""One transaction, run again when Postgres aborted it to break a deadlock.

Postgres aborts one of two transactions that wait on each other (40P01) or that cannot be
serialised (40001); running the loser again is the documented remedy. Ingest, corrections
and merges all write through this.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

import asyncpg

from api.db.rows import Conn

T = TypeVar("T")

log = logging.getLogger("gazette.db")

RETRIED = (asyncpg.DeadlockDetectedError, asyncpg.SerializationError)
ATTEMPTS = 3


async def in_transaction(
    pool: asyncpg.Pool[asyncpg.Record], work: Callable[[Conn], Awaitable[T]]
) -> T:
    """`work(conn)` inside a transaction; retried (at most ATTEMPTS times) when aborted."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            async with pool.acquire() as conn, conn.transaction():
                return await work(conn)
        except RETRIED as exc:
            if attempt == ATTEMPTS:
                raise
            log.warning("transaction attempt %d aborted (%s); retrying", attempt, exc.sqlstate)
    raise AssertionError("unreachable")
