"""Run a named query and turn its rows into Structs."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeAlias, TypeVar

import asyncpg
import msgspec
from asyncpg.pool import PoolConnectionProxy

from api.db.sql import Shape, shaped, shaped_over

T = TypeVar("T")

# Anything that runs queries: the pool, or one connection (inside a transaction).
Db: TypeAlias = (
    "asyncpg.Pool[asyncpg.Record] | asyncpg.Connection[asyncpg.Record]"
    " | PoolConnectionProxy[asyncpg.Record]"
)


# One connection: what transactions and advisory locks need.
Conn: TypeAlias = "asyncpg.Connection[asyncpg.Record] | PoolConnectionProxy[asyncpg.Record]"


def to_struct(record: asyncpg.Record, type_: type[T]) -> T:
    # Extra columns (filter keys of the read views) are ignored by msgspec.convert.
    return msgspec.convert(dict(record), type_)


def _shape(name: str, parameters: Mapping[str, Any]) -> tuple[Shape, list[Any]]:
    """The shape of a named query for these `:name` parameters, and its `$1, $2, …` values:
    every one of them given, each used (api.db.sql.shaped raises otherwise)."""
    shape = shaped(name, frozenset(parameters))
    return shape, [parameters[p] for p in shape.parameters]


def _bound(name: str, parameters: Mapping[str, Any]) -> tuple[str, list[Any]]:
    shape, args = _shape(name, parameters)
    return shape.text, args


# The functions below take the statement's parameters as keywords named as in its .sql
# block (`:article_id` is article_id=…); the leading arguments are positional-only so a
# parameter may be called `name`.


async def fetch_all(db: Db, name: str, type_: type[T], /, **parameters: Any) -> list[T]:
    text, args = _bound(name, parameters)
    return [to_struct(r, type_) for r in await db.fetch(text, *args)]


Read: TypeAlias = Callable[[asyncpg.Record], T]


async def fetch_read_one(db: Db, name: str, read: Read[T], /, **parameters: Any) -> T | None:
    """The row of a named query through `read` (api.db.records), or None."""
    text, args = _bound(name, parameters)
    record = await db.fetchrow(text, *args)
    return None if record is None else read(record)


async def fetch_shaped(db: Db, name: str, read: Read[T], parameters: dict[str, Any]) -> list[T]:
    """The rows of a shaped query (api.db.sql.shaped) for these parameters; None means the
    filter is not given."""
    shape, args = _shape(name, {k: v for k, v in parameters.items() if v is not None})
    rows = await (
        _fetch_planned(db, shape.text, args) if shape.per_call else db.fetch(shape.text, *args)
    )
    return [read(r) for r in rows]


async def fetch_over(
    db: Db, name: str, rows_of: str, parameters: dict[str, Any]
) -> list[asyncpg.Record]:
    """The rows of `name` over the matches of the list statement `rows_of` (its `@matches`:
    api.db.sql.shaped_over), planned with these values."""
    given = {k: v for k, v in parameters.items() if v is not None}
    shape = shaped_over(name, rows_of, frozenset(given))
    return await _fetch_planned(db, shape.text, [given[p] for p in shape.parameters])


PLAN_PER_CALL = "SET LOCAL plan_cache_mode = force_custom_plan"


async def _fetch_planned(db: Db, text: str, args: list[Any]) -> list[asyncpg.Record]:
    """Run `text` planned with its values: in the caller's transaction, or in one of its own
    (SET LOCAL lasts until the transaction ends). Two more round trips, for statements that
    search and cost milliseconds."""
    if isinstance(db, asyncpg.Pool):
        async with db.acquire() as conn:
            return await _fetch_planned(conn, text, args)
    if db.is_in_transaction():
        await db.execute(PLAN_PER_CALL)
        return await db.fetch(text, *args)
    async with db.transaction(readonly=True):
        await db.execute(PLAN_PER_CALL)
        return await db.fetch(text, *args)


async def fetch_records(db: Db, name: str, /, **parameters: Any) -> list[asyncpg.Record]:
    text, args = _bound(name, parameters)
    return await db.fetch(text, *args)


async def fetch_record(db: Db, name: str, /, **parameters: Any) -> asyncpg.Record | None:
    text, args = _bound(name, parameters)
    return await db.fetchrow(text, *args)


async def fetch_value(db: Db, name: str, /, **parameters: Any) -> Any:
    text, args = _bound(name, parameters)
    return await db.fetchval(text, *args)


async def execute(db: Db, name: str, /, **parameters: Any) -> str:
    text, args = _bound(name, parameters)
    return await db.execute(text, *args)
