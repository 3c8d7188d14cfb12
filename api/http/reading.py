"""Which database a request reads from, and the headers that say so (api/db/replicas.py).

- A read (`read_from`) goes to a replica when there are any: with a `Gazette-Position`
  request header, to one that has replayed that far (else the primary); the response then
  says how far behind the replica was (`Gazette-Replica-Lag`, seconds).
- Every successful write answers with `Gazette-Position`: the primary's log position after
  its commit, for the client to send back on the reads that must see the write.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import asyncpg
from litestar import Litestar, Request
from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from api.db.failures import DATABASE_ERRORS
from api.db.replicas import POSITION_PATTERN, Replica, format_position, parse_position
from api.db.replicas import primary_position as read_primary_position
from api.db.rows import Db
from api.errors import Invalid
from api.http.operations import LAG, POSITION
from api.http.patterns import register
from api.http.routes.common import resources

log = logging.getLogger("gazette.replicas")

T = TypeVar("T")

register(POSITION_PATTERN, "a Gazette-Position a write answered with, e.g. 16/B374D848")

_SERVED_BY = "gazette_replica"  # scope state: the replica that served the request's reads
WRITES = frozenset({"POST", "PATCH", "PUT", "DELETE"})


def asked_position(request: Request[Any, Any, Any]) -> int | None:
    """The write position the client must read at or after (`Gazette-Position`)."""
    given = request.headers.get(POSITION)
    if given is None:
        return None
    position = parse_position(given)
    if position is None:
        raise Invalid("header", POSITION, "must be a position a write answered with, e.g. 0/1A2B3C")
    return position


async def read_from(request: Request[Any, Any, Any], read: Callable[[Db], Awaitable[T]]) -> T:
    """`read` on a replica when there is one that can serve it, else on the primary."""
    held = resources(request)
    result, replica = await held.replicas.read(held.pool, asked_position(request), read)
    if replica is not None:
        request.scope.setdefault("state", {})[_SERVED_BY] = replica
    return result


async def stream_source(
    request: Request[Any, Any, Any], probe: Callable[[Db], Awaitable[Any]]
) -> asyncpg.Pool[asyncpg.Record]:
    """The pool a whole-list stream reads from, a replica's or the streams' own: the one
    that answered `probe` (its first row, read before the response starts)."""
    held = resources(request)
    _, replica = await held.replicas.read(held.stream_pool, asked_position(request), probe)
    if replica is None:
        return held.stream_pool
    request.scope.setdefault("state", {})[_SERVED_BY] = replica
    return replica.pool


class ReplicaHeaders:
    """App middleware: `Gazette-Replica-Lag` on what a replica served, `Gazette-Position` on
    every write that succeeded (one more query on the primary, after the commit)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        writes = scope["method"] in WRITES

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableScopeHeaders.from_message(message)
                replica: Replica | None = scope.get("state", {}).get(_SERVED_BY)
                if replica is not None and replica.lag_s is not None:
                    headers[LAG] = f"{replica.lag_s:.3f}"
                if writes and message["status"] < 400:
                    position = await self.primary_position(scope)
                    if position is not None:
                        headers[POSITION] = format_position(position)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    @staticmethod
    async def primary_position(scope: Scope) -> int | None:
        """The primary's position now; None when it cannot say (the write is done anyway:
        the response goes out without the header)."""
        pool = Litestar.from_scope(scope).state.resources.pool
        try:
            return await read_primary_position(pool)
        except (*DATABASE_ERRORS, OSError, TimeoutError) as exc:
            log.warning("no write position for the response: %s", type(exc).__name__)
            return None
