"""Whether the database can still be reached, watched from the side.

/healthz is liveness: it must not fail because the database is slow or busy (a restart would
not help), but a process whose database has been unreachable for a minute answers 503 to
everything, for ever, while looking alive. So a task connects every few seconds on a
connection of its own (a busy pool says nothing about reachability) and /healthz answers 503
once the database has been out of reach longer than GAZETTE_DATABASE_DEAD_AFTER_S.
"""

from __future__ import annotations

import asyncio
import logging
import time

import asyncpg

from api.db import failures

log = logging.getLogger("gazette.liveness")


class DatabaseLiveness:
    """When the database stopped answering connections, if it did."""

    def __init__(self) -> None:
        self.down_since: float | None = None

    def down_for(self) -> float:
        """Seconds the database has been out of reach (0 while it answers)."""
        return 0.0 if self.down_since is None else time.monotonic() - self.down_since

    async def check(self, url: str, timeout_s: float = 5.0) -> None:
        try:
            conn = await asyncpg.connect(url, timeout=timeout_s)
        except failures.UNREACHABLE as exc:
            if self.down_since is None:
                log.warning("the database is out of reach: %r", exc)
                self.down_since = time.monotonic()
            return
        except TimeoutError:
            return  # slow, not gone: say nothing
        except Exception as exc:  # it answered, with a refusal (credentials, too many clients)
            log.warning("the database refused the liveness check: %r", exc)
            return
        await conn.close()
        if self.down_since is not None:
            log.warning("the database answers again")
        self.down_since = None

    async def wait_until_reachable(self, url: str, within_s: float) -> None:
        """Return once the database takes a connection; after `within_s`, go on anyway (the
        caller's own connect then raises the real error). A worker that starts while the
        database restarts must not die of it: granian stops the whole server when a worker
        dies twice within seconds."""
        deadline = time.monotonic() + within_s
        await self.check(url)
        while self.down_since is not None and time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            await self.check(url)

    async def watch(self, url: str, every_s: float = 5.0) -> None:
        while True:
            await self.check(url)
            await asyncio.sleep(every_s)
