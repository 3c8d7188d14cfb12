"""Typed reads: one function per named query of sql/queries/, returning wire Structs.

Lists fetch one row more than the page size to know whether a next page exists. Their
filters are shaped queries (api.db.sql.shaped): a filter given as None is left out.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, Awaitable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

import asyncpg
import msgspec

from api import schemas
from api.cursor import NEVER, Keyset
from api.db import records
from api.db.rows import (
    Db,
    Read,
    fetch_over,
    fetch_read_one,
    fetch_records,
    fetch_shaped,
    fetch_value,
)
from api.db.sql import choice
from api.filters import Filters
from api.pages import Group
from api.sorting import DEFAULT, RELEVANCE_POOL, Sort, key_of


class Listed(Protocol):
    """A row of a list: every one has an id."""

    @property
    def id(self) -> str: ...


T = TypeVar("T")
R = TypeVar("R", bound=Listed)


class Slice(msgspec.Struct, Generic[T]):
    """One page of rows, and where the next page starts (None: no more rows)."""

    rows: list[T]
    next: Keyset | None


@dataclass(frozen=True)
class ListRead(Generic[R]):
    """How a list is read: its statement (sql/queries), the read of one row into its Struct
    (api.db.records), the statement that ranks rows for sort=relevance, and the field that
    holds a row's publication time."""

    statement: str
    read: Read[R]
    rank: str | None = None
    time_field: str = "published_at"


def _keyset(row: Listed, sort: Sort, time_field: str, rank: float | None = None) -> Keyset:
    """Where a page that ends with `row` continues, in the order `sort`."""
    if sort == "relevance":
        return Keyset(row.id, rank=rank)
    if key_of(sort) == "time":
        return Keyset(row.id, time=getattr(row, time_field) or NEVER)
    return Keyset(row.id)


def _sorted_by(sort: Sort) -> dict[str, Any]:
    """The statement's lines for this order (api.db.sql choices); relevance reads the
    newest rows and ranks them itself."""
    order = choice("sort", "-created" if sort == "relevance" else sort)
    return {order: True, choice("from", "view"): True}


def _position(after: Keyset | None) -> dict[str, Any]:
    """The keyset parameters of a page after `after` (None: the first page)."""
    if after is None:
        return {}
    return {"after": after.id, "after_time": after.time}


async def read_list(
    db: Db, how: ListRead[R], filters: Filters, sort: Sort, after: Keyset | None, limit: int
) -> Slice[R]:
    """A page of a list: at most `limit` rows matching `filters` after `after`, in the
    order `sort`. One row more is read, to know whether another page follows."""
    if sort == "relevance":
        return await _ranked(db, how, filters, after, limit)
    named = {**msgspec.structs.asdict(filters), **_sorted_by(sort), **_position(after)}
    rows = await fetch_shaped(db, how.statement, how.read, {**named, "limit": limit + 1})
    if len(rows) <= limit:
        return Slice(rows, None)
    return Slice(rows[:limit], _keyset(rows[limit - 1], sort, how.time_field))


async def _ranked(
    db: Db, how: ListRead[R], filters: Filters, after: Keyset | None, limit: int
) -> Slice[R]:
    """sort=relevance: the RELEVANCE_POOL newest matches, most relevant first (then by id,
    newest first), the page after (rank, id) of `after`. Ranks are 32-bit floats compared
    exactly as Postgres computed them."""
    assert how.rank is not None, f"{how.statement} has no rank statement"
    named = {**msgspec.structs.asdict(filters), **_sorted_by("-created")}
    rows = await fetch_shaped(db, how.statement, how.read, {**named, "limit": RELEVANCE_POOL})
    q = getattr(filters, "q")  # noqa: B009  # relevance is offered only with a search
    ranked = await fetch_records(db, how.rank, q=q, ids=[row.id for row in rows])
    ranks: dict[str, float] = {r["id"]: r["rank"] or 0.0 for r in ranked}
    order = sorted(rows, key=lambda row: (ranks[row.id], row.id), reverse=True)
    if after is not None:
        start = (after.rank or 0.0, after.id)
        order = [row for row in order if (ranks[row.id], row.id) < start]
    if len(order) <= limit:
        return Slice(order, None)
    last = order[limit - 1]
    return Slice(order[:limit], _keyset(last, "relevance", how.time_field, ranks[last.id]))


class FetchPage(Protocol[T]):
    """One keyset page of a list with its filters and order bound: rows after `after`, at
    most `limit`."""

    def __call__(self, db: Db, after: Keyset | None, limit: int, /) -> Awaitable[Slice[T]]: ...


def pages(how: ListRead[R], filters: Filters, sort: Sort = DEFAULT) -> FetchPage[R]:
    """The list read as `how` says, with `filters` and `sort` bound, a page at a time."""

    def fetch(db: Db, after: Keyset | None, limit: int) -> Awaitable[Slice[R]]:
        return read_list(db, how, filters, sort, after, limit)

    return fetch


