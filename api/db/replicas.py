"""Reads on Postgres streaming replicas, writes on the primary.

Gazette does no replication of its own: a replica is a Postgres hot standby of the primary
(pg_basebackup, standby.signal). The API sends the reads that may be a little behind (lists,
details, GeoJSON, NDJSON streams) to a replica, round robin; writes, the changes feed (its
order is the primary's transaction ids) and key lookups stay on the primary.

Read-your-writes: every write answers with the primary's log position after its commit
(`Gazette-Position`). A read that sends it back is served by a replica that has replayed
that far, waiting for one at most `wait_s`; past that, by the primary. A replica that fails
(unreachable, restarting) is left out for `retry_s` and tried again after: its reads go to
another replica or the primary, never to an error. Replica pools open their sessions read
only, so a write cannot reach a replica even if one is promoted meanwhile.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import re
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import asyncpg

from api.db.failures import UNREACHABLE
from api.db.rows import Db, fetch_record, fetch_value

log = logging.getLogger("gazette.replicas")

T = TypeVar("T")

# As Postgres writes a WAL position (`16/B374D848`), or the same 64-bit number in hex.
POSITION_PATTERN = r"^([0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}|[0-9A-Fa-f]{1,16})$"
_POSITION = re.compile(POSITION_PATTERN)

# What a replica failing means: out of reach, or not accepting connections.
FAILED = (*UNREACHABLE, asyncpg.OperatorInterventionError, TimeoutError)


def format_position(lsn: int) -> str:
    """A WAL position as Postgres writes it: `16/B374D848`."""
    return f"{lsn >> 32:X}/{lsn & 0xFFFFFFFF:X}"


def parse_position(text: str) -> int | None:
    """The WAL position of a `Gazette-Position` header; None if it is not one."""
    if _POSITION.fullmatch(text) is None:
        return None
    high, slash, low = text.partition("/")
    return (int(high, 16) << 32) | int(low, 16) if slash else int(high, 16)


async def primary_position(db: Db) -> int:
    """The primary's log position now: at or past every commit that has returned."""
    position: int = await fetch_value(db, "primary_position")
    return position


class Replica:
    """One replica's pool and what was last seen of it."""

    def __init__(self, name: str, pool: asyncpg.Pool[asyncpg.Record]) -> None:
        self.name = name  # its host and database, for logs (never the password)
        self.pool = pool
        self.replayed = 0  # the WAL position it had replayed when last asked
        self.lag_s: float | None = None
        self.down_until = 0.0  # left out until then (monotonic clock)

    def up(self, now: float) -> bool:
        return self.down_until <= now


class Replicas:
    """The replicas reads may go to (none: every read on the primary)."""

    def __init__(self, replicas: list[Replica], *, wait_s: float, retry_s: float) -> None:
        self.replicas = replicas
        self.wait_s = wait_s
        self.retry_s = retry_s
        self._turn = itertools.cycle(range(len(replicas))) if replicas else None

    def _up(self) -> list[Replica]:
        """The replicas not left out, starting with the next in turn (round robin)."""
        if self._turn is None:
            return []
        start, now = next(self._turn), time.monotonic()
        ordered = self.replicas[start:] + self.replicas[:start]
        return [replica for replica in ordered if replica.up(now)]

    async def pick(self, position: int | None) -> Replica | None:
        """A replica for a read, one that has replayed `position` when given; None: the
        primary (no replica is up, or none caught up within `wait_s`)."""
        up = self._up()
        if position is None or not up:
            return up[0] if up else None
        known = [replica for replica in up if replica.replayed >= position]
        if known:  # as last seen: no need to ask
            return known[0]
        deadline = time.monotonic() + self.wait_s
        while True:
            for replica in up:
                await self.refresh(replica)
                if replica.up(time.monotonic()) and replica.replayed >= position:
                    return replica
            if time.monotonic() >= deadline:
                return None
            await asyncio.sleep(0.005)  # a replica replays in milliseconds; ask again soon
            up = [replica for replica in up if replica.up(time.monotonic())]

    async def refresh(self, replica: Replica) -> None:
        """Ask a replica how far it has replayed; a replica that does not answer is left
        out for `retry_s`."""
        try:
            status = await fetch_record(replica.pool, "replica_status")
        except FAILED as exc:
            self.failed(replica, exc)
            return
        assert status is not None
        replica.replayed = status["replayed"] or 0
        replica.lag_s = status["lag_s"]

    def failed(self, replica: Replica, exc: BaseException) -> None:
        """Leave `replica` out for a while: its reads go elsewhere."""
        if replica.up(time.monotonic()):
            log.warning("replica %s failed (%s); reads go elsewhere for %.0f s",
                        replica.name, type(exc).__name__, self.retry_s)  # fmt: skip
        replica.down_until = time.monotonic() + self.retry_s

    async def read(
        self,
        primary: asyncpg.Pool[asyncpg.Record],
        position: int | None,
        read: Callable[[Db], Awaitable[T]],
    ) -> tuple[T, Replica | None]:
        """`read` on a replica (caught up to `position` when given), or on the primary;
        a replica that fails meanwhile hands the read to the primary. Returns the result
        and the replica that served it (None: the primary)."""
        replica = await self.pick(position)
        if replica is not None and replica.lag_s is None:
            await self.refresh(replica)  # its first read: know its lag to report it
            replica = replica if replica.up(time.monotonic()) else None
        if replica is None:
            return await read(primary), None
        try:
            return await read(replica.pool), replica
        except FAILED as exc:
            self.failed(replica, exc)
            return await read(primary), None

    async def watch(self, every_s: float = 1.0) -> None:
        """Keep each replica's position and lag fresh, and bring back those left out once
        they answer again."""
        while True:
            for replica in self.replicas:
                if replica.up(time.monotonic()):  # one left out comes back once it answers
                    await self.refresh(replica)
            await asyncio.sleep(every_s)
