"""The asyncpg pool: JSON codecs backed by msgspec, a statement timeout on every connection."""

from __future__ import annotations

from typing import Any

import asyncpg
import msgspec

_json_encode = msgspec.json.encode
_json_decode = msgspec.json.decode


def _encode_jsonb(value: Any) -> bytes:
    # binary jsonb wire format: a version byte, then the JSON text
    return b"\x01" + _json_encode(value)


def _decode_jsonb(data: bytes) -> Any:
    return _json_decode(data[1:])


async def _init_connection(conn: asyncpg.Connection) -> None:
    await conn.set_type_codec(
        "jsonb", schema="pg_catalog", encoder=_encode_jsonb, decoder=_decode_jsonb, format="binary"
    )
    await conn.set_type_codec(
        "json", schema="pg_catalog", encoder=_json_encode, decoder=_json_decode, format="binary"
    )


async def _keep_session(conn: asyncpg.Connection) -> None:
    """Return a connection to the pool without a query.

    asyncpg's default reset sends one on every release (advisory unlock, CLOSE ALL, UNLISTEN,
    RESET ALL): a round trip per request, for session state Gazette never leaves behind. It
    sets no session variables (connection settings are given at connect), keeps no cursor or
    LISTEN beyond a statement, and releases its one advisory lock (migrations) where it takes
    it. The pool still rolls back a transaction left open (a cancelled request) before this.
    """


class BoundedPool(asyncpg.Pool):
    """A pool whose acquire gives up after `acquire_timeout` seconds (TimeoutError, answered
    as 503 with Retry-After) instead of queueing a request forever when every connection is
    busy or the database is gone."""

    acquire_timeout: float = 5.0

    def acquire(self, *, timeout: float | None = None) -> Any:
        return super().acquire(timeout=self.acquire_timeout if timeout is None else timeout)


async def create_pool(
    dsn: str,
    *,
    min_size: int,
    max_size: int,
    statement_timeout_ms: int,
    acquire_timeout_s: float = 5.0,
    idle_in_transaction_ms: int = 0,
    read_only: bool = False,
) -> asyncpg.Pool:
    """A BoundedPool; `idle_in_transaction_ms` (0: off) lets Postgres end a session that sits
    in an open transaction that long (a stream whose client stopped reading); `read_only`
    sessions refuse every write (a replica's, api/db/replicas.py)."""
    pool = BoundedPool(
        dsn,
        min_size=min_size,
        max_size=max_size,
        init=_init_connection,
        connection_class=asyncpg.Connection,
        record_class=asyncpg.Record,
        max_inactive_connection_lifetime=300.0,
        setup=None,
        reset=_keep_session,
        connect=None,
        loop=None,
        # Recycling connections every 50,000 queries (the default) costs throughput under load.
        max_queries=5_000_000,
        # Prepared statements kept per connection, each with its plan: the ~90 named queries
        # and the shapes of the lists' filters in use (asyncpg keeps 100 by default; one
        # pushed out is prepared and planned again when next used).
        statement_cache_size=512,
        server_settings={
            "statement_timeout": str(statement_timeout_ms),
            "idle_in_transaction_session_timeout": str(idle_in_transaction_ms),
            "application_name": "gazette",
            "timezone": "UTC",
            # Plan each prepared statement once, not at every call. Postgres's default keeps
            # re-planning a statement whose generic plan it costs above the custom ones (any
            # `LIMIT $n` makes it so), about 0.2 ms a call for a list page. Lists have one
            # statement per set of filters (api.db.sql.shaped), so one plan fits each; the
            # plans served are tested (tests/integration/test_query_plans.py).
            "plan_cache_mode": "force_generic_plan",
            "default_transaction_read_only": "on" if read_only else "off",
        },
    )
    pool.acquire_timeout = acquire_timeout_s
    await pool  # opens min_size connections
    return pool