async def every_page(
    pool: asyncpg.Pool[asyncpg.Record], fetch: FetchPage[T], after: Keyset | None, size: int
) -> AsyncGenerator[list[T], None]:
    """Every row of a list after `after`, `size` rows at a time, read from one read-only
    snapshot: memory stays constant, and concurrent writes neither add nor repeat rows."""
    async with pool.acquire() as conn, conn.transaction(isolation="repeatable_read", readonly=True):
        while True:
            page = await fetch(conn, after, size)
            if page.rows:
                yield page.rows
            if page.next is None:
                return
            after = page.next


async def ping(db: Db) -> None:
    """Raises when the database does not answer."""
    await fetch_value(db, "ping")


# --- articles -----------------------------------------------------------------------------


async def get_article(db: Db, article_id: str) -> schemas.Article | None:
    """The annotated article, in one statement (so from one snapshot: a concurrent delete or
    ingest cannot mix states)."""
    return await fetch_read_one(db, "get_article", records.article, id=article_id)


ARTICLES = ListRead("list_articles", records.article_summary, rank="rank_articles")


# --- actors -------------------------------------------------------------------------------


async def get_actor(db: Db, actor_id: str) -> schemas.Actor | None:
    return await fetch_read_one(db, "get_actor", records.actor, id=actor_id)


ACTORS = ListRead("list_actors", records.actor, rank="rank_actors")


# --- quotes -------------------------------------------------------------------------------


async def get_quote(db: Db, quote_id: str) -> schemas.Quote | None:
    return await fetch_read_one(db, "get_quote", records.quote, id=quote_id)


QUOTES = ListRead("list_quotes", records.quote, rank="rank_quotes")


# --- claims -------------------------------------------------------------------------------


async def get_claim(db: Db, claim_id: str) -> schemas.Claim | None:
    return await fetch_read_one(db, "get_claim", records.claim, id=claim_id)


CLAIMS = ListRead("list_claims", records.claim, time_field="claimed_at")


async def place_claims(
    db: Db, place_id: str, *, after: Keyset | None, limit: int
) -> Slice[schemas.Claim]:
    """Claims about a place, oldest first, after the (id, claimed_at) position if given."""
    position = {} if after is None else {"after_at": after.time, "after_id": after.id}
    rows = await fetch_shaped(
        db, "place_claims", records.claim, {"place": place_id, **position, "limit": limit + 1}
    )
    if len(rows) <= limit:
        return Slice(rows, None)
    return Slice(rows[:limit], _keyset(rows[limit - 1], "published_at", "claimed_at"))


# --- places -------------------------------------------------------------------------------


async def get_place(db: Db, place_id: str) -> schemas.Place | None:
    return await fetch_read_one(db, "get_place", records.place, id=place_id)


PLACES = ListRead("list_places", records.place, rank="rank_places")


# --- totals and facets of a list ----------------------------------------------------------

# An exact count reads at most this many rows (past it, the planner's estimate): measured
# on the bench corpus (bench/facets.py), ~10 ms for 10,000 quotes of a search.
COUNT_CAP = 10_000
# A facet groups the newest this many matches; `counted` says how many it grouped.
GROUPED_ROWS = 10_000
MAX_GROUPS = 100


class Total(msgspec.Struct, frozen=True):
    """How many rows match a list's filters: exact, or the planner's estimate."""

    count: int
    exact: bool


class Groups(msgspec.Struct, frozen=True):
    """A facet: groups of a list's newest matches, largest first, and how many matches
    they group (all of them when fewer than GROUPED_ROWS match)."""

    groups: list[Group]
    counted: int


def _over(how: ListRead[Any], filters: Filters, limit: int) -> dict[str, Any]:
    """The parameters of a statement over a list's matches: its filters, newest first, the
    rows of its table (what counts and facets read), not of its view."""
    newest = {choice("sort", "-created"): True, choice("from", "table"): True}
    return {**msgspec.structs.asdict(filters), **newest, "limit": limit}


async def count_list(db: Db, how: ListRead[Any], filters: Filters) -> Total:
    """How many rows match: counted up to COUNT_CAP, estimated past it."""
    exact = _over(how, filters, COUNT_CAP + 1)
    counted: int = (await fetch_over(db, "count_matches", how.statement, exact))[0][0]
    if counted <= COUNT_CAP:
        return Total(counted, exact=True)
    everything = _over(how, filters, 2**62)
    plan = (await fetch_over(db, "estimate_matches", how.statement, everything))[0][0]
    # a json column: decoded by the pool's codec (api/db/pool.py) when it has one
    decoded = json.loads(plan) if isinstance(plan, str) else plan
    estimate = int(decoded[0]["Plan"]["Plan Rows"])
    return Total(max(estimate, counted), exact=False)


async def group_list(db: Db, how: ListRead[Any], filters: Filters, by: str) -> Groups:
    """The facet `by` of a list's newest GROUPED_ROWS matches."""
    name = how.statement.replace("list_", "group_", 1) + f"_by_{by}"
    parameters = {**_over(how, filters, GROUPED_ROWS), "groups": MAX_GROUPS}
    rows = await fetch_over(db, name, how.statement, parameters)
    groups = [Group(key=r["key"], label=r["label"], count=r["count"]) for r in rows]
    return Groups(groups, counted=int(rows[0]["counted"]) if rows else 0)
